package org.gridatlas.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * End-to-end import of a 1,000,000-row incident CSV with coordinates, as a supervisor does it: the file is uploaded
 * to {@code POST /api/imports?kind=incidents&async=true} (multipart, as the incident desk sends it) and the
 * background job is followed with {@code GET /api/imports/{id}} until it has succeeded; the time covers upload,
 * parsing, datum conversion, checks, community and grid placement on the plan in force, and storing into the real
 * {@code incident} table with all its indexes, checks and foreign keys. Unit: rows/s (higher is better).
 *
 * <p>The file is written once per bench run from the loaded data set's incidents (external id, source, category
 * names, five lifecycle times with offset, status, level, satisfaction, lon/lat, address), repeated with fresh
 * external ids until it has 1,000,000 rows, so every point lies in the loaded streets and grid placement is real.
 * After each import run the imported rows are deleted and the table vacuumed (not timed), so every run inserts,
 * and the runner waits until the service has rebuilt the heat-map months that the import and the delete marked
 * (not timed either): that background rebuild would otherwise run under the next measurements.
 *
 * <p>Two references, each registered as its own benchmark and measured in the same loop (the three sides
 * alternate, so a change in the machine's load hits all alike; the subject's samples are shared):
 * {@code import.incidents} against psql {@code \copy} of the same file into a bare typed table without index (the
 * floor: what the database takes without any checking or placement), and {@code import.incidents-vs-ogr2ogr}
 * against GDAL ogr2ogr loading the same CSV into a new PostGIS table (point geometry from lon/lat, EPSG:4326,
 * {@code --config PG_USE_COPY YES}, its default GiST index): what a GIS user would otherwise do, with no checks and
 * no grid placement. At most one warm-up and 3 measured runs per side, as a run takes seconds.
 */
final class IncidentImportBenchmark implements Benchmark {
    static final int ROWS = 1_000_000;
    private static final String PREFIX = "BENCH-";
    private static final String BARE = "bench_incident_bare";
    private static final String OGR = "bench_incident_ogr";
    private static final String HEADER =
            "external_id,source,category_big,category_small,description,reported_at,accepted_at,dispatched_at,"
                    + "resolved_at,closed_at,status,resolution_level,satisfaction,lon,lat,address";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    /** Samples of one bench run (the three sides are measured once, by whichever benchmark runs first). */
    private static Samples importRates, copyRates, ogrRates;

    private final boolean vsOgr;

    private IncidentImportBenchmark(boolean vsOgr) {
        this.vsOgr = vsOgr;
    }

    static IncidentImportBenchmark vsCopy() {
        return new IncidentImportBenchmark(false);
    }

    static IncidentImportBenchmark vsOgr2ogr() {
        return new IncidentImportBenchmark(true);
    }

    @Override
    public String name() {
        return vsOgr ? "import.incidents-vs-ogr2ogr" : "import.incidents";
    }

    @Override
    public String workload() {
        return "1,000,000-row incident CSV with WGS84 coordinates uploaded to POST /api/imports (async job followed "
                + "to success): parse, check, place in community and grid of the plan in force, store in incident";
    }

    @Override
    public String reference() {
        return vsOgr
                ? "GDAL ogr2ogr loading the same CSV into a new PostGIS point table (PG_USE_COPY=YES, GiST index)"
                : "psql `\\copy` of the same CSV into a bare typed table without index (the floor)";
    }

    @Override
    public String unit() {
        return "rows/s";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public Comparison run(BenchContext context) throws Exception {
        if (importRates == null) measureAll(context);
        return new Comparison(importRates, vsOgr ? ogrRates : copyRates);
    }

    private static void measureAll(BenchContext context) throws Exception {
        int runs = Math.min(3, context.runs());
        Path file = Files.createTempFile("gridatlas-bench-incidents", ".csv");
        try (Connection db = context.connect();
                Statement s = db.createStatement()) {
            writeCsv(db, file);
            s.execute("DELETE FROM incident WHERE external_id LIKE '" + PREFIX + "%'");
            s.execute("DROP TABLE IF EXISTS " + BARE);
            s.execute("CREATE TABLE " + BARE + " (external_id text, source text, category_big text, "
                    + "category_small text, description text, reported_at timestamptz, accepted_at timestamptz, "
                    + "dispatched_at timestamptz, resolved_at timestamptz, closed_at timestamptz, status text, "
                    + "resolution_level text, satisfaction smallint, lon float8, lat float8, address text)");
            double[] imp = new double[runs], copy = new double[runs], ogr = new double[runs];
            try {
                int warm = Math.min(1, context.warmup());
                for (int i = -warm; i < runs; i++) { // negative runs are the warm-up of each side
                    double a = importOnce(context, file);
                    s.execute("DELETE FROM incident WHERE external_id LIKE '" + PREFIX + "%'");
                    s.execute("VACUUM incident");
                    // the import and this delete marked their months dirty, and the service rebuilds their heat-map
                    // blocks in the background: wait for it, so that neither the references nor the next import
                    // share the cores with that rebuild (it is not part of storing the rows)
                    BenchRunner.awaitHeatmapRefresh(context);
                    s.execute("TRUNCATE " + BARE);
                    long start = System.nanoTime();
                    LoadRateBenchmark.psql(context, "\\copy " + BARE + " FROM '" + file + "' (FORMAT csv, HEADER)");
                    double b = (System.nanoTime() - start) / 1e9;
                    s.execute("DROP TABLE IF EXISTS " + OGR);
                    start = System.nanoTime();
                    ogr2ogr(context, file);
                    double c = (System.nanoTime() - start) / 1e9;
                    if (i >= 0) {
                        imp[i] = ROWS / a;
                        copy[i] = ROWS / b;
                        ogr[i] = ROWS / c;
                    }
                }
                check(s, OGR);
                check(s, BARE);
            } finally {
                s.execute("DROP TABLE IF EXISTS " + BARE);
                s.execute("DROP TABLE IF EXISTS " + OGR);
            }
            importRates = new Samples(imp);
            copyRates = new Samples(copy);
            ogrRates = new Samples(ogr);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The data set's incidents with category names, repeated with fresh ids up to {@link #ROWS} rows, as CSV. */
    private static void writeCsv(Connection db, Path file) throws Exception {
        String select =
                """
                SELECT '%s' || r || '-' || i.external_id, i.source, big.name, small.name, i.description,
                  to_char(i.reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS+08:00'),
                  to_char(i.accepted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS+08:00'),
                  to_char(i.dispatched_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS+08:00'),
                  to_char(i.resolved_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS+08:00'),
                  to_char(i.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS+08:00'),
                  i.status, i.resolution_level, i.satisfaction,
                  round(ST_X(i.location)::numeric, 7), round(ST_Y(i.location)::numeric, 7), i.address
                FROM generate_series(1, (SELECT ceil(%d.0 / count(*))::int FROM incident
                                         WHERE location IS NOT NULL AND external_id NOT LIKE '%s%%')) r
                CROSS JOIN (SELECT * FROM incident WHERE location IS NOT NULL AND external_id NOT LIKE '%s%%'
                            ORDER BY id) i
                JOIN incident_category small ON small.code = i.category_code
                JOIN incident_category big ON big.code = i.category_big
                LIMIT %d"""
                        .formatted(PREFIX, ROWS, PREFIX, PREFIX, ROWS);
        try (var out = Files.newOutputStream(file)) {
            out.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            long n = db.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("COPY (" + select + ") TO STDOUT (FORMAT csv)", out);
            if (n != ROWS) throw new IllegalStateException("the data set gave " + n + " incident rows, not " + ROWS);
        }
    }

    /** Uploads the file as an async import and waits for the job; returns the wall time in seconds. */
    private static double importOnce(BenchContext context, Path file) throws Exception {
        String boundary = "----gridatlas" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"incidents.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        parts.add(HttpRequest.BodyPublishers.ofString(head));
        parts.add(HttpRequest.BodyPublishers.ofFile(file));
        parts.add(HttpRequest.BodyPublishers.ofString(tail));
        HttpRequest post = HttpRequest.newBuilder(
                        URI.create(context.baseUrl() + "/api/imports?kind=incidents&async=true&encoding=UTF-8"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-XSRF-TOKEN", xsrfToken(context))
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> r = context.http().send(post, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) throw new IllegalStateException("import → " + r.statusCode() + ": " + r.body());
        Matcher id = ID.matcher(r.body());
        if (!id.find()) throw new IllegalStateException("no job id in " + r.body());
        while (true) {
            Thread.sleep(100);
            String job = new String(context.get("/api/imports/" + id.group(1)), StandardCharsets.UTF_8);
            Matcher status = STATUS.matcher(job);
            if (!status.find()) throw new IllegalStateException("no status in " + job);
            if ("running".equals(status.group(1))) continue;
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!"succeeded".equals(status.group(1)) || !job.contains("\"inserted\":" + ROWS)) {
                throw new IllegalStateException("import did not insert " + ROWS + " rows: " + job);
            }
            return seconds;
        }
    }

    /**
     * The session's CSRF token (cookie XSRF-TOKEN, echoed as a header on writes as js/api.js does); a write without
     * it is refused, and that refusal also sets the cookie.
     */
    private static String xsrfToken(BenchContext context) throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            var cookies =
                    ((java.net.CookieManager) context.http().cookieHandler().orElseThrow()).getCookieStore();
            for (var c : cookies.getCookies()) if (c.getName().equals("XSRF-TOKEN")) return c.getValue();
            context.http()
                    .send(
                            HttpRequest.newBuilder(URI.create(context.baseUrl() + "/api/imports/preview"))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        }
        throw new IllegalStateException("the service set no XSRF-TOKEN cookie");
    }

    private static void ogr2ogr(BenchContext context, Path file) throws Exception {
        String rest = context.jdbcUrl().substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String db = rest.substring(rest.indexOf('/') + 1);
        String pg = "PG:host=" + hostPort.substring(0, hostPort.indexOf(':')) + " port="
                + hostPort.substring(hostPort.indexOf(':') + 1) + " dbname=" + db + " user=" + context.dbUser();
        ProcessBuilder pb = new ProcessBuilder(
                        System.getenv().getOrDefault("GRIDATLAS_OGR2OGR", "ogr2ogr"),
                        "--config",
                        "PG_USE_COPY",
                        "YES",
                        "-f",
                        "PostgreSQL",
                        pg,
                        file.toString(),
                        "-nln",
                        OGR,
                        "-oo",
                        "X_POSSIBLE_NAMES=lon",
                        "-oo",
                        "Y_POSSIBLE_NAMES=lat",
                        "-a_srs",
                        "EPSG:4326",
                        "-lco",
                        "GEOMETRY_NAME=geom")
                .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", context.dbPassword());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("ogr2ogr failed: " + out);
    }

    /** The reference loaded every row (a reference that silently loads less would flatter the subject). */
    private static void check(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            if (rs.getLong(1) != ROWS) throw new IllegalStateException(table + " has " + rs.getLong(1) + " rows");
        }
    }
}
