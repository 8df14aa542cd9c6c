package org.gridatlas.sample;

import org.locationtech.jts.geom.Coordinate;

/**
 * One lattice edge: the stretch of a road between two crossings.
 *
 * @param road the road
 * @param start start vertex (the crossing with {@code crossAtStart})
 * @param end end vertex (the crossing with {@code crossAtEnd})
 */
record RoadSegment(Road road, Coordinate start, Coordinate end, Road crossAtStart, Road crossAtEnd) {
    double length() {
        return start.distance(end);
    }

    /** The point at fraction {@code t} of the way from start to end. */
    Coordinate at(double t) {
        return new Coordinate(start.x + t * (end.x - start.x), start.y + t * (end.y - start.y));
    }
}
