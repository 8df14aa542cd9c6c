package org.gridatlas.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * Validation of a whole community of a draft (every rule: valid, inside, overlap, gap, building split, empty), over
 * HTTP, on the loaded community with the most buildings. Reference: a plain PostGIS check of the same grids — the gap
 * area (community minus ST_Union of the grids) and the overlapping pairs (ST_Overlaps) — in one query over JDBC.
 */
final class PlanValidationBenchmark implements Benchmark {
    static final String PLAIN_CHECK =
            """
            WITH g AS (SELECT code, geom FROM grid WHERE plan_id = ? AND community_code = ?)
            SELECT (SELECT ST_Area(ST_Difference(c.geom, ST_Union(g.geom))::geography)
                    FROM g, community c WHERE c.code = ? GROUP BY c.geom),
                   (SELECT count(*) FROM g a JOIN g b ON a.code < b.code AND ST_Overlaps(a.geom, b.geom))""";

    private String size = "the loaded community with the most buildings";

    @Override
    public String name() {
        return "plan.validation";
    }

    @Override
    public String workload() {
        return "GET /api/plans/{draft}/validation?community= (every rule incl. building splits, faults placed on the"
                + " map) on " + size + "; target ≤ 200 ms for 2,000 buildings and 10 grids";
    }

    @Override
    public String reference() {
        return "plain PostGIS check of the same grids: gap area by ST_Difference(community, ST_Union(grids)) and"
                + " overlapping pairs by ST_Overlaps, one query over JDBC";
    }

    @Override
    public String unit() {
        return "ms";
    }

    @Override
    public Comparison run(BenchContext context) throws Exception {
        try (Connection db = context.connect()) {
            PlanBench.Community c = PlanBench.largest(db);
            size = c.describe();
            long draft = PlanBench.draft(context, c.street(), c.code(), "bench validation");
            try {
                List<String> once = List.of(c.code());
                String path = "/api/plans/" + draft + "/validation?community=" + c.code();
                Samples subject = context.measure(once, x -> context.get(path));
                try (PreparedStatement p = db.prepareStatement(PLAIN_CHECK)) {
                    p.setLong(1, draft);
                    p.setString(2, c.code());
                    p.setString(3, c.code());
                    Samples reference = context.measure(once, x -> {
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                        }
                    });
                    return new Comparison(subject, reference);
                }
            } finally {
                PlanBench.dropDrafts(db, PlanBench.list(draft));
            }
        }
    }
}
