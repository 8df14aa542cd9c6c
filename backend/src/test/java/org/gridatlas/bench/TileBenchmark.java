package org.gridatlas.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One vector-tile layer over HTTP: tiles at the given zooms around 100 features picked at random (fixed seed), each
 * request timed end to end over loopback. Reference: the textbook ST_AsMVT query for the same tile run directly over
 * JDBC (no HTTP, no scope filter, no simplification), so the ratio is the price of the service around the database.
 */
final class TileBenchmark implements Benchmark {
    private final String layer;
    private final int[] zooms;
    private final String column;
    private final String table;
    private final String properties;

    /**
     * @param properties the attribute columns the service puts in the tile at these zooms, selected by the
     *     reference too, so both sides encode the same content
     */
    TileBenchmark(String layer, int[] zooms, String column, String table, String properties) {
        this.layer = layer;
        this.zooms = zooms;
        this.column = column;
        this.table = table;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "tiles." + layer;
    }

    @Override
    public String workload() {
        return "GET /api/tiles/" + layer + "/{z}/{x}/{y}.mvt over loopback as an admin of every street, zooms "
                + Arrays.toString(zooms) + ", tiles around 100 random " + table + "s (seeded), per tile";
    }

    @Override
    public String reference() {
        return "plain `ST_AsMVT(ST_AsMVTGeom(ST_Transform(" + column + ", 3857), ST_TileEnvelope(z,x,y)))` with the"
                + " same attributes (" + properties + ") over the same tiles with a `&&` index filter, over JDBC; both"
                + " sides warmed on every measured tile first";
    }

    @Override
    public String unit() {
        return "ms";
    }

    record Tile(int z, int x, int y) {}

    @Override
    public Comparison run(BenchContext context) throws Exception {
        List<Tile> tiles = tiles(context);
        Samples http = context.measure(
                tiles,
                t -> context.get("/api/tiles/" + layer + "/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt"),
                true);
        String plain =
                """
                SELECT ST_AsMVT(t, '%1$s') FROM (
                  SELECT %4$s, ST_AsMVTGeom(ST_Transform(%2$s, 3857), ST_TileEnvelope(?, ?, ?)) AS geom FROM %3$s
                  WHERE %2$s && ST_Transform(ST_TileEnvelope(?, ?, ?), 4326)) t"""
                        .formatted(layer, column, table, properties);
        try (Connection db = context.connect();
                PreparedStatement p = db.prepareStatement(plain)) {
            Samples reference = context.measure(
                    tiles,
                    t -> {
                        for (int i = 0; i < 2; i++) {
                            p.setInt(3 * i + 1, t.z());
                            p.setInt(3 * i + 2, t.x());
                            p.setInt(3 * i + 3, t.y());
                        }
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                            rs.getBytes(1);
                        }
                    },
                    true);
            return new Comparison(http, reference);
        }
    }

    private List<Tile> tiles(BenchContext context) throws Exception {
        List<Tile> tiles = new ArrayList<>();
        try (Connection db = context.connect();
                Statement s = db.createStatement()) {
            s.execute("SELECT setseed(0.20260101)");
            try (ResultSet rs = s.executeQuery(
                    """
                    SELECT ST_X(p), ST_Y(p) FROM (
                      SELECT ST_PointOnSurface(%s) AS p FROM %s WHERE %1$s IS NOT NULL ORDER BY random() LIMIT 100) x"""
                            .formatted(column, table))) {
                int i = 0;
                while (rs.next()) {
                    int z = zooms[i++ % zooms.length];
                    tiles.add(new Tile(z, tileX(rs.getDouble(1), z), tileY(rs.getDouble(2), z)));
                }
            }
        }
        if (tiles.isEmpty()) throw new IllegalStateException("no " + table + " in the database");
        return tiles;
    }

    static int tileX(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    static int tileY(double lat, int z) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }
}
