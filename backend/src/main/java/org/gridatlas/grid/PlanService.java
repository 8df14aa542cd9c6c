package org.gridatlas.grid;

import java.time.OffsetDateTime;
import java.util.List;
import org.gridatlas.api.NotFoundException;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Boundary plans (网格划分方案): every grid belongs to one. A street has one published plan at a time; drafts are
 * edited and published by the plan capability, archived plans keep the history.
 */
@Service
public class PlanService {
    private final JdbcClient jdbc;

    PlanService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A plan as listed.
     *
     * @param communityCode the community a plan is limited to, or null for the whole street
     * @param basedOn the plan a draft was copied from, or null
     * @param grids number of grids in the plan
     */
    public record Plan(
            long id,
            String streetCode,
            String communityCode,
            String name,
            String status,
            Long basedOn,
            String author,
            String note,
            int version,
            OffsetDateTime createdAt,
            OffsetDateTime publishedAt,
            int grids) {}

    /**
     * The id of the street's published plan. The first import of grids for a street creates it; it is then taken to
     * be in force since always (published_at = -infinity), so every earlier incident has a grid.
     */
    public long publishedPlanFor(String streetCode, String author) {
        return jdbc.sql("SELECT id FROM boundary_plan WHERE street_code = :s AND status = 'published'")
                .param("s", streetCode)
                .query(Long.class)
                .optional()
                .orElseGet(() -> {
                    long id = jdbc.sql(
                                    """
                                    INSERT INTO boundary_plan (street_code, name, status, author, note, published_at)
                                    VALUES (:s, '现行网格划分', 'published', :a, 'created by the first grid import',
                                            '-infinity') RETURNING id""")
                            .param("s", streetCode)
                            .param("a", author)
                            .query(Long.class)
                            .single();
                    jdbc.sql("INSERT INTO plan_event (plan_id, seq, kind, author) VALUES (:p, 1, 'created', :a)")
                            .param("p", id)
                            .param("a", author)
                            .update();
                    return id;
                });
    }

    public List<Plan> plans(Scope scope) {
        return ScopeSql.bind(
                        jdbc.sql(
                                """
                                SELECT p.*, (SELECT count(*) FROM grid g WHERE g.plan_id = p.id) AS grids
                                FROM boundary_plan p
                                WHERE (%s OR p.street_code = :scope_street)
                                  AND (%s OR p.community_code IS NULL OR p.community_code = :scope_community)
                                ORDER BY p.street_code, p.status DESC, p.id"""
                                        .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY)),
                        scope)
                .query((rs, i) -> new Plan(
                        rs.getLong("id"),
                        rs.getString("street_code"),
                        rs.getString("community_code"),
                        rs.getString("name"),
                        rs.getString("status"),
                        rs.getObject("based_on", Long.class),
                        rs.getString("author"),
                        rs.getString("note"),
                        rs.getInt("version"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        finite(rs.getObject("published_at", OffsetDateTime.class)),
                        rs.getInt("grids")))
                .list();
    }

    /** The initial plan is in force since -infinity: shown as no publication date. */
    private static OffsetDateTime finite(OffsetDateTime t) {
        return t == null || t.getYear() < 1 ? null : t;
    }

    /** Checks that the plan exists and lies in the scope; 404 naming the parameter otherwise. */
    public void requireVisible(long planId, Scope scope) {
        boolean visible = plans(scope).stream().anyMatch(p -> p.id() == planId);
        if (!visible) throw new NotFoundException("plan", "no boundary plan " + planId + " in your scope");
    }
}
