package org.gridatlas.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridatlas.redistrict.CommunityInput;
import org.gridatlas.redistrict.ProposalBuilding;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A street far larger than the bench data (issue 9 asks 30,000 buildings into 80 grids), built from a seed in
 * EPSG:4549 metres near Ningbo. Each community is an irregular polygon cut by 15 m roads into blocks of about
 * 150 × 110 m; each block holds rows of buildings 10–60 m long (most short) and 8–16 m deep. Households: a fifth of
 * the buildings none (shops, sheds, schools), most 1–2 (old houses), one in seven 1–200 (apartment blocks).
 */
final class SyntheticStreet {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final double BLOCK_W = 150, BLOCK_H = 110, ROAD = 15;

    private SyntheticStreet() {}

    /** {@code communities} communities holding {@code buildings} buildings between them, sizes varying ±30 %. */
    static List<CommunityInput> of(long seed, int communities, int buildings) {
        Random rnd = new Random(seed);
        double[] weight = new double[communities];
        double sum = 0;
        for (int i = 0; i < communities; i++) sum += weight[i] = 0.7 + 0.6 * rnd.nextDouble();
        List<CommunityInput> out = new ArrayList<>();
        int left = buildings;
        for (int i = 0; i < communities; i++) {
            int quota = i == communities - 1 ? left : (int) Math.round(buildings * weight[i] / sum);
            left -= quota;
            double x0 = 500_000 + (i % 5) * 4_000, y0 = 3_300_000 + (i / 5) * 4_000;
            out.add(community("%s%03d".formatted("330299001", i + 1), x0, y0, quota, rnd));
        }
        return out;
    }

    private static CommunityInput community(String code, double x0, double y0, int quota, Random rnd) {
        // about 17 buildings a block; the outline is drawn first, blocks fill it row by row until the quota is met
        int side = (int) Math.ceil(Math.sqrt(quota / 15.0)) + 1;
        double w = side * (BLOCK_W + ROAD), h = side * (BLOCK_H + ROAD);
        Polygon outline = outline(x0, y0, w, h, rnd);
        PreparedGeometry inside = PreparedGeometryFactory.prepare(outline);
        List<ProposalBuilding> buildings = new ArrayList<>();
        for (int by = 0; by < side && buildings.size() < quota; by++) {
            for (int bx = 0; bx < side && buildings.size() < quota; bx++) {
                double bx0 = x0 + ROAD + bx * (BLOCK_W + ROAD), by0 = y0 + ROAD + by * (BLOCK_H + ROAD);
                block(code, bx0, by0, quota, buildings, inside, rnd);
            }
        }
        return new CommunityInput(code, outline, buildings, Map.of(), List.of());
    }

    private static void block(
            String code,
            double x0,
            double y0,
            int quota,
            List<ProposalBuilding> out,
            PreparedGeometry inside,
            Random rnd) {
        for (double y = y0 + 3; y < y0 + BLOCK_H - 10 && out.size() < quota; ) {
            double depth = 8 + 8 * rnd.nextDouble();
            if (y + depth > y0 + BLOCK_H - 2) break;
            for (double x = x0 + 3; out.size() < quota; ) {
                double len = 10 + 50 * Math.pow(rnd.nextDouble(), 2);
                if (x + len > x0 + BLOCK_W - 2) break;
                Polygon f = rectangle(x, y, len, depth);
                if (inside.containsProperly(f)) {
                    out.add(new ProposalBuilding(code + "-%05d".formatted(out.size()), f, households(rnd), null));
                }
                x += len + 3 + 5 * rnd.nextDouble();
            }
            y += depth + 4 + 6 * rnd.nextDouble();
        }
    }

    private static int households(Random rnd) {
        double r = rnd.nextDouble();
        if (r < 0.2) return 0;
        if (r < 0.85) return 1 + rnd.nextInt(2);
        return 1 + rnd.nextInt(200);
    }

    /** A rectangle with its edge midpoints pushed in or out by up to 6 % and one corner cut off. */
    private static Polygon outline(double x0, double y0, double w, double h, Random rnd) {
        double j = 0.06;
        Coordinate[] c = {
            new Coordinate(x0, y0),
            new Coordinate(x0 + w / 2, y0 - h * j * rnd.nextDouble()),
            new Coordinate(x0 + w, y0),
            new Coordinate(x0 + w + w * j * rnd.nextDouble(), y0 + h / 2),
            new Coordinate(x0 + w, y0 + h * 0.8),
            new Coordinate(x0 + w * 0.8, y0 + h),
            new Coordinate(x0 + w / 2, y0 + h + h * j * rnd.nextDouble()),
            new Coordinate(x0, y0 + h),
            new Coordinate(x0 - w * j * rnd.nextDouble(), y0 + h / 2),
            new Coordinate(x0, y0)
        };
        return GF.createPolygon(c);
    }

    private static Polygon rectangle(double x, double y, double w, double h) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(x, y),
            new Coordinate(x + w, y),
            new Coordinate(x + w, y + h),
            new Coordinate(x, y + h),
            new Coordinate(x, y)
        });
    }

    /** Households of all the buildings. */
    static int households(List<CommunityInput> street) {
        return street.stream()
                .flatMap(c -> c.buildings().stream())
                .mapToInt(ProposalBuilding::households)
                .sum();
    }
}
