package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;

/**
 * Which parcels touch along an edge, found from the noded coverage: two parcels are neighbours when they have a
 * segment in common (touching at a corner does not count, so unions of neighbours are single polygons).
 */
final class ParcelGraph {
    /**
     * A segment two parcels share.
     *
     * @param a the parcel that has it as p→q (counter-clockwise, so {@code a} lies left of p→q)
     * @param b the parcel on the other side
     * @param road whether the parcels are in different blocks, i.e. the segment is a road centre line
     */
    record SharedEdge(int a, int b, Coordinate p, Coordinate q, boolean road) {
        double length() {
            return p.distance(q);
        }
    }

    private record SegmentKey(double x0, double y0, double x1, double y1) {}

    private final List<SharedEdge> edges;
    private final int[][] neighbours;

    private ParcelGraph(List<SharedEdge> edges, int[][] neighbours) {
        this.edges = edges;
        this.neighbours = neighbours;
    }

    static ParcelGraph of(List<Parcel> parcels) {
        Map<SegmentKey, Integer> owners = new HashMap<>();
        List<SharedEdge> edges = new ArrayList<>();
        for (Parcel parcel : parcels) {
            Coordinate[] ring = parcel.polygon().getExteriorRing().getCoordinates();
            for (int i = 0; i + 1 < ring.length; i++) {
                Coordinate p = ring[i];
                Coordinate q = ring[i + 1];
                Integer other = owners.putIfAbsent(key(p, q), parcel.id());
                if (other != null) {
                    boolean road =
                            parcels.get(other).block().id() != parcel.block().id();
                    edges.add(new SharedEdge(parcel.id(), other, p, q, road));
                }
            }
        }
        return new ParcelGraph(List.copyOf(edges), adjacency(edges, parcels.size()));
    }

    private static SegmentKey key(Coordinate p, Coordinate q) {
        boolean ordered = p.x < q.x || (p.x == q.x && p.y <= q.y);
        return ordered ? new SegmentKey(p.x, p.y, q.x, q.y) : new SegmentKey(q.x, q.y, p.x, p.y);
    }

    private static int[][] adjacency(List<SharedEdge> edges, int size) {
        List<TreeSet<Integer>> sets = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            sets.add(new TreeSet<>());
        }
        for (SharedEdge e : edges) {
            sets.get(e.a()).add(e.b());
            sets.get(e.b()).add(e.a());
        }
        return sets.stream()
                .map(s -> s.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    List<SharedEdge> edges() {
        return edges;
    }

    int[] neighbours(int parcel) {
        return neighbours[parcel];
    }

    /**
     * The graph between groups of parcels (blocks, communities, grids): groups are neighbours when any of their
     * parcels are. Parcels in group -1 are left out.
     */
    int[][] quotient(int[] groupOf, int groups) {
        List<TreeSet<Integer>> sets = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            sets.add(new TreeSet<>());
        }
        for (SharedEdge e : edges) {
            int ga = groupOf[e.a()];
            int gb = groupOf[e.b()];
            if (ga >= 0 && gb >= 0 && ga != gb) {
                sets.get(ga).add(gb);
                sets.get(gb).add(ga);
            }
        }
        return sets.stream()
                .map(s -> s.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }
}
