package org.gridatlas.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the plan benchmarks share: the community they work on (the loaded community with the most buildings: the old
 * town of street 1, about 2,200 one-storey courtyard houses in 10 grids — the size the speed targets are stated for —
 * in every generated data set from {@code --scale 2} up), drafts created over HTTP as the planner page does, and their
 * removal afterwards (the bench database is left as found).
 */
final class PlanBench {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private PlanBench() {}

    /**
     * The community the benchmarks edit.
     *
     * @param publishedPlan the street's published plan
     * @param buildings its number of buildings
     * @param grids its number of grids in the published plan
     */
    record Community(String code, String street, long publishedPlan, int buildings, int grids) {
        String describe() {
            String size = "community " + code + " (" + buildings + " buildings, " + grids + " grids)";
            // a data set generated before the old town existed has no community of the targets' size
            return buildings >= 2_000 ? size : size + ", smaller than the targets' 2,000 buildings";
        }
    }

    static Community largest(Connection db) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                        """
                        SELECT c.code, c.street_code, p.id,
                               (SELECT count(*) FROM building b WHERE b.community_code = c.code),
                               (SELECT count(*) FROM grid g WHERE g.plan_id = p.id AND g.community_code = c.code)
                        FROM community c JOIN boundary_plan p ON p.street_code = c.street_code AND p.status = 'published'
                        ORDER BY 4 DESC, 1 LIMIT 1""");
                ResultSet rs = p.executeQuery()) {
            if (!rs.next()) throw new IllegalStateException("no community with a published plan is loaded");
            return new Community(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5));
        }
    }

    /** A new draft copied from the published plan (POST /api/plans), limited to {@code community} when given. */
    static long draft(BenchContext context, String street, String community, String name) throws Exception {
        String body = "{\"street\":\"" + street + "\",\"name\":\"" + name + "\""
                + (community == null ? "" : ",\"community\":\"" + community + "\"") + "}";
        String answer = new String(context.post("/api/plans", body), StandardCharsets.UTF_8);
        Matcher m = ID.matcher(answer);
        if (!m.find()) throw new IllegalStateException("no plan id in " + answer);
        return Long.parseLong(m.group(1));
    }

    /** Removes bench drafts (never the plans that were there before). */
    static void dropDrafts(Connection db, List<Long> plans) throws SQLException {
        if (plans.isEmpty()) return;
        try (PreparedStatement p = db.prepareStatement("DELETE FROM boundary_plan WHERE id = ANY (?)")) {
            p.setArray(1, db.createArrayOf("bigint", plans.toArray()));
            p.executeUpdate();
        }
    }

    static List<Long> list(long... ids) {
        List<Long> out = new ArrayList<>();
        for (long id : ids) out.add(id);
        return out;
    }
}
