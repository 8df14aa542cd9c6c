package org.gridatlas.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The full coverage computation of everything loaded (every street of the scale), over HTTP as an admin of every
 * street: building → grid shares, per-grid figures, faults with geometry, workload, roll-ups. Reference: the plain
 * spatial join that computes only the household total per grid (each building in the grid holding the larger part
 * of its footprint), over JDBC — the floor for this work (issue 5 asks for at most 2× of it).
 */
final class CoverageBenchmark implements Benchmark {
    static final String PLAIN_JOIN =
            """
            WITH pairs AS (
              SELECT b.id, b.households, g.code, ST_Area(ST_Intersection(b.footprint, g.geom)::geography) AS shared
              FROM building b
              JOIN grid g ON ST_Intersects(b.footprint, g.geom)
              JOIN boundary_plan p ON p.id = g.plan_id AND p.status = 'published'),
            best AS (SELECT DISTINCT ON (id) id, households, code FROM pairs ORDER BY id, shared DESC, code)
            SELECT code, sum(households) FROM best GROUP BY code""";

    @Override
    public String name() {
        return "coverage.all";
    }

    @Override
    public String workload() {
        return "GET /api/coverage (every figure of every grid, worker, community and street, with the faults) over"
                + " loopback as an admin of every street, the published plans";
    }

    @Override
    public String reference() {
        return "plain SQL spatial join computing only households per grid (largest footprint share, geography areas)"
                + " over JDBC";
    }

    @Override
    public String unit() {
        return "ms";
    }

    @Override
    public Comparison run(BenchContext context) throws Exception {
        // seconds per run at district scale: fewer runs than the millisecond benchmarks
        BenchContext few = context.atMost(10, 2);
        List<String> once = List.of("all");
        Samples subject = few.measure(once, x -> few.get("/api/coverage"));
        try (Connection db = context.connect();
                Statement s = db.createStatement()) {
            Samples reference = few.measure(once, x -> {
                try (ResultSet rs = s.executeQuery(PLAIN_JOIN)) {
                    while (rs.next()) rs.getLong(2);
                }
            });
            return new Comparison(subject, reference);
        }
    }
}
