package org.gridatlas.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Runs the {@link BenchmarkSuite} against the scale database and the running service and writes docs/benchmarks.md.
 * Started by scripts/bench (which builds, loads the data set once and starts the service); see README "Benchmarks".
 */
public final class BenchRunner {
    private static final String BENCH_USER = "bench-admin";

    private record Outcome(Benchmark benchmark, Benchmark.Comparison comparison, String error, double seconds) {}

    private BenchRunner() {}

    public static void main(String[] args) throws Exception {
        String scale = "district";
        String baseUrl = "http://127.0.0.1:8089";
        int runs = 50;
        int warmup = 10;
        String only = "";
        Path out = Path.of("docs/benchmarks.md");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--scale" -> scale = args[i + 1];
                case "--base-url" -> baseUrl = args[i + 1];
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--only" -> only = args[i + 1];
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String url = System.getenv("SPRING_DATASOURCE_URL");
        String user = System.getenv("SPRING_DATASOURCE_USERNAME");
        String password = System.getenv("SPRING_DATASOURCE_PASSWORD");
        String benchPassword =
                HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(12));
        try (Connection db = java.sql.DriverManager.getConnection(url, user, password)) {
            benchUser(db, benchPassword);
        }
        BenchContext context = new BenchContext(
                url, user, password, baseUrl, BenchContext.signIn(baseUrl, BENCH_USER, benchPassword), runs, warmup);
        List<Outcome> outcomes = new ArrayList<>();
        for (Benchmark b : BenchmarkSuite.all()) {
            if (!selected(b, only)) continue;
            awaitHeatmapRefresh(context);
            System.err.println("benchmark " + b.name() + " …");
            long start = System.nanoTime();
            try {
                Benchmark.Comparison c = b.run(context);
                outcomes.add(new Outcome(b, c, null, (System.nanoTime() - start) / 1e9));
                System.err.printf(
                        Locale.ROOT,
                        "  median %.3f %s (reference %.3f)%n",
                        c.subject().median(),
                        b.unit(),
                        c.reference().median());
            } catch (Exception e) {
                e.printStackTrace();
                outcomes.add(new Outcome(b, null, e.toString(), (System.nanoTime() - start) / 1e9));
            }
        }
        try (Connection db = context.connect()) {
            Files.writeString(out, report(db, scale, context, outcomes), StandardCharsets.UTF_8);
        }
    }

    /**
     * Waits (at most 20 minutes) until the service has no heat-map month left to rebuild. A freshly loaded data set
     * has every month dirty, and an import marks its months; the service rebuilds them in the background, and a
     * benchmark measured meanwhile would share the two cores with that rebuild. A tile is asked first so that a
     * refresh runs even when nothing else started one.
     */
    static void awaitHeatmapRefresh(BenchContext context) throws Exception {
        long start = System.nanoTime();
        try (Connection db = context.connect();
                Statement s = db.createStatement()) {
            boolean asked = false;
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM heatmap_dirty_month")) {
                    rs.next();
                    if (rs.getInt(1) == 0) break;
                }
                if (!asked) {
                    context.get("/api/heatmap/10/857/421.png?radius=150");
                    asked = true;
                }
                if (System.nanoTime() - start > 20 * 60e9) throw new IllegalStateException("heat-map blocks stale");
                Thread.sleep(1000);
            }
        }
        double waited = (System.nanoTime() - start) / 1e9;
        if (waited > 1) System.err.printf(Locale.ROOT, "waited %.0f s for the service's heat-map refresh%n", waited);
    }

    private static boolean selected(Benchmark b, String only) {
        if (only.isBlank()) return true;
        for (String prefix : only.split(",")) if (b.name().startsWith(prefix.trim())) return true;
        return false;
    }

    /** An admin of every street with a fresh random password (the bench database is the bench's own). */
    private static void benchUser(Connection db, String password) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                """
                INSERT INTO app_user (username, password_hash, role, street_code, community_code)
                VALUES (?, ?, 'admin', NULL, NULL)
                ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash""")) {
            p.setString(1, BENCH_USER);
            p.setString(2, new BCryptPasswordEncoder().encode(password));
            p.executeUpdate();
        }
    }

    static String report(Connection db, String scale, BenchContext context, List<Outcome> outcomes)
            throws SQLException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Generated by `scripts/bench --scale ")
                .append(scale)
                .append("` on ")
                .append(ZonedDateTime.now()
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .substring(0, 19))
                .append(" UTC. Do not edit by hand: run the command again. How to run and how to add a benchmark: ")
                .append("README, section \"Benchmarks\".\n\n");
        md.append("## Machine\n\n");
        md.append("- CPU cores: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append('\n');
        md.append("- Memory: ").append(memory()).append('\n');
        md.append("- Java: ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.version"))
                .append('\n');
        md.append("- PostgreSQL: ").append(one(db, "SHOW server_version")).append('\n');
        md.append("- PostGIS: ")
                .append(one(db, "SELECT postgis_lib_version()"))
                .append(", GEOS ")
                .append(one(db, "SELECT postgis_geos_version()"))
                .append('\n');
        md.append("- Server settings: fsync ")
                .append(one(db, "SHOW fsync"))
                .append(", synchronous_commit ")
                .append(one(db, "SHOW synchronous_commit"))
                .append(", shared_buffers ")
                .append(one(db, "SHOW shared_buffers"))
                .append(", work_mem ")
                .append(one(db, "SHOW work_mem"))
                .append('\n');
        md.append("- Service and database on the same machine, over loopback; the machine is shared with other work, ")
                .append("so figures are indicative: compare ratios, which are measured side by side.\n\n");
        md.append("## Data\n\n");
        md.append(dataset(db, scale));
        md.append("\n## Results\n\n");
        md.append("Warm-up runs: ")
                .append(context.warmup())
                .append(", measured runs: ")
                .append(context.runs())
                .append(" per side unless the workload says otherwise. Ratio = subject median / reference median")
                .append(" (for rows/s, above 1 is faster than the reference; for ms, below 1 is faster). Before each")
                .append(" benchmark the runner waits until the service has rebuilt every dirty heat-map month (after a")
                .append(" fresh load or an import it does so in the background), so no benchmark shares the cores")
                .append(" with that rebuild.\n\n");
        md.append("| Benchmark | Unit | Median | p95 | Min | Max | n | Reference median | Reference p95 | Ratio |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Outcome o : outcomes) {
            if (o.comparison() == null) {
                md.append("| ")
                        .append(o.benchmark().name())
                        .append(" | ")
                        .append(o.benchmark().unit())
                        .append(" | failed: ")
                        .append(o.error().replace('|', '/'))
                        .append(" | | | | | | | |\n");
                continue;
            }
            Samples s = o.comparison().subject();
            Samples r = o.comparison().reference();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %d | %s | %s | %.2f |%n",
                    o.benchmark().name(),
                    o.benchmark().unit(),
                    num(s.median()),
                    num(s.percentile(95)),
                    num(s.min()),
                    num(s.max()),
                    s.count(),
                    num(r.median()),
                    num(r.percentile(95)),
                    s.median() / r.median()));
        }
        md.append("\n## What each benchmark measures\n\n");
        for (Outcome o : outcomes) {
            md.append("- **")
                    .append(o.benchmark().name())
                    .append("** — ")
                    .append(o.benchmark().workload())
                    .append(". Reference: ")
                    .append(o.benchmark().reference())
                    .append(String.format(Locale.ROOT, ". (%.0f s)%n", o.seconds()));
        }
        return md.toString();
    }

    private static String dataset(Connection db, String scale) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM scale_dataset WHERE name = ?")) {
            p.setString(1, scale);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return "No scale_dataset row for '" + scale + "'.\n";
                long incidents = rs.getLong("incidents");
                double seconds = rs.getDouble("load_seconds");
                return String.format(
                                Locale.ROOT,
                                "- Scale: %s — %d streets (seed %d), %,d grids, %,d buildings, %,d households, %,d incidents%n"
                                        + "- Loaded on %s by `ScaleLoader` (generation + COPY + index build) in %.0f s:"
                                        + " %,.0f incident rows/s end to end%n",
                                scale,
                                rs.getInt("streets"),
                                rs.getLong("seed"),
                                rs.getInt("grids"),
                                rs.getInt("buildings"),
                                rs.getLong("households"),
                                incidents,
                                rs.getTimestamp("loaded_at").toString().substring(0, 16),
                                seconds,
                                incidents / seconds)
                        + String.format(
                                Locale.ROOT,
                                "- Database size: %s%n",
                                one(db, "SELECT pg_size_pretty(pg_database_size(current_database()))"));
            }
        }
    }

    private static String num(double v) {
        if (v >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (Exception e) {
            // not Linux: say so rather than guess
        }
        return "unknown";
    }

    private static String one(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
