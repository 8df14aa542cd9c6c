package org.gridatlas.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.process.vector.HeatmapProcess;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Heat-map PNG tiles over HTTP: zooms 11–16 around 100 incidents picked at random (fixed seed), the last 12 months of
 * data, radius 150 m, as an admin of every street. Measured once the pre-aggregated blocks are up to date (the
 * service rebuilds them in the background after start-up; the wait is printed, not measured).
 *
 * <p>Reference: what a GeoServer user gets without pre-aggregation — every incident of the period in the tile's
 * bounding box plus one radius read over JDBC, GeoTools {@code HeatmapProcess} on them (radius in pixels of the
 * zoom), the coverage coloured and encoded as a PNG, in the benchmark's own process (no HTTP, no scope filter).
 */
final class HeatmapTileBenchmark implements Benchmark {
    private static final int[] ZOOMS = {11, 12, 13, 14, 15, 16};
    private static final double RADIUS = 150;
    private static final double HALF = Math.PI * 6378137.0;
    private static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    record Tile(int z, int x, int y) {}

    @Override
    public String name() {
        return "heatmap.tiles";
    }

    @Override
    public String workload() {
        return "GET /api/heatmap/{z}/{x}/{y}.png (150 m radius, last 12 months) over loopback as an admin of every"
                + " street, zooms 11–16, tiles around 100 random incidents (seeded), per tile";
    }

    @Override
    public String reference() {
        return "GeoTools HeatmapProcess (in-process) over every incident of the 12 months in the tile's bounding box"
                + " plus one radius, read over JDBC, coloured and PNG-encoded: no pre-aggregation";
    }

    @Override
    public String unit() {
        return "ms";
    }

    @Override
    public Comparison run(BenchContext context) throws Exception {
        try (Connection db = context.connect()) {
            // the service refreshes dirty months when a tile finds one (earlier benchmarks re-place incidents on
            // publish, which marks months dirty): ask for one tile, then wait for the refresh
            context.get("/api/heatmap/10/857/421.png?radius=150");
            waitForBlocks(db);
            LocalDate last = lastMonth(db);
            LocalDate first = last.minusMonths(11);
            String query = "?radius=150&from=" + first.toString().substring(0, 7) + "&to="
                    + last.toString().substring(0, 7);
            List<Tile> tiles = tiles(db);
            PerZoom subjectZooms = new PerZoom();
            Samples subject = context.measure(
                    tiles,
                    subjectZooms.timed(
                            t -> context.get("/api/heatmap/" + t.z() + "/" + t.x() + "/" + t.y() + ".png" + query)),
                    true);
            OffsetDateTime t0 = first.atStartOfDay(CALENDAR).toOffsetDateTime();
            OffsetDateTime t1 = last.plusMonths(1).atStartOfDay(CALENDAR).toOffsetDateTime();
            GeoToolsTiles reference = new GeoToolsTiles(db, t0, t1);
            PerZoom referenceZooms = new PerZoom();
            Samples plain = context.measure(tiles, referenceZooms.timed(reference::png), true);
            subjectZooms.print("service", context.runs());
            referenceZooms.print("GeoTools reference", context.runs());
            return new Comparison(subject, plain);
        }
    }

    /**
     * Times of each call per zoom, for the per-zoom split printed to stderr: the last {@code runs} calls are the
     * measured ones (warm-up calls come first), so the split covers exactly the samples of the report line.
     */
    private static final class PerZoom {
        private final List<Tile> order = new ArrayList<>();
        private final List<Double> ms = new ArrayList<>();

        BenchContext.Action<Tile> timed(BenchContext.Action<Tile> action) {
            return t -> {
                long start = System.nanoTime();
                action.run(t);
                order.add(t);
                ms.add((System.nanoTime() - start) / 1e6);
            };
        }

        void print(String side, int runs) {
            int from = Math.max(0, ms.size() - runs);
            StringBuilder line = new StringBuilder("heatmap.tiles per zoom, " + side + " (mean / p95 / max ms, n):");
            for (int z : ZOOMS) {
                List<Double> values = new ArrayList<>();
                for (int i = from; i < ms.size(); i++) if (order.get(i).z() == z) values.add(ms.get(i));
                if (values.isEmpty()) continue;
                Samples s = new Samples(
                        values.stream().mapToDouble(Double::doubleValue).toArray());
                double mean = values.stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(0);
                line.append(
                        String.format(" z%d %.1f / %.1f / %.1f (%d);", z, mean, s.percentile(95), s.max(), s.count()));
            }
            System.err.println(line);
        }
    }

    /** Waits (up to 15 minutes) until the service has rebuilt every dirty month. */
    private static void waitForBlocks(Connection db) throws Exception {
        long start = System.nanoTime();
        try (Statement s = db.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM heatmap_dirty_month")) {
                    rs.next();
                    if (rs.getInt(1) == 0) break;
                }
                if (System.nanoTime() - start > 15 * 60e9) throw new IllegalStateException("heat-map blocks stale");
                Thread.sleep(500);
            }
        }
        System.err.printf("heatmap.tiles: blocks up to date after waiting %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static LocalDate lastMonth(Connection db) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT date_trunc('month', max(reported_at) AT TIME ZONE 'Asia/Shanghai')::date FROM incident")) {
            rs.next();
            return rs.getObject(1, LocalDate.class);
        }
    }

    private static List<Tile> tiles(Connection db) throws Exception {
        List<Tile> tiles = new ArrayList<>();
        try (Statement s = db.createStatement()) {
            s.execute("SELECT setseed(0.20260107)");
            try (ResultSet rs =
                    s.executeQuery("SELECT ST_X(location), ST_Y(location) FROM incident WHERE location IS NOT NULL"
                            + " ORDER BY random() LIMIT 100")) {
                int i = 0;
                while (rs.next()) {
                    int z = ZOOMS[i++ % ZOOMS.length];
                    tiles.add(new Tile(
                            z, TileBenchmark.tileX(rs.getDouble(1), z), TileBenchmark.tileY(rs.getDouble(2), z)));
                }
            }
        }
        if (tiles.isEmpty()) throw new IllegalStateException("no incident in the database");
        return tiles;
    }

    /** The GeoServer-style reference: points of the bbox plus margin → HeatmapProcess → coloured PNG. */
    private static final class GeoToolsTiles {
        private final PreparedStatement points;
        private final CoordinateReferenceSystem mercator;
        private final SimpleFeatureType type;
        private final GeometryFactory geometries = new GeometryFactory();

        GeoToolsTiles(Connection db, OffsetDateTime t0, OffsetDateTime t1) throws Exception {
            points = db.prepareStatement(
                    """
                    SELECT ST_X(g), ST_Y(g) FROM incident i CROSS JOIN LATERAL (SELECT ST_Transform(i.location, 3857) AS g) m
                    WHERE i.location && ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, 3857), 4326)
                      AND i.reported_at >= ? AND i.reported_at < ?""");
            points.setObject(5, t0);
            points.setObject(6, t1);
            mercator = CRS.decode("EPSG:3857", true);
            SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
            b.setName("incident");
            b.setCRS(mercator);
            b.add("geom", Point.class);
            type = b.buildFeatureType();
        }

        void png(Tile t) throws Exception {
            double size = 2 * HALF / (1 << t.z());
            double minX = -HALF + t.x() * size, maxY = HALF - t.y() * size;
            double lat = Math.toDegrees(2 * Math.atan(Math.exp((maxY - size / 2) / 6378137.0)) - Math.PI / 2);
            double margin = RADIUS / Math.cos(Math.toRadians(lat));
            points.setDouble(1, minX - margin);
            points.setDouble(2, maxY - size - margin);
            points.setDouble(3, minX + size + margin);
            points.setDouble(4, maxY + margin);
            ListFeatureCollection features = new ListFeatureCollection(type);
            SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
            try (ResultSet rs = points.executeQuery()) {
                while (rs.next()) {
                    fb.add(geometries.createPoint(new Coordinate(rs.getDouble(1), rs.getDouble(2))));
                    features.add(fb.buildFeature(null));
                }
            }
            int radiusPixels = (int) Math.max(1, Math.round(margin / (size / 256)));
            ReferencedEnvelope env = new ReferencedEnvelope(minX, minX + size, maxY - size, maxY, mercator);
            GridCoverage2D coverage =
                    new HeatmapProcess().execute(features, radiusPixels, null, 1, env, 256, 256, null);
            var raster = coverage.getRenderedImage().getData();
            BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
            for (int j = 0; j < 256; j++) {
                for (int i = 0; i < 256; i++) {
                    double v = raster.getSampleDouble(i, j, 0); // 0..1, normalised by the process
                    int a = v <= 0 ? 0 : 200;
                    img.setRGB(i, j, (a << 24) | ((int) (255 * v) << 16) | ((int) (80 * (1 - v)) << 8));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
        }
    }
}
