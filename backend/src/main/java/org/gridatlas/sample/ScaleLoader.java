package org.gridatlas.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;

/**
 * Loads a generated district or city straight into a database with COPY ({@link CopySampleSink}), once: the data
 * set is recorded in {@code scale_dataset} and a second run with the same parameters reuses it.
 *
 * <pre>
 * java ... org.gridatlas.sample.ScaleLoader --scale district|city|STREETS [--seed N] [--incidents N]
 * </pre>
 *
 * The database comes from SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD; the schema is migrated first (Flyway).
 * District = 17 streets × 60,000 incidents (about 1,000 grids, 40,000 buildings, 430,000 households, 1.02 million
 * incidents); city = 170 streets (10×).
 */
public final class ScaleLoader {
    /** Streets of a named scale. */
    static int streets(String scale) {
        return switch (scale) {
            case "district" -> 17;
            case "city" -> 170;
            default -> Integer.parseInt(scale);
        };
    }

    static final int INCIDENTS_PER_STREET = 60_000;

    private ScaleLoader() {}

    public static void main(String[] args) throws Exception {
        String scale = "district";
        long seed = GeneratorOptions.DEFAULT_SEED;
        int incidents = INCIDENTS_PER_STREET;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--scale" -> scale = args[i + 1];
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--incidents" -> incidents = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int streets = streets(scale);
        String name = scale.matches("[0-9]+") ? "streets-" + scale : scale;
        String url = System.getenv("SPRING_DATASOURCE_URL");
        String user = System.getenv("SPRING_DATASOURCE_USERNAME");
        String password = System.getenv("SPRING_DATASOURCE_PASSWORD");
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            load(db, name, new GeneratorOptions(seed, streets, Path.of("unused"), incidents));
        }
    }

    static void load(Connection db, String name, GeneratorOptions options) throws Exception {
        if (loaded(db, name, options)) {
            System.err.println("scale data set '" + name + "' already loaded; reusing it");
            return;
        }
        if (count(db, "SELECT count(*) FROM street") > 0) {
            throw new IllegalStateException("the database already holds other streets; load a scale into an empty "
                    + "database (scripts/bench uses its own, gridatlas_bench_<scale>)");
        }
        long start = System.nanoTime();
        db.setAutoCommit(false);
        List<String> deferred = dropSecondaryIndexes(db, "incident");
        db.commit();
        Manifest manifest;
        long rows;
        try (CopySampleSink sink = new CopySampleSink(db)) {
            manifest = SampleStreetGenerator.generate(options, sink);
            rows = sink.incidentRows();
        }
        long indexStart = System.nanoTime();
        try (Statement s = db.createStatement()) {
            for (String ddl : deferred) s.execute(ddl);
            db.commit();
            db.setAutoCommit(true);
            s.execute("ANALYZE");
        }
        double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
        double seconds = (System.nanoTime() - start) / 1e9;
        try (PreparedStatement p = db.prepareStatement(
                """
                INSERT INTO scale_dataset (name, seed, streets, incidents_per_street, grids, buildings, households,
                  incidents, load_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            p.setString(1, name);
            p.setLong(2, options.seed());
            p.setInt(3, options.scale());
            p.setInt(4, options.incidentsPerStreet());
            p.setInt(5, manifest.counts().grids());
            p.setInt(6, manifest.counts().buildings());
            p.setLong(7, manifest.households());
            p.setLong(8, rows);
            p.setBigDecimal(9, java.math.BigDecimal.valueOf(Math.round(seconds * 10) / 10.0));
            p.executeUpdate();
        }
        System.err.printf(
                Locale.ROOT,
                "loaded '%s': %d streets, %d grids, %d buildings, %d households, %d incidents in %.1f s"
                        + " (incident indexes rebuilt in %.1f s; %.0f incident rows/s overall)%n",
                name,
                options.scale(),
                manifest.counts().grids(),
                manifest.counts().buildings(),
                manifest.households(),
                rows,
                seconds,
                indexSeconds,
                rows / seconds);
    }

    private static boolean loaded(Connection db, String name, GeneratorOptions o) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT count(*) FROM scale_dataset WHERE name = ? AND seed = ? AND streets = ? AND incidents_per_street = ?")) {
            p.setString(1, name);
            p.setLong(2, o.seed());
            p.setInt(3, o.scale());
            p.setInt(4, o.incidentsPerStreet());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /**
     * Drops the indexes of an empty table that no constraint needs and returns their definitions: building a GiST
     * or B-tree index once over a million rows is several times faster than maintaining it row by row.
     */
    private static List<String> dropSecondaryIndexes(Connection db, String table) throws SQLException {
        List<String> ddl = new ArrayList<>();
        if (count(db, "SELECT count(*) FROM " + table) > 0) return ddl;
        List<String> names = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(
                """
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                WHERE i.indrelid = ?::regclass
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    ddl.add(rs.getString(2));
                }
            }
        }
        try (Statement s = db.createStatement()) {
            for (String n : names) s.execute("DROP INDEX " + n);
        }
        return ddl;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
