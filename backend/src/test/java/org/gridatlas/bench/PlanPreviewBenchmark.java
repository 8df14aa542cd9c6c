package org.gridatlas.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The impact preview of a boundary edit, as the planner page asks for it when the mouse is released: a shared interior
 * vertex of a grid dragged 5 m east and 5 m north (reshape, neighbours follow), on a draft of the loaded community with
 * the most buildings; each run drags a vertex of the next grid. Reference: the plain SQL households-per-grid join over
 * the same community and draft — what any recount of the community's grids costs at least.
 */
final class PlanPreviewBenchmark implements Benchmark {
    /**
     * Per grid of the draft, the grid with its first vertex that is off the community boundary moved by (5 m, 5 m) in
     * the metric CRS, kept only where the moved ring is still a valid polygon.
     */
    static final String DRAGGED_VERTEX =
            """
            WITH c AS (SELECT ST_Boundary(ST_Transform(geom, 4549)) AS edge FROM community WHERE code = ?),
            rings AS (
              SELECT g.code, ST_ExteriorRing(ST_GeometryN(ST_Transform(g.geom, 4549), 1)) AS r
              FROM grid g WHERE g.plan_id = ? AND g.community_code = ?),
            moved AS (
              SELECT r.code, n, ST_MakePolygon(ST_SetPoint(r.r, n - 1, ST_Translate(ST_PointN(r.r, n), 5, 5))) AS shape
              FROM rings r, c, generate_series(2, ST_NPoints(r.r) - 1) n
              WHERE NOT ST_DWithin(ST_PointN(r.r, n), c.edge, 1))
            SELECT DISTINCT ON (code) code, ST_AsGeoJSON(ST_Transform(shape, 4326), 9)
            FROM moved WHERE ST_IsValid(shape) ORDER BY code, n""";

    /** Households per grid of one plan and community: each building in the grid holding most of its footprint. */
    static final String PLAIN_JOIN =
            """
            WITH pairs AS (
              SELECT b.id, b.households, g.code, ST_Area(ST_Intersection(b.footprint, g.geom)::geography) AS shared
              FROM building b JOIN grid g ON ST_Intersects(b.footprint, g.geom)
              WHERE b.community_code = ? AND g.plan_id = ? AND g.community_code = ?),
            best AS (SELECT DISTINCT ON (id) id, households, code FROM pairs ORDER BY id, shared DESC, code)
            SELECT code, sum(households) FROM best GROUP BY code""";

    private String size = "the loaded community with the most buildings";

    @Override
    public String name() {
        return "plan.preview";
    }

    @Override
    public String workload() {
        return "POST /api/plans/{draft}/edits/preview (impact of dragging one shared interior vertex of a grid by 5 m,"
                + " neighbours following: rules before/after, households and buildings per grid, moves, norm band) on "
                + size + ", a new grid each run; target p95 ≤ 100 ms for 2,000 buildings";
    }

    @Override
    public String reference() {
        return "plain SQL households-per-grid spatial join (largest footprint share) over the same community and"
                + " draft, over JDBC";
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
            long draft = PlanBench.draft(context, c.street(), c.code(), "bench preview");
            try {
                List<String> edits = new ArrayList<>();
                try (PreparedStatement p = db.prepareStatement(DRAGGED_VERTEX)) {
                    p.setString(1, c.code());
                    p.setLong(2, draft);
                    p.setString(3, c.code());
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            edits.add("{\"kind\":\"reshape\",\"grid\":\"" + rs.getString(1) + "\",\"geometry\":"
                                    + rs.getString(2) + "}");
                        }
                    }
                }
                if (edits.isEmpty()) throw new IllegalStateException("no grid of " + size + " has an inner vertex");
                String path = "/api/plans/" + draft + "/edits/preview";
                Samples subject = context.measure(edits, e -> context.post(path, e));
                try (PreparedStatement p = db.prepareStatement(PLAIN_JOIN)) {
                    p.setString(1, c.code());
                    p.setLong(2, draft);
                    p.setString(3, c.code());
                    Samples reference = context.measure(edits, e -> {
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) rs.getLong(2);
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
