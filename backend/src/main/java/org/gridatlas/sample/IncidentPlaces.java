package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Where incidents happen: points drawn around the hot spot of their class (a market, an old compound, a
 * construction site, a road…) with a spread of metres to tens of metres, always inside the street, each with the
 * address a reporter would give.
 */
final class IncidentPlaces {
    /** A building as the simulation sees it. */
    record Site(Coordinate centre, BuildingKind kind, int households, Address address) {}

    /** A place without its own buildings list: a market or construction site parcel. */
    record Area(Geometry parcel, Coordinate anchor, Address address) {}

    /** A drawn incident location in UTM metres, with a reporter's address. */
    record Spot(Coordinate point, String address) {}

    private final PreparedGeometry inside;
    private final Geometry street;
    private final List<Area> markets;
    private final List<Area> sites;
    private final WeightedPool<Site> old = new WeightedPool<>();
    private final WeightedPool<Site> towers = new WeightedPool<>();
    private final WeightedPool<Site> schools = new WeightedPool<>();
    private final WeightedPool<Site> any = new WeightedPool<>();
    private final WeightedPool<RoadSegment> roads = new WeightedPool<>();
    private final List<Coordinate> floodSpots = new ArrayList<>();
    private final List<RoadSegment> floodSegments = new ArrayList<>();

    IncidentPlaces(
            Geometry street,
            List<Site> buildings,
            List<Area> markets,
            List<Area> sites,
            List<RoadSegment> segments,
            Rng rng) {
        this.street = street;
        this.inside = PreparedGeometryFactory.prepare(street.buffer(-1));
        this.markets = markets;
        this.sites = sites;
        for (Site s : buildings) {
            BuildingKind k = s.kind();
            old.add(
                    s,
                    k == BuildingKind.WALK_UP || k == BuildingKind.HOUSE || k == BuildingKind.COURTYARD_HOUSE
                            ? s.households()
                            : 0);
            towers.add(
                    s,
                    k == BuildingKind.TOWER || k == BuildingKind.RESETTLEMENT_SLAB || k == BuildingKind.RENTAL_SLAB
                            ? s.households()
                            : 0);
            schools.add(s, k == BuildingKind.SCHOOL_BLOCK || k == BuildingKind.OFFICE_BLOCK ? 1 : 0);
            any.add(s, s.households() + 8);
        }
        for (RoadSegment seg : segments) {
            roads.add(seg, seg.length());
        }
        for (int i = 0; i < 3; i++) {
            RoadSegment seg = roads.draw(rng);
            floodSegments.add(seg);
            floodSpots.add(seg.at(rng.uniform(0.3, 0.7)));
        }
    }

    /** A point for an incident of this place kind, inside the street. */
    Spot draw(IncidentCatalog.Place place, Rng rng) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Spot spot = attempt < 40 ? candidate(place, rng) : candidate(IncidentCatalog.Place.ANY_BUILDING, rng);
            if (inside.contains(street.getFactory().createPoint(spot.point()))) {
                return spot;
            }
        }
        throw new IllegalStateException("cannot place an incident of kind " + place + " inside the street");
    }

    private Spot candidate(IncidentCatalog.Place place, Rng rng) {
        return switch (place) {
            case MARKET -> around(rng.pick(markets), rng, 20);
            case CONSTRUCTION -> around(rng.pick(sites), rng, 15);
            case OLD_COMPOUND -> at(old.draw(rng), rng, 12);
            case TOWER -> at(towers.isEmpty() ? any.draw(rng) : towers.draw(rng), rng, 10);
            case SCHOOL -> at(schools.isEmpty() ? any.draw(rng) : schools.draw(rng), rng, 25);
            case ANY_BUILDING -> at(any.draw(rng), rng, 15);
            case ROAD -> onRoad(roads.draw(rng), rng.next(), rng, 5);
            case FLOOD_SPOT -> flood(rng);
        };
    }

    /** Near a building, addressed by its compound (and the building, half of the time). */
    private static Spot at(Site s, Rng rng, double sigma) {
        String address = s.address().compound() != null && rng.chance(0.5)
                ? s.address().text()
                : s.address().place();
        return new Spot(jitter(s.centre(), rng, sigma), address);
    }

    /** Around a market or site: its main building or anywhere along its edge. */
    private static Spot around(Area area, Rng rng, double sigma) {
        Coordinate anchor = area.anchor();
        if (rng.chance(0.4)) {
            LengthIndexedLine edge = new LengthIndexedLine(area.parcel().getBoundary());
            anchor = edge.extractPoint(rng.uniform(0, area.parcel().getLength()));
        }
        return new Spot(jitter(anchor, rng, sigma), area.address().place());
    }

    private static Spot onRoad(RoadSegment seg, double t, Rng rng, double sigma) {
        double len = seg.length();
        double nx = -(seg.end().y - seg.start().y) / len;
        double ny = (seg.end().x - seg.start().x) / len;
        Coordinate c = seg.at(t);
        double off = rng.gaussian() * sigma;
        return new Spot(new Coordinate(c.x + nx * off, c.y + ny * off), roadAddress(seg, t));
    }

    private Spot flood(Rng rng) {
        int i = rng.nextInt(floodSpots.size());
        return new Spot(jitter(floodSpots.get(i), rng, 15), roadAddress(floodSegments.get(i), 0.5));
    }

    /** 天童南路与中河路口 near a crossing, else 天童南路近中河路 (the nearer crossing). */
    static String roadAddress(RoadSegment seg, double t) {
        Road cross = t < 0.5 ? seg.crossAtStart() : seg.crossAtEnd();
        boolean atCrossing = t < 0.15 || t > 0.85;
        return seg.road().name() + (atCrossing ? "与" + cross.name() + "口" : "近" + cross.name());
    }

    private static Coordinate jitter(Coordinate c, Rng rng, double sigma) {
        return new Coordinate(c.x + rng.gaussian() * sigma, c.y + rng.gaussian() * sigma);
    }
}
