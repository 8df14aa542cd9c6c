package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Draws the street's communities (contiguous groups of blocks, balanced by households) and each community's grids
 * (contiguous groups of parcels, about {@value #HOUSEHOLDS_PER_GRID} households each, 7–8 per community), then
 * numbers them with {@link AreaNumbering}.
 */
final class Districting {
    static final int COMMUNITIES = 8;
    static final double HOUSEHOLDS_PER_GRID = 420;
    /**
     * Households-equivalent of a square metre: communities share out land as well as households (so they stay
     * compact), grids mainly households (so a grid of offices does not end up with none).
     */
    private static final double COMMUNITY_AREA_WEIGHT = 1.0 / 2_500;

    private static final double GRID_AREA_WEIGHT = 1.0 / 20_000;

    private final StreetSpec spec;
    private final List<Parcel> parcels;
    private final ParcelGraph graph;
    private final double[] households;

    Districting(StreetSpec spec, List<Parcel> parcels, ParcelGraph graph, List<PlacedBuilding> buildings) {
        this.spec = spec;
        this.parcels = parcels;
        this.graph = graph;
        this.households = new double[parcels.size()];
        for (PlacedBuilding b : buildings) {
            households[b.parcel()] += b.draft().households();
        }
    }

    /** Community index (in code order) of each parcel. */
    int[] communities() {
        int blockCount = parcels.stream().mapToInt(p -> p.block().id()).max().orElse(-1) + 1;
        int[] blockOf = parcels.stream().mapToInt(p -> p.block().id()).toArray();
        double[] weight = new double[blockCount];
        List<Geometry> blockShapes = new ArrayList<>();
        for (int b = 0; b < blockCount; b++) {
            blockShapes.add(null);
        }
        for (Parcel p : parcels) {
            weight[p.block().id()] += weight(p, COMMUNITY_AREA_WEIGHT);
            blockShapes.set(p.block().id(), p.block().polygon(p.polygon().getFactory()));
        }
        List<Partitioner.Cell> cells = new ArrayList<>();
        for (int b = 0; b < blockCount; b++) {
            Geometry shape = blockShapes.get(b);
            cells.add(new Partitioner.Cell(
                    shape.getCentroid().getX(), shape.getCentroid().getY(), weight[b]));
        }
        int[] groupOfBlock = Partitioner.partition(cells, graph.quotient(blockOf, blockCount), COMMUNITIES);
        int[] groupOf = new int[parcels.size()];
        for (Parcel p : parcels) {
            groupOf[p.id()] = groupOfBlock[p.block().id()];
        }
        double north = parcels.stream()
                .mapToDouble(p -> p.polygon().getEnvelopeInternal().getMaxY())
                .max()
                .orElseThrow();
        return renumber(groupOf, COMMUNITIES, north, AreaNumbering.COMMUNITY_BAND);
    }

    /**
     * The grids of every community; the gap parcel belongs to its community but to no grid. The old-town community
     * ({@code oldTown}, -1 if none) gets {@link OldTown#GRIDS} grids.
     */
    Districts grids(int[] communityOf, int gapParcel, Set<String> usedStems, Rng rng, int oldTown) {
        List<Districts.Area> communityAreas = communityAreas(usedStems, rng);
        int[] gridOf = new int[parcels.size()];
        List<Districts.Area> gridAreas = new ArrayList<>();
        for (int c = 0; c < COMMUNITIES; c++) {
            List<Integer> members = new ArrayList<>();
            for (Parcel p : parcels) {
                if (communityOf[p.id()] == c && p.id() != gapParcel) {
                    members.add(p.id());
                }
            }
            gridsOfCommunity(c, members, communityAreas.get(c), gridOf, gridAreas, c == oldTown);
        }
        gridOf[gapParcel] = -1;
        return new Districts(communityOf, gridOf, communityAreas, gridAreas);
    }

    private void gridsOfCommunity(
            int c,
            List<Integer> members,
            Districts.Area community,
            int[] gridOf,
            List<Districts.Area> out,
            boolean oldTown) {
        double total = members.stream().mapToDouble(i -> households[i]).sum();
        int k = oldTown ? OldTown.GRIDS : (int) Math.max(7, Math.min(8, Math.round(total / HOUSEHOLDS_PER_GRID)));
        List<Partitioner.Cell> cells = new ArrayList<>();
        int[] local = new int[parcels.size()];
        Arrays.fill(local, -1);
        for (int i = 0; i < members.size(); i++) {
            Parcel p = parcels.get(members.get(i));
            local[p.id()] = i;
            cells.add(new Partitioner.Cell(
                    p.polygon().getCentroid().getX(), p.polygon().getCentroid().getY(), weight(p, GRID_AREA_WEIGHT)));
        }
        int[] group = Partitioner.partition(cells, localAdjacency(members, local), k);
        int[] full = new int[parcels.size()];
        Arrays.fill(full, -1);
        for (int i = 0; i < members.size(); i++) {
            full[members.get(i)] = group[i];
        }
        double north = union(members).getEnvelopeInternal().getMaxY();
        int[] numbered = renumber(full, k, north, AreaNumbering.GRID_BAND);
        for (int id : members) {
            gridOf[id] = out.size() + numbered[id];
        }
        for (int g = 1; g <= k; g++) {
            String code = community.code() + String.format(Locale.ROOT, "%03d", g);
            out.add(new Districts.Area(code, community.name() + "第" + g + "网格", c));
        }
    }

    private int[][] localAdjacency(List<Integer> members, int[] local) {
        int[][] adjacency = new int[members.size()][];
        for (int i = 0; i < members.size(); i++) {
            adjacency[i] = Arrays.stream(graph.neighbours(members.get(i)))
                    .filter(n -> local[n] >= 0)
                    .map(n -> local[n])
                    .toArray();
        }
        return adjacency;
    }

    /** Replaces group indexes by their numbering order (0-based); -1 stays -1. */
    private int[] renumber(int[] groupOf, int k, double northEdge, double band) {
        List<Geometry> shapes = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < groupOf.length; i++) {
                if (groupOf[i] == g) {
                    ids.add(i);
                }
            }
            shapes.add(union(ids));
        }
        List<Integer> order = AreaNumbering.order(shapes, northEdge, band);
        int[] rank = new int[k];
        for (int r = 0; r < k; r++) {
            rank[order.get(r)] = r;
        }
        int[] out = groupOf.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = groupOf[i] < 0 ? -1 : rank[groupOf[i]];
        }
        return out;
    }

    private List<Districts.Area> communityAreas(Set<String> usedStems, Rng rng) {
        List<Districts.Area> areas = new ArrayList<>();
        for (int c = 0; c < COMMUNITIES; c++) {
            String stem = spec.number() == 8 && c == 0 ? "潜龙" : NameBook.placeStem(rng, usedStems);
            usedStems.add(stem);
            String code = spec.code() + String.format(Locale.ROOT, "%03d", c + 1);
            areas.add(new Districts.Area(code, stem + "社区", -1));
        }
        return areas;
    }

    private double weight(Parcel p, double areaWeight) {
        return households[p.id()] + p.polygon().getArea() * areaWeight;
    }

    Geometry union(List<Integer> parcelIds) {
        return unionOf(parcelIds.stream().map(i -> parcels.get(i).polygon()).toList());
    }

    /** Union of polygons of an exactly noded coverage (edges matched, no overlay arithmetic). */
    static Geometry unionOf(List<Polygon> polygons) {
        Geometry union = CoverageUnion.union(polygons.toArray(Geometry[]::new));
        // parcels meeting at a single corner around a hole give a self-touching ring; the fixer turns it into a
        // shell and a hole touching at that point (valid), without moving any vertex
        return union.isValid() ? union : GeometryFixer.fix(union);
    }
}
