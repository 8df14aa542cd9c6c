package org.gridatlas.sample;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Building footprints: rotated rectangles and L-shapes, counter-clockwise. */
final class Footprints {
    private Footprints() {}

    /** The footprint of a draft centred on {@code centre}, its length along {@code angle} (radians from east). */
    static Polygon of(GeometryFactory factory, BuildingDraft d, Coordinate centre, double angle) {
        double hl = d.length() / 2;
        double hd = d.depth() / 2;
        double[][] local =
                d.lShape() ? lShape(hl, hd, Math.min(14, d.length() / 3), 0.9 * d.depth()) : rectangle(hl, hd);
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        Coordinate[] ring = new Coordinate[local.length + 1];
        for (int i = 0; i < local.length; i++) {
            double x = local[i][0];
            double y = local[i][1];
            ring[i] = new Coordinate(centre.x + x * cos - y * sin, centre.y + x * sin + y * cos);
        }
        ring[local.length] = ring[0].copy();
        return factory.createPolygon(ring);
    }

    private static double[][] rectangle(double hl, double hd) {
        return new double[][] {{-hl, -hd}, {hl, -hd}, {hl, hd}, {-hl, hd}};
    }

    /** A slab with a wing of the given width and reach on the north side of its east end. */
    private static double[][] lShape(double hl, double hd, double wingWidth, double wingReach) {
        return new double[][] {
            {-hl, -hd},
            {hl, -hd},
            {hl, hd + wingReach},
            {hl - wingWidth, hd + wingReach},
            {hl - wingWidth, hd},
            {-hl, hd}
        };
    }
}
