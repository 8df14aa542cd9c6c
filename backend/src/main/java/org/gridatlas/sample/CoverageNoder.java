package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Makes a set of edge-adjacent polygons an exactly noded coverage: where a vertex of one polygon lies on an edge
 * of another (a T-junction, e.g. the end of a parcel cut on a road shared with the next block), the vertex is
 * inserted into that edge, with the very same coordinates.
 *
 * <p>Without this, the two sides of a shared boundary would differ by rounding noise, which after conversion to
 * seven-decimal degrees becomes centimetre slivers that a coverage check would report as gaps and overlaps. With it,
 * {@link org.locationtech.jts.coverage.CoverageUnion} and {@link org.locationtech.jts.coverage.CoverageValidator}
 * see a clean coverage.
 */
final class CoverageNoder {
    /** Distance in metres under which a vertex counts as lying on an edge. */
    static final double TOLERANCE = 1e-6;

    private CoverageNoder() {}

    static List<Polygon> node(List<Polygon> polygons, GeometryFactory factory) {
        STRtree index = new STRtree();
        for (Polygon p : polygons) {
            for (Coordinate c : p.getExteriorRing().getCoordinates()) {
                index.insert(new Envelope(c), c);
            }
        }
        List<Polygon> noded = new ArrayList<>(polygons.size());
        for (Polygon p : polygons) {
            noded.add(factory.createPolygon(nodeRing(p.getExteriorRing().getCoordinates(), index)));
        }
        return noded;
    }

    private static Coordinate[] nodeRing(Coordinate[] ring, STRtree index) {
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i + 1 < ring.length; i++) {
            out.add(ring[i]);
            out.addAll(verticesOn(new LineSegment(ring[i], ring[i + 1]), index));
        }
        out.add(ring[ring.length - 1]);
        return out.toArray(Coordinate[]::new);
    }

    /** Vertices strictly inside a segment, in order from its start, without duplicates. */
    static List<Coordinate> verticesOn(LineSegment segment, STRtree index) {
        Envelope env = new Envelope(segment.p0, segment.p1);
        env.expandBy(TOLERANCE);
        TreeMap<Double, Coordinate> along = new TreeMap<>();
        for (Object o : index.query(env)) {
            Coordinate c = (Coordinate) o;
            if (!c.equals2D(segment.p0) && !c.equals2D(segment.p1) && segment.distance(c) < TOLERANCE) {
                along.putIfAbsent(segment.projectionFactor(c), c);
            }
        }
        return new ArrayList<>(along.values());
    }
}
