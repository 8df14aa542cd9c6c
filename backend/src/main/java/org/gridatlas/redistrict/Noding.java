package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Makes adjacent grids an exactly noded coverage: a vertex of one grid lying on an edge of another (a T-junction
 * where two units of the neighbour meet) is inserted into that edge with the same coordinates. Without it, rounding
 * the grids to 1e-7° on saving would move such a vertex on one side only and leave millimetre slivers between grids.
 * Holes are noded too. O(V log V) for V vertices.
 */
final class Noding {
    private static final double TOLERANCE = 1e-6;
    private static final GeometryFactory GF = new GeometryFactory();

    private Noding() {}

    static List<Geometry> node(List<Geometry> grids) {
        STRtree index = new STRtree();
        for (Geometry g : grids) for (Coordinate c : g.getCoordinates()) index.insert(new Envelope(c), c);
        List<Geometry> out = new ArrayList<>();
        for (Geometry g : grids) {
            List<Polygon> polys = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                LinearRing shell = ring(p.getExteriorRing().getCoordinates(), index);
                LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
                for (int h = 0; h < holes.length; h++)
                    holes[h] = ring(p.getInteriorRingN(h).getCoordinates(), index);
                polys.add(GF.createPolygon(shell, holes));
            }
            out.add(polys.size() == 1 ? polys.get(0) : GF.createMultiPolygon(polys.toArray(Polygon[]::new)));
        }
        return out;
    }

    private static LinearRing ring(Coordinate[] coords, STRtree index) {
        CoordinateList out = new CoordinateList();
        for (int i = 0; i < coords.length - 1; i++) {
            Coordinate a = coords[i], b = coords[i + 1];
            out.add(a, false);
            LineSegment seg = new LineSegment(a, b);
            Envelope env = new Envelope(a, b);
            env.expandBy(TOLERANCE);
            TreeMap<Double, Coordinate> inner = new TreeMap<>();
            for (Object o : index.query(env)) {
                Coordinate c = (Coordinate) o;
                if (c.equals2D(a) || c.equals2D(b) || seg.distance(c) > TOLERANCE) continue;
                double f = seg.projectionFactor(c);
                if (f > 0 && f < 1) inner.put(f, c);
            }
            inner.values().forEach(c -> out.add(new Coordinate(c), false));
        }
        out.closeRing();
        return GF.createLinearRing(out.toCoordinateArray());
    }
}
