package org.gridatlas.sample;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;

/**
 * A block (街区): the quadrilateral between four road centre lines.
 *
 * @param id index in the lattice's block list
 * @param corners south-west, south-east, north-east, north-west lattice vertices (counter-clockwise)
 * @param sides the roads along the south, east, north and west edges
 */
record Block(int id, Coordinate[] corners, Road[] sides) {
    Polygon polygon(GeometryFactory factory) {
        return factory.createPolygon(new Coordinate[] {corners[0], corners[1], corners[2], corners[3], corners[0]});
    }

    /** The part of the block farther than each road's set-back from its centre line. */
    Polygon inset(GeometryFactory factory) {
        Coordinate[] ring = new Coordinate[5];
        for (int k = 0; k < 4; k++) {
            ring[k] = cornerOfOffsets((k + 3) % 4, k);
        }
        ring[4] = ring[0];
        return factory.createPolygon(ring);
    }

    /** Distance from a point to the centre line of side {@code k} (edge from corner k to corner k+1). */
    double distanceToSide(int k, Coordinate p) {
        return new LineSegment(corners[k], corners[(k + 1) % 4]).distance(p);
    }

    /** Intersection of the inward offsets of edges {@code a} and {@code b}. */
    private Coordinate cornerOfOffsets(int a, int b) {
        Coordinate[] lineA = offsetEdge(a);
        Coordinate[] lineB = offsetEdge(b);
        double ux = lineA[1].x - lineA[0].x, uy = lineA[1].y - lineA[0].y;
        double vx = lineB[1].x - lineB[0].x, vy = lineB[1].y - lineB[0].y;
        double wx = lineB[0].x - lineA[0].x, wy = lineB[0].y - lineA[0].y;
        double t = (wx * vy - wy * vx) / (ux * vy - uy * vx);
        return new Coordinate(lineA[0].x + t * ux, lineA[0].y + t * uy);
    }

    private Coordinate[] offsetEdge(int k) {
        Coordinate p = corners[k];
        Coordinate q = corners[(k + 1) % 4];
        double len = p.distance(q);
        double nx = -(q.y - p.y) / len * sides[k].setback();
        double ny = (q.x - p.x) / len * sides[k].setback();
        return new Coordinate[] {new Coordinate(p.x + nx, p.y + ny), new Coordinate(q.x + nx, q.y + ny)};
    }
}
