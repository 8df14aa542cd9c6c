package org.gridatlas.plan;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.api.ConflictException;
import org.gridatlas.security.GridAtlasUser;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing a draft: one transaction switches the street to it and archives the plan it replaces (never deleted:
 * incidents keep the grid in force at their time). New grids get their codes under the numbering rule, and the
 * worker duties on grids that changed are listed for review.
 */
@Service
public class PlanPublishingService {
    private final PlanStore store;
    private final PlanEditingService editing;
    private final JdbcClient jdbc;
    private final CoverageRules rules;
    private final CoverageCache cache;
    private final org.springframework.context.ApplicationEventPublisher events;

    PlanPublishingService(
            PlanStore store,
            PlanEditingService editing,
            CoverageCache cache,
            JdbcClient jdbc,
            org.springframework.context.ApplicationEventPublisher events,
            @org.springframework.beans.factory.annotation.Value("${gridatlas.plan.area-tolerance-m2:1.0}")
                    double areaTolerance) {
        this.store = store;
        this.editing = editing;
        this.cache = cache;
        this.events = events;
        this.jdbc = jdbc;
        this.rules = new CoverageRules(areaTolerance);
    }

    /**
     * Publishes a draft.
     *
     * @param effectiveFrom start of the new plan's validity (default now; not in the future, not before the plan in
     *     force was published): incidents reported from then on are re-assigned to the new plan's grids
     */
    @Transactional
    public PlanViews.Publication publish(
            GridAtlasUser user, long planId, Integer clientVersion, OffsetDateTime effectiveFrom) {
        PlanStore.PlanRow plan = editing.editableForPublish(user, planId, clientVersion);
        Long published = store.publishedPlanId(plan.streetCode());
        OffsetDateTime from = validityStart(published, effectiveFrom);
        if (published != null && !published.equals(rootOf(plan))) {
            throw new ConflictException(
                    "plan",
                    "the street's published plan changed since this draft was copied (now plan " + published
                            + "): copy a new draft from it",
                    Map.of("published", published));
        }
        Map<String, String> renumbered = new LinkedHashMap<>();
        for (String community : published == null ? List.<String>of() : changedCommunities(published, planId)) {
            CommunityCoverage draft = store.coverage(planId, community);
            if (published != null) {
                CommunityCoverage current = store.coverage(published, community);
                List<CoverageRules.Violation> introduced = rules.introduced(rules.check(current), rules.check(draft));
                if (!introduced.isEmpty()) {
                    throw new ConflictException(
                            "plan",
                            "community " + community + " breaks the grid rules in this draft; fix it before publishing",
                            Map.of(
                                    "community",
                                    community,
                                    "violations",
                                    introduced.stream()
                                            .map(v -> v.kind() + " " + v.grids()
                                                    + (v.building() == null ? "" : " " + v.building()))
                                            .toList()));
                }
                renumbered.putAll(
                        renumber(planId, community, draft, current.grids().keySet()));
            }
        }
        List<String> changed = published == null ? List.of() : changedGrids(published, planId);
        List<Map<String, Object>> review = changed.isEmpty()
                ? List.of()
                : jdbc.sql(
                                """
                        SELECT w.code AS worker, w.kind, a.role, a.grid_code AS grid FROM assignment a
                        JOIN worker w ON w.id = a.worker_id
                        WHERE a.grid_code IN (:codes) AND (a.valid_to IS NULL OR a.valid_to >= current_date)
                        ORDER BY a.grid_code, a.role, w.code""")
                        .param("codes", changed)
                        .query()
                        .listOfRows();
        if (published != null) {
            jdbc.sql("UPDATE boundary_plan SET status = 'archived', archived_at = :t WHERE id = :p")
                    .param("t", from)
                    .param("p", published)
                    .update();
            store.event(published, "archive", "{\"replacedBy\":" + planId + "}", user.username());
        }
        jdbc.sql("UPDATE boundary_plan SET status = 'published', published_at = :t, version = version + 1"
                        + " WHERE id = :p")
                .param("t", from)
                .param("p", planId)
                .update();
        cache.forget(planId);
        PlanViews.Reassignment reassigned = reassignIncidents(plan.streetCode(), planId, from);
        store.event(
                planId,
                "publish",
                "{\"archived\":" + published + ",\"renumbered\":" + renumbered.size() + ",\"effectiveFrom\":\""
                        + from + "\",\"incidentsReassigned\":" + reassigned.incidents() + ",\"incidentsMoved\":"
                        + reassigned.moved() + "}",
                user.username());
        events.publishEvent(new PlanPublished(planId, plan.streetCode())); // listeners run after the commit
        return new PlanViews.Publication(planId, published, renumbered, changed, review, reassigned);
    }

    private OffsetDateTime validityStart(Long published, OffsetDateTime asked) {
        OffsetDateTime now =
                jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
        if (asked == null) return now;
        if (asked.isAfter(now)) throw new BadParameterException("effectiveFrom", "effectiveFrom is in the future");
        if (published != null) {
            OffsetDateTime since = jdbc.sql("SELECT published_at FROM boundary_plan WHERE id = :p")
                    .param("p", published)
                    .query(OffsetDateTime.class)
                    .single();
            if (asked.isBefore(since)) {
                throw new BadParameterException(
                        "effectiveFrom", "effectiveFrom is before the plan in force was published (" + since + ")");
            }
        }
        return asked;
    }

    /**
     * Places every located incident of the street reported from {@code from} on on the new plan's grids (the lower
     * code where grids overlap, as at intake), and records the moves per old → new grid. One statement: set-based, in
     * the publishing transaction.
     */
    private PlanViews.Reassignment reassignIncidents(String street, long planId, OffsetDateTime from) {
        List<PlanViews.GridMove> moves = jdbc.sql(
                        """
                        WITH placed AS (
                          SELECT i.id, i.grid_code AS from_grid, i.grid_plan_id AS from_plan, x.code AS to_grid
                          FROM incident i
                          LEFT JOIN LATERAL (SELECT g.code FROM grid g
                                             WHERE g.plan_id = :p AND ST_Intersects(g.geom, i.location)
                                             ORDER BY g.code LIMIT 1) x ON true
                          WHERE i.street_code = :s AND i.location IS NOT NULL AND i.reported_at >= :t),
                        changed AS (
                          UPDATE incident i
                          SET grid_code = pl.to_grid, grid_plan_id = CASE WHEN pl.to_grid IS NULL THEN NULL ELSE :p END
                          FROM placed pl WHERE i.id = pl.id
                          RETURNING pl.from_plan, pl.from_grid, pl.to_grid)
                        INSERT INTO plan_incident_reassignment
                          (plan_id, effective_from, from_plan_id, from_grid, to_grid, incidents)
                        SELECT :p, :t, from_plan, from_grid, to_grid, count(*) FROM changed
                        GROUP BY from_plan, from_grid, to_grid
                        RETURNING from_grid, to_grid, incidents""")
                .param("p", planId)
                .param("s", street)
                .param("t", from)
                .query((rs, i) -> new PlanViews.GridMove(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
        List<PlanViews.GridMove> sorted = new ArrayList<>(moves);
        sorted.sort(Comparator.comparing(PlanViews.GridMove::from, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(PlanViews.GridMove::to, Comparator.nullsFirst(Comparator.naturalOrder())));
        int total = sorted.stream().mapToInt(PlanViews.GridMove::incidents).sum();
        int moved = sorted.stream()
                .filter(m -> !java.util.Objects.equals(m.from(), m.to()))
                .mapToInt(PlanViews.GridMove::incidents)
                .sum();
        return new PlanViews.Reassignment(from.toString(), total, moved, sorted);
    }

    /** The published or archived plan a draft descends from. */
    private Long rootOf(PlanStore.PlanRow plan) {
        PlanStore.PlanRow p = plan;
        while (p.status().equals("draft") && p.basedOn() != null) p = store.plan(p.basedOn(), false);
        return p.status().equals("draft") ? null : p.id();
    }

    /**
     * New grids (codes the published plan does not have) get the next free sequence numbers of their community,
     * west → east, then north → south by their centre; grids kept from the published plan keep their code.
     */
    private Map<String, String> renumber(
            long planId, String community, CommunityCoverage draft, Set<String> publishedCodes) {
        List<Map.Entry<String, Geometry>> fresh = new ArrayList<>();
        draft.grids().forEach((code, g) -> {
            if (!publishedCodes.contains(code)) fresh.add(Map.entry(code, g));
        });
        if (fresh.isEmpty()) return Map.of();
        fresh.sort(Comparator.comparingDouble((Map.Entry<String, Geometry> e) ->
                        Math.round(centre(e.getValue()).getX()))
                .thenComparing(e -> -centre(e.getValue()).getY()));
        int next = jdbc.sql(
                                "SELECT coalesce(max(right(code, 3)::int), 0) FROM grid WHERE community_code = :c AND plan_id <> :p")
                        .param("c", community)
                        .param("p", planId)
                        .query(Integer.class)
                        .single()
                + 1;
        if (fresh.size() > 99)
            throw new ConflictException("plan", "more than 99 new grids in community " + community, Map.of());
        String name = store.communityName(community);
        Map<String, String> renumbered = new LinkedHashMap<>();
        // Move the new grids out of the way first, so that no intermediate code collides.
        for (var e : fresh) {
            jdbc.sql(
                            "UPDATE grid SET code = left(code, 12) || lpad((900 + :i)::text, 3, '0') WHERE plan_id = :p AND code = :code")
                    .param("i", renumbered.size())
                    .param("p", planId)
                    .param("code", e.getKey())
                    .update();
            renumbered.put(e.getKey(), null);
        }
        int i = 0;
        for (var e : fresh) {
            String code = community + "%03d".formatted(next + i);
            jdbc.sql(
                            "UPDATE grid SET code = :code, name = :name WHERE plan_id = :p AND code = left(:code, 12) || lpad((900 + :i)::text, 3, '0')")
                    .param("code", code)
                    .param("name", name + "第" + (next + i) + "网格")
                    .param("p", planId)
                    .param("i", i)
                    .update();
            renumbered.put(e.getKey(), code);
            i++;
        }
        return renumbered;
    }

    private static Point centre(Geometry g) {
        return g.getInteriorPoint();
    }

    /**
     * The communities whose grids differ between the two plans (a code added or dropped, or a shape not exactly the
     * same): only these are checked and renumbered — an untouched community is the published one.
     */
    private List<String> changedCommunities(long oldPlan, long newPlan) {
        return jdbc.sql(
                        """
                        SELECT DISTINCT coalesce(n.community_code, o.community_code) FROM
                          (SELECT id, code, community_code, geom FROM grid WHERE plan_id = :old) o
                          FULL JOIN (SELECT id, code, community_code, geom FROM grid WHERE plan_id = :new) n
                            ON n.code = o.code
                        WHERE o.id IS NULL OR n.id IS NULL OR NOT ST_OrderingEquals(o.geom, n.geom)
                        ORDER BY 1""")
                .param("old", oldPlan)
                .param("new", newPlan)
                .query(String.class)
                .list();
    }

    /** Codes of the old plan's grids that the new plan changes or drops. */
    private List<String> changedGrids(long oldPlan, long newPlan) {
        return jdbc.sql(
                        """
                        SELECT o.code FROM grid o
                        LEFT JOIN grid n ON n.plan_id = :new AND n.code = o.code
                        WHERE o.plan_id = :old AND (n.id IS NULL OR NOT ST_Equals(o.geom, n.geom))
                        ORDER BY o.code""")
                .param("old", oldPlan)
                .param("new", newPlan)
                .query(String.class)
                .list();
    }
}
