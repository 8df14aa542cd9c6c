package org.gridatlas.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishing a street: each run copies a draft of the street with the most grids and merges two adjacent grids of one
 * community in it (untimed; the next community each run), then publishes it over HTTP (the changed community's rules
 * checked against the published plan, the others compared exactly in SQL, numbering, archive, duty review, incident
 * re-assignment). Reference: a plain INSERT … SELECT copy of the street's grids into a new plan row, rolled back.
 * Afterwards the street's original plan is published again and every bench plan is removed.
 */
final class PlanPublishBenchmark implements Benchmark {
    private String size = "the loaded street with the most grids";

    @Override
    public String name() {
        return "plan.publish";
    }

    @Override
    public String workload() {
        return "POST /api/plans/{draft}/publish of a whole-street draft of " + size + " with one saved edit (two"
                + " adjacent grids of one community merged, another community each run); target ≤ 2 s for 80 grids";
    }

    @Override
    public String reference() {
        return "plain INSERT … SELECT copy of the street's grids into a new plan row over JDBC (rolled back)";
    }

    @Override
    public String unit() {
        return "ms";
    }

    @Override
    public Comparison run(BenchContext context) throws Exception {
        BenchContext few = context.atMost(10, 2);
        try (Connection db = context.connect()) {
            String street;
            long original;
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery(
                            """
                            SELECT p.street_code, p.id, count(*) FROM boundary_plan p JOIN grid g ON g.plan_id = p.id
                            WHERE p.status = 'published' GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1""")) {
                if (!rs.next()) throw new IllegalStateException("no published plan is loaded");
                street = rs.getString(1);
                original = rs.getLong(2);
                size = "street " + street + " (" + rs.getInt(3) + " grids)";
            }
            long lastEvent = one(db, "SELECT coalesce(max(id), 0) FROM plan_event");
            List<Long> drafts = new ArrayList<>();
            List<Integer> runs = new ArrayList<>();
            for (int i = 0; i < few.warmup() + few.runs(); i++) runs.add(i);
            try {
                List<String> communities = communities(db, street);
                Samples subject = few.measureAfter(
                        runs,
                        i -> {
                            long d = PlanBench.draft(context, street, null, "bench publish " + i);
                            drafts.add(d);
                            mergeOnePair(context, db, d, communities, i);
                        },
                        i -> context.post(
                                "/api/plans/" + drafts.get(drafts.size() - 1) + "/publish", "{\"version\":1}"));
                Samples reference = few.measure(runs, i -> copyRolledBack(db, original, street));
                return new Comparison(subject, reference);
            } finally {
                restore(db, original, drafts, lastEvent);
            }
        }
    }

    private static List<String> communities(Connection db, String street) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p =
                db.prepareStatement("SELECT code FROM community WHERE street_code = ? ORDER BY code")) {
            p.setString(1, street);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** One saved edit in the draft: two adjacent grids of the run's community merged (the next community if none). */
    private static void mergeOnePair(BenchContext context, Connection db, long draft, List<String> communities, int run)
            throws Exception {
        try (PreparedStatement p = db.prepareStatement(
                """
                SELECT a.code, b.code FROM grid a JOIN grid b
                  ON b.plan_id = a.plan_id AND b.community_code = a.community_code AND a.code < b.code
                WHERE a.plan_id = ? AND a.community_code = ?
                  AND ST_Length(ST_Intersection(ST_Boundary(a.geom), ST_Boundary(b.geom))::geography) > 5
                ORDER BY 1, 2""")) {
            for (int k = 0; k < communities.size(); k++) {
                p.setLong(1, draft);
                p.setString(2, communities.get((run + k) % communities.size()));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        try {
                            context.post(
                                    "/api/plans/" + draft + "/edits",
                                    "{\"kind\":\"merge\",\"grid\":\"" + rs.getString(1) + "\",\"other\":\""
                                            + rs.getString(2) + "\",\"version\":0}");
                            return;
                        } catch (IllegalStateException refused) {
                            // a merge the rules refuse (e.g. next to a planted overlap): try the next pair
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no two adjacent grids left to merge in draft " + draft);
    }

    private static void copyRolledBack(Connection db, long plan, String street) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement p = db.prepareStatement(
                """
                        WITH np AS (INSERT INTO boundary_plan (street_code, name, status, author)
                                    VALUES (?, 'bench copy', 'draft', 'bench') RETURNING id)
                        INSERT INTO grid (plan_id, code, community_code, name, geom)
                        SELECT np.id, code, community_code, name, geom FROM grid, np WHERE plan_id = ?""")) {
            p.setString(1, street);
            p.setLong(2, plan);
            p.executeUpdate();
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }

    /** The original plan published again, incidents read from it again, bench plans and their events gone. */
    private static void restore(Connection db, long original, List<Long> drafts, long lastEvent) throws SQLException {
        if (drafts.isEmpty()) return;
        Long[] ids = drafts.toArray(Long[]::new);
        db.setAutoCommit(false);
        try (PreparedStatement incidents =
                        db.prepareStatement("UPDATE incident SET grid_plan_id = ? WHERE grid_plan_id = ANY (?)");
                PreparedStatement plans = db.prepareStatement("DELETE FROM boundary_plan WHERE id = ANY (?)");
                PreparedStatement back = db.prepareStatement(
                        "UPDATE boundary_plan SET status = 'published', archived_at = NULL WHERE id = ?");
                PreparedStatement events = db.prepareStatement("DELETE FROM plan_event WHERE plan_id = ? AND id > ?")) {
            incidents.setLong(1, original);
            incidents.setArray(2, db.createArrayOf("bigint", ids));
            incidents.executeUpdate();
            plans.setArray(1, db.createArrayOf("bigint", ids));
            plans.executeUpdate();
            back.setLong(1, original);
            back.executeUpdate();
            events.setLong(1, original);
            events.setLong(2, lastEvent);
            events.executeUpdate();
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static long one(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
