package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.locationtech.jts.geom.Coordinate;

/**
 * Gives every parcel a land use, with the spatial structure of a real street: an old core of walk-up compounds
 * in the west with a village of self-built houses at its edge and a market, newer towers and offices towards the
 * east, two construction sites in the east, resettlement clusters, industry in one eastern corner, schools and
 * pockets of green everywhere.
 *
 * <p>Uses are first chosen per block (by distance to a few randomly placed centres), then individual parcels are
 * turned into shops, green space, markets or construction sites.
 */
final class Zoning {
    private final List<Block> blocks;
    private final Coordinate origin;
    private final Rng rng;

    private Zoning(List<Block> blocks, Coordinate origin, Rng rng) {
        this.blocks = blocks;
        this.origin = origin;
        this.rng = rng;
    }

    static List<Parcel> assign(List<Parcel> parcels, List<Block> blocks, StreetSpec spec, Rng rng) {
        Zoning zoning = new Zoning(blocks, spec.origin(), rng);
        Coordinate oldCore = zoning.point(rng.uniform(0.18, 0.3), rng.uniform(0.35, 0.65));
        LandUse[] blockUse = zoning.blockUses(oldCore);
        List<Parcel> zoned = new ArrayList<>();
        for (Parcel p : parcels) {
            zoned.add(p.withUse(zoning.parcelUse(blockUse[p.block().id()])));
        }
        zoning.markets(zoned, oldCore);
        zoning.constructionSites(zoned);
        return zoned;
    }

    private LandUse[] blockUses(Coordinate oldCore) {
        int n = blocks.size();
        LandUse[] use = new LandUse[n];
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            free.add(i);
        }
        Coordinate village = point(0.05, rng.chance(0.5) ? 0.9 : 0.1);
        take(free, use, LandUse.VILLAGE, share(n, 0.04), nearest(village, 0));
        take(free, use, LandUse.OLD, share(n, 0.25), nearest(oldCore, 0));
        for (int cluster = 0; cluster < 2; cluster++) {
            Coordinate seed = point(rng.uniform(0.4, 0.95), rng.uniform(0.1, 0.9));
            take(free, use, LandUse.RESETTLEMENT, share(n, 0.035), nearest(seed, 0));
        }
        take(free, use, LandUse.PUBLIC_RENTAL, 1, nearest(point(rng.uniform(0.4, 0.9), rng.uniform(0.2, 0.8)), 0));
        take(free, use, LandUse.COMMERCIAL, share(n, 0.125), nearest(point(0.62, 0.5), 900));
        take(free, use, LandUse.INDUSTRY, share(n, 0.06), nearest(point(1.0, rng.chance(0.5) ? 0.0 : 1.0), 0));
        take(free, use, LandUse.SCHOOL, Math.max(2, share(n, 0.025)), b -> rng.next());
        take(free, use, LandUse.GREEN, Math.max(1, share(n, 0.012)), b -> rng.next());
        take(free, use, LandUse.OFFICE, free.size(), b -> 0);
        return use;
    }

    private static int share(int n, double fraction) {
        return (int) Math.round(n * fraction);
    }

    /** Assigns {@code use} to the {@code count} free blocks that rank first by {@code key}. */
    private void take(List<Integer> free, LandUse[] use, LandUse value, int count, ToDoubleFunction<Block> key) {
        List<Integer> ranked = new ArrayList<>(free);
        double[] keys = new double[blocks.size()];
        for (int b : ranked) {
            keys[b] = key.applyAsDouble(blocks.get(b));
        }
        ranked.sort(Comparator.comparingDouble((Integer b) -> keys[b]).thenComparingInt(b -> b));
        for (int b : ranked.subList(0, Math.min(count, ranked.size()))) {
            use[b] = value;
            free.remove(Integer.valueOf(b));
        }
    }

    /** Distance from a block's centre to {@code centre}, plus up to {@code noise} metres of randomness. */
    private ToDoubleFunction<Block> nearest(Coordinate centre, double noise) {
        return b -> centre(b).distance(centre) + (noise > 0 ? rng.uniform(0, noise) : 0);
    }

    private LandUse parcelUse(LandUse blockUse) {
        double r = rng.next();
        return switch (blockUse) {
            case OLD -> r < 0.09 ? LandUse.SHOPS : r < 0.16 ? LandUse.GREEN : LandUse.OLD;
            case OFFICE -> r < 0.18 ? LandUse.SHOPS : r < 0.30 ? LandUse.GREEN : LandUse.OFFICE;
            case COMMERCIAL, RESETTLEMENT, INDUSTRY -> r < 0.07 ? LandUse.GREEN : blockUse;
            default -> blockUse;
        };
    }

    /** Two markets: one in the old core, one halfway across the street. */
    private void markets(List<Parcel> parcels, Coordinate oldCore) {
        Coordinate second = point(rng.uniform(0.42, 0.55), rng.uniform(0.25, 0.75));
        int first = nearestParcel(parcels, oldCore, -1, LandUse.OLD, LandUse.SHOPS);
        parcels.set(first, parcels.get(first).withUse(LandUse.MARKET));
        int other = nearestParcel(
                parcels, second, parcels.get(first).block().id(), LandUse.OLD, LandUse.SHOPS, LandUse.OFFICE);
        parcels.set(other, parcels.get(other).withUse(LandUse.MARKET));
    }

    /** Two construction sites on former office or tower parcels in the eastern half, in different blocks. */
    private void constructionSites(List<Parcel> parcels) {
        List<Parcel> candidates = new ArrayList<>(parcels.stream()
                .filter(p -> p.use() == LandUse.OFFICE || p.use() == LandUse.COMMERCIAL)
                .filter(p -> centre(p.block()).x > origin.x + 0.55 * StreetSpec.WIDTH)
                .toList());
        rng.shuffle(candidates);
        int firstBlock = -1;
        int placed = 0;
        for (Parcel p : candidates) {
            if (placed < 2 && p.block().id() != firstBlock) {
                parcels.set(p.id(), p.withUse(LandUse.CONSTRUCTION));
                firstBlock = p.block().id();
                placed++;
            }
        }
    }

    private int nearestParcel(List<Parcel> parcels, Coordinate target, int excludedBlock, LandUse... uses) {
        List<LandUse> allowed = List.of(uses);
        return parcels.stream()
                .filter(p -> allowed.contains(p.use()) && p.block().id() != excludedBlock)
                .min(Comparator.comparingDouble((Parcel p) ->
                                p.polygon().getCentroid().getCoordinate().distance(target))
                        .thenComparingInt(Parcel::id))
                .orElseThrow(() -> new IllegalStateException("no parcel for a market"))
                .id();
    }

    /** The point at fractions (fx, fy) of the street's nominal extent. */
    private Coordinate point(double fx, double fy) {
        return new Coordinate(origin.x + fx * StreetSpec.WIDTH, origin.y + fy * StreetSpec.HEIGHT);
    }

    static Coordinate centre(Block b) {
        Coordinate[] q = b.corners();
        return new Coordinate((q[0].x + q[1].x + q[2].x + q[3].x) / 4, (q[0].y + q[1].y + q[2].y + q[3].y) / 4);
    }
}
