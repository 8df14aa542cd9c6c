package org.gridatlas.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.gridatlas.sample.CopySampleSink;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Load rate of incident rows: the rows of one street (60,000 at district scale) copied with PgJDBC's CopyManager, as
 * the scale loader does, into an empty copy of the incident table with all its indexes and checks. Reference: psql
 * {@code \copy} of the very same rows from a file into the same table (the psql process start, about 20 ms, is
 * inside its time). Each run starts from an empty table; the sides alternate; 1 warm-up and at most 5 measured runs
 * per side, as one run takes seconds.
 */
final class LoadRateBenchmark implements Benchmark {
    private static final String TABLE = "bench_incident_load";

    @Override
    public String name() {
        return "load.incidents";
    }

    @Override
    public String workload() {
        return "COPY of one street's incident rows through PgJDBC CopyManager (the scale loader's path) into an empty "
                + "table LIKE incident INCLUDING ALL (indexes and checks, no foreign keys)";
    }

    @Override
    public String reference() {
        return "psql `\\copy` of the same rows from a file into the same table";
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
        String columns = CopySampleSink.INCIDENT_COLUMNS.substring("incident ".length());
        int runs = Math.min(5, context.runs());
        try (Connection db = context.connect();
                Statement s = db.createStatement()) {
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            String street;
            try (ResultSet rs = s.executeQuery("SELECT min(street_code) FROM incident")) {
                rs.next();
                street = rs.getString(1);
            }
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            long n = copy.copyOut(
                    "COPY (SELECT " + columns.substring(1, columns.length() - 1)
                            + " FROM incident WHERE street_code = '" + street + "') TO STDOUT",
                    rows);
            byte[] bytes = rows.toByteArray();
            Path file = Files.createTempFile("gridatlas-bench-incidents", ".copy");
            Files.write(file, bytes);
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (LIKE incident INCLUDING ALL)");
            try {
                // subject and reference alternate, so a change in the machine's load hits both alike
                double[] jdbc = new double[runs];
                double[] psql = new double[runs];
                for (int i = -1; i < runs; i++) { // run -1 is the warm-up of each side
                    s.execute("TRUNCATE " + TABLE);
                    long start = System.nanoTime();
                    copy.copyIn("COPY " + TABLE + " " + columns + " FROM STDIN", new ByteArrayInputStream(bytes));
                    double a = (System.nanoTime() - start) / 1e6;
                    s.execute("TRUNCATE " + TABLE);
                    start = System.nanoTime();
                    psql(context, "\\copy " + TABLE + " " + columns + " FROM '" + file + "'");
                    double b = (System.nanoTime() - start) / 1e6;
                    if (i >= 0) {
                        jdbc[i] = a;
                        psql[i] = b;
                    }
                }
                return new Comparison(rate(new Samples(jdbc), n), rate(new Samples(psql), n));
            } finally {
                s.execute("DROP TABLE IF EXISTS " + TABLE);
                Files.deleteIfExists(file);
            }
        }
    }

    /** Milliseconds per load → rows per second. */
    private static Samples rate(Samples ms, long rows) {
        double[] r = new double[ms.count()];
        for (int i = 0; i < r.length; i++) r[i] = rows / (ms.values()[i] / 1000);
        return new Samples(r);
    }

    static void psql(BenchContext context, String command) throws Exception {
        // jdbc:postgresql://host:port/db
        String rest = context.jdbcUrl().substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String db = rest.substring(rest.indexOf('/') + 1);
        ProcessBuilder pb = new ProcessBuilder(
                        System.getenv().getOrDefault("GRIDATLAS_PSQL", "psql"),
                        "-X",
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-h",
                        hostPort.substring(0, hostPort.indexOf(':')),
                        "-p",
                        hostPort.substring(hostPort.indexOf(':') + 1),
                        "-U",
                        context.dbUser(),
                        "-d",
                        db,
                        "-c",
                        command)
                .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", context.dbPassword());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("psql failed: " + out);
    }
}
