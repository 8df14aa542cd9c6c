package org.gridatlas.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Publishing re-assigns the incidents reported in the new plan's validity to its grids, in the same transaction, and
 * records it. Street of fixtures/plan (grids A 0–100 m, B 100–200 m, C 200–300 m); the draft moves the A|B edge to
 * x = 120 m. Hand-placed incidents (metres from the fixture origin), with the grid each must end in:
 *
 * <pre>
 * I1 (115, 70) 20 days ago, on B of the old plan → A (the edge moved over it)
 * I2 (150, 70) 10 days ago, on B                → B (same code, now read from the new plan)
 * I3 (115, 80) 60 days ago, on B                → untouched: reported before the new plan's validity (30 days ago)
 * I4 (250, 50) 5 days ago, never placed          → C
 * </pre>
 */
class PlanIncidentReassignmentTest extends PostgisIntegrationTest {
    static final String A = "330299001001001";
    static final String B = "330299001001002";
    static final String C = "330299001001003";

    Api planner;
    long oldPlan;

    @BeforeEach
    void fixture() throws Exception {
        removeFixture();
        ThreeGridsFixture.load(jdbc, DEMO_PASSWORD);
        planner = as("planner-fixture");
        oldPlan = jdbc.sql("SELECT id FROM boundary_plan WHERE street_code = '330299001' AND status = 'published'")
                .query(Long.class)
                .single();
        jdbc.sql(
                        """
                        INSERT INTO incident (external_id, source, category_code, category_big, reported_at, status,
                                              location, geocode_quality, street_code, community_code, grid_code,
                                              grid_plan_id)
                        SELECT i.id, 'patrol', c.code, c.parent_code, now() - make_interval(days => i.days), 'reported',
                               ST_Centroid(fixture_box(i.x, i.y, i.x + 0.1, i.y + 0.1)), 'coordinates',
                               '330299001', '330299001001', i.grid, CASE WHEN i.grid IS NULL THEN NULL ELSE :p END
                        FROM (VALUES ('RA-1', 115, 70, 20, :b), ('RA-2', 150, 70, 10, :b), ('RA-3', 115, 80, 60, :b),
                                     ('RA-4', 250, 50, 5, NULL)) AS i (id, x, y, days, grid)
                        CROSS JOIN (SELECT code, parent_code FROM incident_category WHERE parent_code IS NOT NULL
                                    ORDER BY code LIMIT 1) c""")
                .param("p", oldPlan)
                .param("b", B)
                .update();
    }

    @AfterEach
    void removeFixture() {
        jdbc.sql("DELETE FROM incident WHERE external_id LIKE 'RA-%'").update();
        ThreeGridsFixture.remove(jdbc);
    }

    long draftWithEdgeAt120() {
        long plan = planner.postJson("/api/plans", "{\"street\":\"330299001\",\"name\":\"2027年调整\"}")
                .json()
                .get("id")
                .asLong();
        String box = jdbc.sql("SELECT ST_AsGeoJSON(fixture_box(0, 0, 120, 100), 9)")
                .query(String.class)
                .single();
        Api.Answer edit = planner.postJson(
                "/api/plans/" + plan + "/edits",
                "{\"kind\":\"reshape\",\"grid\":\"" + A + "\",\"version\":0,\"geometry\":" + box + "}");
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        return plan;
    }

    String placed(String incident) {
        return jdbc.sql("SELECT grid_code || '@' || coalesce(grid_plan_id::text, '-') FROM incident"
                        + " WHERE external_id = :e")
                .param("e", incident)
                .query(String.class)
                .single();
    }

    @Test
    void incidentsReportedInTheNewPlansValidityGetItsGridsAndTheMovesAreRecorded() {
        long plan = draftWithEdgeAt120();
        OffsetDateTime from =
                OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(30).truncatedTo(ChronoUnit.SECONDS);
        Api.Answer p = planner.postJson(
                "/api/plans/" + plan + "/publish", "{\"version\":1,\"effectiveFrom\":\"" + from + "\"}");
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        JsonNode out = p.json().get("incidents");
        assertThat(out.get("incidents").asInt()).isEqualTo(3);
        assertThat(out.get("moved").asInt()).isEqualTo(2);
        assertThat(out.get("byGrid").toString())
                .isEqualTo("[{\"from\":null,\"to\":\"" + C + "\",\"incidents\":1},"
                        + "{\"from\":\"" + B + "\",\"to\":\"" + A + "\",\"incidents\":1},"
                        + "{\"from\":\"" + B + "\",\"to\":\"" + B + "\",\"incidents\":1}]");

        assertThat(placed("RA-1")).isEqualTo(A + "@" + plan);
        assertThat(placed("RA-2")).isEqualTo(B + "@" + plan);
        assertThat(placed("RA-3")).as("reported before the validity").isEqualTo(B + "@" + oldPlan);
        assertThat(placed("RA-4")).isEqualTo(C + "@" + plan);

        assertThat(count("SELECT count(*) FROM plan_incident_reassignment WHERE plan_id = " + plan))
                .isEqualTo(3);
        assertThat(count("SELECT incidents FROM plan_incident_reassignment WHERE plan_id = " + plan
                        + " AND from_plan_id = " + oldPlan + " AND from_grid = '" + B + "' AND to_grid = '" + A + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM boundary_plan WHERE id IN (" + plan + ", " + oldPlan + ")"
                        + " AND coalesce(archived_at, published_at) = '" + from + "'"))
                .as("the old plan ends where the new one starts")
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM plan_event WHERE plan_id = " + plan
                        + " AND kind = 'publish' AND (payload->>'incidentsMoved')::int = 2"))
                .isEqualTo(1);
    }

    @Test
    void publishingNowReassignsNothingReportedBefore() {
        long plan = draftWithEdgeAt120();
        Api.Answer p = planner.postJson("/api/plans/" + plan + "/publish", "{\"version\":1}");
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        assertThat(p.json().get("incidents").get("incidents").asInt()).isZero();
        assertThat(placed("RA-1")).isEqualTo(B + "@" + oldPlan);
        assertThat(count("SELECT count(*) FROM plan_incident_reassignment WHERE plan_id = " + plan))
                .isZero();
    }

    @Test
    void aBadOrFutureValidityStartIsRefusedNamingTheField() {
        long plan = draftWithEdgeAt120();
        for (String bad : List.of("\"next week\"", "\"" + OffsetDateTime.now().plusDays(2) + "\"")) {
            Api.Answer p = planner.postJson(
                    "/api/plans/" + plan + "/publish", "{\"version\":1,\"effectiveFrom\":" + bad + "}");
            assertThat(p.status()).as(p.body()).isEqualTo(400);
            assertThat(p.contentType()).startsWith("application/problem+json");
            assertThat(p.json().get("parameter").asString()).isEqualTo("effectiveFrom");
        }
        assertThat(count("SELECT count(*) FROM boundary_plan WHERE id = " + plan + " AND status = 'draft'"))
                .isEqualTo(1);
    }
}
