package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The street's buildings as output features, coded per community ({@code B<community code>-0001} in placement
 * order: block by block from the north-west), with the grid each one counts towards.
 */
final class BuildingCatalog {
    private final List<PlacedBuilding> placed = new ArrayList<>();
    private final List<Address> addresses = new ArrayList<>();
    private final List<BuildingFeature> features = new ArrayList<>();
    private final List<Integer> grids = new ArrayList<>();

    BuildingCatalog(
            List<PlacedBuilding> buildings, List<Address> addressOf, Districts districts, UtmProjection projection) {
        for (int c = 0; c < districts.communities().size(); c++) {
            String community = districts.communities().get(c).code();
            int seq = 0;
            for (int i = 0; i < buildings.size(); i++) {
                PlacedBuilding b = buildings.get(i);
                if (districts.communityOf()[b.parcel()] == c) {
                    String code = "B" + community + String.format(Locale.ROOT, "-%04d", ++seq);
                    placed.add(b);
                    addresses.add(addressOf.get(i));
                    grids.add(districts.gridOf()[b.parcel()]);
                    features.add(feature(code, community, b, addressOf.get(i), projection));
                }
            }
        }
    }

    private static BuildingFeature feature(
            String code, String community, PlacedBuilding b, Address a, UtmProjection projection) {
        BuildingDraft d = b.draft();
        var footprint = projection.toLonLat(b.footprint());
        TilingCheck.valid(code, footprint);
        return new BuildingFeature(
                code,
                community,
                a.text(),
                a.compound(),
                d.kind().type(),
                d.floors(),
                d.units(),
                d.households(),
                d.residents(),
                d.elevator(),
                d.builtYear(),
                footprint);
    }

    int size() {
        return features.size();
    }

    List<BuildingFeature> features() {
        return features;
    }

    BuildingFeature feature(int i) {
        return features.get(i);
    }

    PlacedBuilding placed(int i) {
        return placed.get(i);
    }

    Address address(int i) {
        return addresses.get(i);
    }

    /** Grid index the building counts towards (the larger share for a straddler). */
    int grid(int i) {
        return grids.get(i);
    }

    List<AreaTotals> gridTotals(Districts districts) {
        List<AreaTotals> totals = new ArrayList<>();
        for (int g = 0; g < districts.gridCount(); g++) {
            Districts.Area a = districts.grids().get(g);
            totals.add(totals(a.code(), a.name(), g, true));
        }
        return totals;
    }

    List<AreaTotals> communityTotals(Districts districts) {
        List<AreaTotals> totals = new ArrayList<>();
        for (int c = 0; c < districts.communities().size(); c++) {
            Districts.Area a = districts.communities().get(c);
            totals.add(totals(a.code(), a.name(), c, false));
        }
        return totals;
    }

    private AreaTotals totals(String code, String name, int index, boolean grid) {
        int buildings = 0;
        int households = 0;
        int residents = 0;
        for (int i = 0; i < features.size(); i++) {
            BuildingFeature f = features.get(i);
            boolean inside = grid ? grids.get(i) == index : f.communityCode().equals(code);
            if (inside) {
                buildings++;
                households += f.households();
                residents += f.residents();
            }
        }
        return new AreaTotals(code, name, buildings, households, residents);
    }
}
