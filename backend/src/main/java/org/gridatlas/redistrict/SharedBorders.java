package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The border each pair of units shares, found by matching boundary segments: two segments of different units that
 * lie on one line (within {@link #TOLERANCE}) share the overlap of their extents. Units of one tessellation meet
 * along common edges, possibly split at different vertices (a T-junction), which the overlap handles. One STR-tree
 * over all segments: O(S log S) for S segments, against one boundary overlay per candidate pair before (which took
 * most of the graph time on a 2,000-building community).
 */
final class SharedBorders {
    /** Distance (m) within which two segments count as lying on the same line: far below any real gap. */
    static final double TOLERANCE = 1e-6;

    private static final GeometryFactory GF = new GeometryFactory();

    private SharedBorders() {}

    /**
     * The shared border of a pair: its length (m) and, when asked, its pieces.
     *
     * @param length total shared length in m
     * @param pieces the overlapping segments (empty unless pieces were asked)
     */
    record Border(double length, List<LineSegment> pieces) {
        /** The pieces as one geometry. */
        Geometry line() {
            LineString[] lines = pieces.stream()
                    .map(s -> GF.createLineString(new Coordinate[] {s.p0, s.p1}))
                    .toArray(LineString[]::new);
            return GF.createMultiLineString(lines);
        }
    }

    private record Edge(int unit, LineSegment segment) {}

    /**
     * @param withPieces whether to keep the overlapping segments (for barrier tests)
     * @return border per pair, keyed {@code i * n + j} with i < j
     */
    static Map<Long, Border> of(List<Unit> units, boolean withPieces) {
        int n = units.size();
        STRtree index = new STRtree();
        List<Edge> edges = new ArrayList<>();
        for (Unit u : units) {
            for (Coordinate[] ring : rings(u.shape())) {
                for (int k = 0; k + 1 < ring.length; k++) {
                    if (ring[k].equals2D(ring[k + 1])) continue;
                    Edge e = new Edge(u.id(), new LineSegment(ring[k], ring[k + 1]));
                    Envelope env = new Envelope(ring[k], ring[k + 1]);
                    env.expandBy(TOLERANCE);
                    index.insert(env, e);
                    edges.add(e);
                }
            }
        }
        Map<Long, Border> out = new HashMap<>();
        for (Edge e : edges) {
            for (Object o : index.query(new Envelope(e.segment.p0, e.segment.p1))) {
                Edge f = (Edge) o;
                if (f.unit <= e.unit) continue;
                LineSegment piece = overlap(e.segment, f.segment);
                if (piece == null) continue;
                long key = (long) e.unit * n + f.unit;
                Border b = out.computeIfAbsent(key, x -> new Border(0, new ArrayList<>()));
                if (withPieces) b.pieces.add(piece);
                out.put(key, new Border(b.length + piece.getLength(), b.pieces));
            }
        }
        return out;
    }

    /** The part of a that b covers, if b lies on a's line; null if none (or a point). */
    private static LineSegment overlap(LineSegment a, LineSegment b) {
        if (a.distancePerpendicular(b.p0) > TOLERANCE || a.distancePerpendicular(b.p1) > TOLERANCE) return null;
        double f0 = a.projectionFactor(b.p0), f1 = a.projectionFactor(b.p1);
        double lo = Math.max(0, Math.min(f0, f1)), hi = Math.min(1, Math.max(f0, f1));
        if ((hi - lo) * a.getLength() <= TOLERANCE) return null;
        return new LineSegment(a.pointAlong(lo), a.pointAlong(hi));
    }

    private static List<Coordinate[]> rings(Geometry g) {
        List<Coordinate[]> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p)) continue;
            rings.add(p.getExteriorRing().getCoordinates());
            for (int h = 0; h < p.getNumInteriorRing(); h++)
                rings.add(p.getInteriorRingN(h).getCoordinates());
        }
        return rings;
    }
}
