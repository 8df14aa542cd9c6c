package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/** What the incident simulation needs to know of a street: its buildings, markets and construction sites. */
final class IncidentScene {
    private final List<IncidentPlaces.Site> sites = new ArrayList<>();
    private final List<IncidentPlaces.Site> residentialSites = new ArrayList<>();
    private final List<String> residentialCodes = new ArrayList<>();
    private final List<IncidentPlaces.Area> markets = new ArrayList<>();
    private final List<IncidentPlaces.Area> works = new ArrayList<>();

    IncidentScene(List<Parcel> parcels, BuildingCatalog catalog, AddressBook addresses) {
        for (int i = 0; i < catalog.size(); i++) {
            PlacedBuilding b = catalog.placed(i);
            IncidentPlaces.Site site = new IncidentPlaces.Site(
                    b.footprint().getCentroid().getCoordinate(),
                    b.draft().kind(),
                    b.draft().households(),
                    catalog.address(i));
            sites.add(site);
            if (b.draft().kind().residential() && !b.straddler()) {
                residentialSites.add(site);
                residentialCodes.add(catalog.feature(i).code());
            }
        }
        for (Parcel p : parcels) {
            if (p.use() == LandUse.MARKET) {
                markets.add(market(p, catalog));
            } else if (p.use() == LandUse.CONSTRUCTION) {
                works.add(new IncidentPlaces.Area(
                        p.polygon(), p.polygon().getCentroid().getCoordinate(), addresses.site(p)));
            }
        }
    }

    /** A market: its hall (or, if none fitted, the parcel's centre) and the market's address. */
    private static IncidentPlaces.Area market(Parcel p, BuildingCatalog catalog) {
        Coordinate anchor = p.polygon().getCentroid().getCoordinate();
        Address address = null;
        for (int i = 0; i < catalog.size(); i++) {
            if (catalog.placed(i).parcel() == p.id()) {
                address = address == null ? catalog.address(i) : address;
                if (catalog.placed(i).draft().kind() == BuildingKind.MARKET_HALL) {
                    anchor = catalog.placed(i).footprint().getCentroid().getCoordinate();
                }
            }
        }
        if (address == null) {
            throw new IllegalStateException("market parcel " + p.id() + " has no building");
        }
        return new IncidentPlaces.Area(p.polygon(), anchor, address);
    }

    List<IncidentPlaces.Site> sites() {
        return sites;
    }

    /** Residential buildings (straddlers left out), for incidents known by address only. */
    List<IncidentPlaces.Site> residentialSites() {
        return residentialSites;
    }

    String residentialCode(int i) {
        return residentialCodes.get(i);
    }

    List<IncidentPlaces.Area> markets() {
        return markets;
    }

    List<IncidentPlaces.Area> works() {
        return works;
    }
}
