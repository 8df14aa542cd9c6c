package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Splits a block into 1–4 parcels by straight cuts across it.
 *
 * <p>Cuts are drawn in the block's bilinear parameter space (u east, v north): a cut at u = c is the straight line
 * between the points at fraction c of the south and north edges. Parcels sharing a cut compute its end points from
 * the same (u, v), so they share those vertices exactly.
 */
final class ParcelSplitter {
    /** Cell of the parameter square: [u0, u1] × [v0, v1]. */
    private record Cell(double u0, double v0, double u1, double v1) {}

    private final GeometryFactory factory;
    private final Rng rng;

    ParcelSplitter(GeometryFactory factory, Rng rng) {
        this.factory = factory;
        this.rng = rng;
    }

    List<Polygon> split(Block block) {
        double area = block.polygon(factory).getArea();
        double[] weights = area < 30_000 ? new double[] {0.4, 0.5, 0.1, 0} : new double[] {0.12, 0.33, 0.28, 0.27};
        int count = rng.weighted(weights) + 1;
        boolean wide = width(block) >= height(block);
        List<Polygon> parcels = new ArrayList<>();
        for (Cell cell : cells(count, wide)) {
            parcels.add(polygon(block.corners(), cell));
        }
        return parcels;
    }

    private List<Cell> cells(int count, boolean wide) {
        double c = rng.uniform(0.4, 0.6);
        double d = rng.uniform(0.4, 0.6);
        List<Cell> cells =
                switch (count) {
                    case 1 -> List.of(new Cell(0, 0, 1, 1));
                    case 2 -> List.of(new Cell(0, 0, c, 1), new Cell(c, 0, 1, 1));
                    case 3 -> rng.chance(0.5) ? strips(rng.uniform(0.3, 0.37), rng.uniform(0.63, 0.7)) : tee(c, d);
                    default ->
                        List.of(new Cell(0, 0, c, d), new Cell(c, 0, 1, d), new Cell(0, d, c, 1), new Cell(c, d, 1, 1));
                };
        return wide
                ? cells
                : cells.stream().map(k -> new Cell(k.v0, k.u0, k.v1, k.u1)).toList();
    }

    private static List<Cell> strips(double a, double b) {
        return List.of(new Cell(0, 0, a, 1), new Cell(a, 0, b, 1), new Cell(b, 0, 1, 1));
    }

    /** One half whole, the other halved across: a T of cuts. */
    private static List<Cell> tee(double c, double d) {
        return List.of(new Cell(0, 0, c, 1), new Cell(c, 0, 1, d), new Cell(c, d, 1, 1));
    }

    private Polygon polygon(Coordinate[] q, Cell k) {
        Coordinate a = bilinear(q, k.u0, k.v0);
        return factory.createPolygon(
                new Coordinate[] {a, bilinear(q, k.u1, k.v0), bilinear(q, k.u1, k.v1), bilinear(q, k.u0, k.v1), a.copy()
                });
    }

    /** Point (u, v) of the quadrilateral SW, SE, NE, NW; exact corners at u, v ∈ {0, 1}. */
    static Coordinate bilinear(Coordinate[] q, double u, double v) {
        if ((u == 0 || u == 1) && (v == 0 || v == 1)) {
            return q[u == 0 ? (v == 0 ? 0 : 3) : (v == 0 ? 1 : 2)].copy();
        }
        double x = (1 - u) * (1 - v) * q[0].x + u * (1 - v) * q[1].x + u * v * q[2].x + (1 - u) * v * q[3].x;
        double y = (1 - u) * (1 - v) * q[0].y + u * (1 - v) * q[1].y + u * v * q[2].y + (1 - u) * v * q[3].y;
        return new Coordinate(x, y);
    }

    private static double width(Block b) {
        Coordinate[] q = b.corners();
        return (q[0].distance(q[1]) + q[3].distance(q[2])) / 2;
    }

    private static double height(Block b) {
        Coordinate[] q = b.corners();
        return (q[0].distance(q[3]) + q[1].distance(q[2])) / 2;
    }
}
