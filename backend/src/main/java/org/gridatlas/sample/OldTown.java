package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * The dense old town (老城区) of some streets: one community whose housing nearest its old core is rebuilt as 平房
 * courtyards — rows of small one-storey houses of 1–3 households around narrow yards — until it holds about
 * {@value #TARGET_BUILDINGS} buildings, split into {@value #GRIDS} grids. That is the community the planner's speed
 * targets are stated for (2,000 buildings, 10 grids); ordinary compounds top out near 1,200 buildings.
 *
 * <p>Streets 1, 18, 35… have one (every 17th: the district has one, the city ten, {@code --scale 2} one); the sample
 * street (8) has none, so it stays exactly as committed.
 */
final class OldTown {
    /** Grids of the old-town community (its 4,000–5,000 households at 300–500 per grid). */
    static final int GRIDS = 10;
    /** Courtyard houses placed before the conversion stops. */
    static final int TARGET_BUILDINGS = 2_400;

    private OldTown() {}

    static boolean has(StreetSpec spec) {
        return spec.number() % 17 == 1;
    }

    /** The community with the most old-compound (老旧小区) land. */
    static int community(List<Parcel> parcels, int[] communityOf) {
        double[] oldArea = new double[Districting.COMMUNITIES];
        for (Parcel p : parcels) {
            if (p.use() == LandUse.OLD) {
                oldArea[communityOf[p.id()]] += p.polygon().getArea();
            }
        }
        int best = 0;
        for (int c = 1; c < oldArea.length; c++) {
            if (oldArea[c] > oldArea[best]) best = c;
        }
        return best;
    }

    /**
     * The parcels and buildings after the conversion: the community's housing parcels, nearest the centre of its old
     * land first (then its shops and offices if housing runs out), become old-compound parcels of courtyard houses.
     * Other parcels keep their buildings, in the same order.
     */
    static Converted rebuild(
            List<Parcel> parcels,
            List<PlacedBuilding> buildings,
            int[] communityOf,
            int community,
            BuildingPlacer placer) {
        List<Parcel> candidates = candidates(parcels, communityOf, community);
        List<List<PlacedBuilding>> byParcel = new ArrayList<>();
        parcels.forEach(p -> byParcel.add(new ArrayList<>()));
        buildings.forEach(b -> byParcel.get(b.parcel()).add(b));
        List<Parcel> zoned = new ArrayList<>(parcels);
        int placed = 0;
        for (Parcel p : candidates) {
            if (placed >= TARGET_BUILDINGS) break;
            Parcel old = p.withUse(LandUse.OLD);
            List<PlacedBuilding> houses = placer.placeCourtyards(old);
            zoned.set(p.id(), old);
            byParcel.set(p.id(), houses);
            placed += houses.size();
        }
        List<PlacedBuilding> rebuilt = new ArrayList<>();
        byParcel.forEach(rebuilt::addAll);
        return new Converted(zoned, rebuilt);
    }

    /** The rebuilt street land. */
    record Converted(List<Parcel> parcels, List<PlacedBuilding> buildings) {}

    private static List<Parcel> candidates(List<Parcel> parcels, int[] communityOf, int community) {
        Coordinate core = oldCentre(parcels, communityOf, community);
        Comparator<Parcel> nearest = Comparator.comparingDouble(
                        (Parcel p) -> p.polygon().getCentroid().getCoordinate().distance(core))
                .thenComparingInt(Parcel::id);
        List<Parcel> housing = new ArrayList<>();
        List<Parcel> other = new ArrayList<>();
        for (Parcel p : parcels) {
            if (communityOf[p.id()] != community) continue;
            if (p.use().residential()) housing.add(p);
            else if (p.use() == LandUse.SHOPS || p.use() == LandUse.OFFICE) other.add(p);
        }
        housing.sort(nearest);
        other.sort(nearest);
        housing.addAll(other);
        return housing;
    }

    /** Area-weighted centre of the community's old-compound parcels. */
    private static Coordinate oldCentre(List<Parcel> parcels, int[] communityOf, int community) {
        double x = 0;
        double y = 0;
        double area = 0;
        for (Parcel p : parcels) {
            if (communityOf[p.id()] == community && p.use() == LandUse.OLD) {
                double a = p.polygon().getArea();
                Coordinate c = p.polygon().getCentroid().getCoordinate();
                x += c.x * a;
                y += c.y * a;
                area += a;
            }
        }
        return new Coordinate(x / area, y / area);
    }
}
