package org.gridatlas.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Plan editing through the API on the hand-built street of fixtures/plan (three 100 m × 100 m grids A, B, C in a
 * row; README there). Areas are measured independently in PostGIS in the metric CRS.
 */
class PlanEditingApiTest extends PostgisIntegrationTest {
    static final String A = "330299001001001";
    static final String B = "330299001001002";
    static final String C = "330299001001003";

    Api planner;

    @BeforeEach
    void fixture() throws Exception {
        removeFixture();
        ThreeGridsFixture.load(jdbc, DEMO_PASSWORD);
        planner = as("planner-fixture");
    }

    @AfterEach
    void removeFixture() {
        ThreeGridsFixture.remove(jdbc);
    }

    long draft() {
        Api.Answer a = planner.postJson("/api/plans", "{\"street\":\"330299001\",\"name\":\"2027年调整\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    String box(double x0, double y0, double x1, double y1) {
        return jdbc.sql("SELECT ST_AsGeoJSON(fixture_box(:a, :b, :c, :d), 9)")
                .param("a", x0)
                .param("b", y0)
                .param("c", x1)
                .param("d", y1)
                .query(String.class)
                .single();
    }

    String line(double x0, double y0, double x1, double y1) {
        return jdbc.sql(
                        "SELECT ST_AsGeoJSON(ST_MakeLine(ST_StartPoint(ST_ExteriorRing(fixture_box(:a, :b, :a + 1, :b + 1))),"
                                + " ST_StartPoint(ST_ExteriorRing(fixture_box(:c, :d, :c + 1, :d + 1)))), 9)")
                .param("a", x0)
                .param("b", y0)
                .param("c", x1)
                .param("d", y1)
                .query(String.class)
                .single();
    }

    double area(long plan, String code) {
        return jdbc.sql("SELECT ST_Area(ST_Transform(geom, 4549)) FROM grid WHERE plan_id = :p AND code = :c")
                .param("p", plan)
                .param("c", code)
                .query(Double.class)
                .single();
    }

    static JsonNode grid(JsonNode impact, String code) {
        for (JsonNode g : impact.get("grids")) if (g.get("grid").asString().equals(code)) return g;
        throw new AssertionError("no " + code + " in " + impact);
    }

    @Test
    void aPreviewShowsTheImpactAndSavesNothing() {
        long plan = draft();
        Api.Answer a = planner.postJson(
                "/api/plans/" + plan + "/edits/preview",
                "{\"kind\":\"reshape\",\"grid\":\"" + A + "\",\"geometry\":" + box(0, 0, 120, 100) + "}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode out = a.json();
        assertThat(out.get("applied").asBoolean()).isFalse();
        assertThat(out.get("version").asInt()).isZero();
        assertThat(grid(out.get("impact"), A).get("before").get("households").asInt())
                .isEqualTo(150);
        assertThat(grid(out.get("impact"), A).get("after").get("households").asInt())
                .isEqualTo(350);
        assertThat(grid(out.get("impact"), A).get("entersBand").asBoolean()).isTrue();
        assertThat(grid(out.get("impact"), B).get("after").get("households").asInt())
                .isZero();
        assertThat(out.get("impact").get("moves")).hasSize(1);
        assertThat(out.get("impact").get("moves").get(0).get("building").asString())
                .isEqualTo("P2");
        assertThat(out.get("introduced")).isEmpty();
        assertThat(area(plan, A)).isCloseTo(10_000, within(2.0));
    }

    @Test
    void aSavedEditMovesTheSharedEdgeAndAStaleVersionIsRefusedWithWhatChanged() {
        long plan = draft();
        String edit =
                "{\"kind\":\"reshape\",\"grid\":\"" + A + "\",\"version\":0,\"geometry\":" + box(0, 0, 120, 100) + "}";
        Api.Answer saved = planner.postJson("/api/plans/" + plan + "/edits", edit);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(1);
        assertThat(area(plan, A)).isCloseTo(12_000, within(2.0));
        assertThat(area(plan, B)).isCloseTo(8_000, within(2.0));
        double overlap = jdbc.sql(
                        "SELECT ST_Area(ST_Transform(ST_Intersection(a.geom, b.geom), 4549)) FROM grid a, grid b"
                                + " WHERE a.plan_id = :p AND b.plan_id = :p AND a.code = :a AND b.code = :b")
                .param("p", plan)
                .param("a", A)
                .param("b", B)
                .query(Double.class)
                .single();
        assertThat(overlap).isLessThan(0.01);
        assertThat(count("SELECT count(*) FROM grid g JOIN boundary_plan p ON p.id = g.plan_id"
                        + " WHERE p.street_code = '330299001' AND p.status = 'published'"
                        + " AND ST_Area(ST_Transform(g.geom, 4549)) BETWEEN 9990 AND 10010"))
                .as("the published plan is untouched")
                .isEqualTo(3);

        Api.Answer stale = planner.postJson("/api/plans/" + plan + "/edits", edit);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("parameter").asString()).isEqualTo("version");
        assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(1);
        assertThat(stale.json().get("changes").get(0).get("kind").asString()).isEqualTo("reshape");
        assertThat(stale.json().get("changes").get(0).get("author").asString()).isEqualTo("planner-fixture");
    }

    @Test
    void undoPutsTheGridsBackExactlyAndRedoMakesTheEditAgain() {
        long plan = draft();
        planner.postJson(
                "/api/plans/" + plan + "/edits",
                "{\"kind\":\"merge\",\"grid\":\"" + A + "\",\"other\":\"" + B + "\",\"version\":0}");
        assertThat(count("SELECT count(*) FROM grid WHERE plan_id = " + plan)).isEqualTo(2);

        Api.Answer undo = planner.postJson("/api/plans/" + plan + "/undo", "{\"version\":1}");
        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(undo.json().get("version").asInt()).isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM grid d JOIN grid p ON p.code = d.code JOIN boundary_plan bp ON bp.id = p.plan_id"
                                + " WHERE d.plan_id = " + plan
                                + " AND bp.status = 'published' AND bp.street_code = '330299001'"
                                + " AND ST_Equals(d.geom, p.geom) AND d.name = p.name"))
                .isEqualTo(3);

        assertThat(planner.postJson("/api/plans/" + plan + "/redo", "{\"version\":2}")
                        .status())
                .isEqualTo(200);
        assertThat(count("SELECT count(*) FROM grid WHERE plan_id = " + plan)).isEqualTo(2);
        assertThat(area(plan, A)).isCloseTo(20_000, within(4.0));
        assertThat(planner.postJson("/api/plans/" + plan + "/redo", "{\"version\":3}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void anEditThatSplitsABuildingIsRefusedWithThePlaceAndNothingIsWritten() {
        long plan = draft();
        Api.Answer a = planner.postJson(
                "/api/plans/" + plan + "/edits",
                "{\"kind\":\"reshape\",\"grid\":\"" + A + "\",\"version\":0,\"geometry\":" + box(0, 0, 115, 100) + "}");
        assertThat(a.status()).as(a.body()).isEqualTo(409);
        assertThat(a.json().get("parameter").asString()).isEqualTo("edit");
        JsonNode v = a.json().get("violations").get(0);
        assertThat(v.get("kind").asString()).isEqualTo("building_split");
        assertThat(v.get("building").asString()).isEqualTo("P2");
        assertThat(v.get("areaM2").asDouble()).isCloseTo(50, within(0.5));
        assertThat(v.get("geometry").get("type").asString()).endsWith("Polygon");
        assertThat(area(plan, A)).isCloseTo(10_000, within(2.0));
        assertThat(count("SELECT version FROM boundary_plan WHERE id = " + plan))
                .isZero();
        assertThat(count("SELECT count(*) FROM plan_event WHERE plan_id = " + plan))
                .isEqualTo(1); // created only
    }

    @Test
    void anEncroachmentWithoutTheNeighbourFollowingIsAnOverlapAndIsRefused() {
        long plan = draft();
        Api.Answer a = planner.postJson(
                "/api/plans/" + plan + "/edits",
                "{\"kind\":\"reshape\",\"grid\":\"" + B + "\",\"version\":0,\"neighboursFollow\":false,\"geometry\":"
                        + box(99, 0, 200, 100) + "}");
        assertThat(a.status()).as(a.body()).isEqualTo(409);
        List<String> kinds = new ArrayList<>();
        a.json().get("violations").forEach(v -> kinds.add(v.get("kind").asString()));
        assertThat(kinds).containsExactly("overlap");
    }

    @Test
    void anOverlapInheritedFromThePublishedPlanDoesNotRefuseAMergeNextToIt() {
        // the published grid 3 reaches 10 m into grid 2: an overlap of 1,000 m² every draft inherits
        jdbc.sql("UPDATE grid SET geom = ST_Multi(fixture_box(190, 0, 300, 100)) WHERE code = :c")
                .param("c", C)
                .update();
        long plan = draft();
        Api.Answer merge = planner.postJson(
                "/api/plans/" + plan + "/edits",
                "{\"kind\":\"merge\",\"grid\":\"" + A + "\",\"other\":\"" + B + "\",\"version\":0}");
        assertThat(merge.status()).as(merge.body()).isEqualTo(200);
        assertThat(merge.json().get("introduced").size()).isZero();
        assertThat(merge.json().at("/existing/0/kind").asString()).isEqualTo("overlap");
        assertThat(count("SELECT count(*) FROM grid WHERE plan_id = " + plan)).isEqualTo(2);

        // making it worse is still refused: grid 3 reaches 5 m further
        Api.Answer worse = planner.postJson(
                "/api/plans/" + plan + "/edits",
                "{\"kind\":\"reshape\",\"grid\":\"" + C + "\",\"version\":1,\"neighboursFollow\":false,"
                        + "\"geometry\":" + box(185, 0, 300, 100) + "}");
        assertThat(worse.status()).as(worse.body()).isEqualTo(409);
        assertThat(worse.json().at("/violations/0/kind").asString()).isEqualTo("overlap");
    }

    @Test
    void publishingNumbersNewGridsWestToEastArchivesTheOldPlanAndListsDutiesToReview() {
        long plan = draft();
        long old = jdbc.sql("SELECT id FROM boundary_plan WHERE street_code = '330299001' AND status = 'published'")
                .query(Long.class)
                .single();
        Api.Answer s1 = planner.postJson(
                "/api/plans/" + plan + "/edits",
                "{\"kind\":\"split\",\"grid\":\"" + C + "\",\"version\":0,\"line\":" + line(230, -10, 230, 110) + "}");
        assertThat(s1.status()).as(s1.body()).isEqualTo(200);
        assertThat(s1.json().get("created").asString()).isEqualTo("330299001001004"); // the east piece, 200–230
        Api.Answer s2 = planner.postJson(
                "/api/plans/" + plan + "/edits",
                "{\"kind\":\"split\",\"grid\":\"" + A + "\",\"version\":1,\"line\":" + line(30, -10, 30, 110) + "}");
        assertThat(s2.json().get("created").asString()).isEqualTo("330299001001005"); // the west piece, 0–30
        assertThat(area(plan, "330299001001005")).isCloseTo(3_000, within(1.0));

        Api.Answer p = planner.postJson("/api/plans/" + plan + "/publish", "{\"version\":2}");
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        JsonNode out = p.json();
        assertThat(out.get("archived").asLong()).isEqualTo(old);
        // west → east: the piece at 0–30 m becomes 004, the one at 200–230 m becomes 005
        assertThat(out.get("renumbered").get("330299001001005").asString()).isEqualTo("330299001001004");
        assertThat(out.get("renumbered").get("330299001001004").asString()).isEqualTo("330299001001005");
        assertThat(area(plan, "330299001001004")).isCloseTo(3_000, within(1.0));
        assertThat(area(plan, "330299001001005")).isCloseTo(3_000, within(1.0));
        assertThat(jdbc.sql("SELECT name FROM grid WHERE plan_id = :p AND code = '330299001001004'")
                        .param("p", plan)
                        .query(String.class)
                        .single())
                .isEqualTo("试点社区第4网格");
        assertThat(out.get("changedGrids").toString()).isEqualTo("[\"" + A + "\",\"" + C + "\"]");
        assertThat(out.get("assignmentsToReview")).hasSize(1);
        assertThat(out.get("assignmentsToReview").get(0).get("worker").asString())
                .isEqualTo("WP1");
        assertThat(jdbc.sql("SELECT status FROM boundary_plan WHERE id = :p")
                        .param("p", old)
                        .query(String.class)
                        .single())
                .isEqualTo("archived");
        assertThat(count("SELECT count(*) FROM grid WHERE plan_id = " + old))
                .as("archived, not deleted")
                .isEqualTo(3);

        Api.Answer kml = planner.get("/api/plans/" + plan + "/export.kml");
        assertThat(kml.status()).isEqualTo(200);
        assertThat(kml.body().split("<Placemark>", -1)).hasSize(6);
        assertThat(kml.body()).contains("<Polygon>").doesNotContain("测试一");

        assertThat(planner.postJson(
                                "/api/plans/" + plan + "/edits",
                                "{\"kind\":\"merge\",\"grid\":\"" + A + "\",\"other\":\"" + B + "\",\"version\":3}")
                        .status())
                .as("a published plan is not edited")
                .isEqualTo(409);
    }

    @Test
    void comparingADraftWithThePublishedPlanShowsTheGroundThatChangesGrid() {
        long plan = draft();
        planner.postJson(
                "/api/plans/" + plan + "/edits",
                "{\"kind\":\"reshape\",\"grid\":\"" + A + "\",\"version\":0,\"geometry\":" + box(0, 0, 120, 100) + "}");
        JsonNode cmp = planner.get("/api/plans/" + plan + "/compare").json();
        JsonNode pieces = cmp.get("changedAreas").get("features");
        assertThat(pieces).hasSize(1);
        assertThat(pieces.get(0).get("properties").get("from").asString()).isEqualTo(B);
        assertThat(pieces.get(0).get("properties").get("to").asString()).isEqualTo(A);
        assertThat(pieces.get(0).get("properties").get("area_m2").asDouble()).isCloseTo(2_000, within(2.0));
        assertThat(cmp.get("impact").get("moves").get(0).get("building").asString())
                .isEqualTo("P2");
    }

    @Test
    void badEditsAreProblemsNamingTheParameter() {
        long plan = draft();
        String path = "/api/plans/" + plan + "/edits/preview";
        assertParameter(planner.postJson(path, "{\"kind\":\"explode\",\"grid\":\"" + A + "\"}"), 400, "kind");
        assertParameter(
                planner.postJson(path, "{\"kind\":\"merge\",\"grid\":\"123\",\"other\":\"" + B + "\"}"), 400, "grid");
        assertParameter(planner.postJson(path, "{\"kind\":\"reshape\",\"grid\":\"" + A + "\"}"), 400, "geometry");
        assertParameter(
                planner.postJson(
                        path,
                        "{\"kind\":\"reshape\",\"grid\":\"" + A
                                + "\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[1,2]]}}"),
                400,
                "geometry");
        assertParameter(
                planner.postJson(
                        path, "{\"kind\":\"split\",\"grid\":\"" + A + "\",\"line\":" + line(30, -10, 30, 50) + "}"),
                400,
                "line");
        assertParameter(
                planner.postJson(path, "{\"kind\":\"merge\",\"grid\":\"" + A + "\",\"other\":\"" + C + "\"}"),
                400,
                "other");
        assertParameter(
                planner.postJson(path, "{\"kind\":\"merge\",\"grid\":\"" + A + "\",\"other\":\"330212008001001\"}"),
                400,
                "other");
        assertParameter(
                planner.postJson(
                        "/api/plans/" + plan + "/edits",
                        "{\"kind\":\"merge\",\"grid\":\"" + A + "\",\"other\":\"" + B + "\"}"),
                400,
                "version");
        assertParameter(
                planner.postJson(
                        "/api/plans/999999/edits/preview",
                        "{\"kind\":\"merge\",\"grid\":\"" + A + "\",\"other\":\"" + B + "\"}"),
                404,
                "plan");
        assertParameter(planner.postJson("/api/plans", "{\"street\":\"330299001\"}"), 400, "name");
        assertThat(as("supervisor")
                        .postJson(path, "{\"kind\":\"merge\",\"grid\":\"" + A + "\",\"other\":\"" + B + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(as("planner")
                        .postJson(path, "{\"kind\":\"merge\",\"grid\":\"" + A + "\",\"other\":\"" + B + "\"}")
                        .status())
                .as("a planner of another street does not see the plan")
                .isEqualTo(404);
    }

    static void assertParameter(Api.Answer a, int status, String parameter) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("parameter").asString()).as(a.body()).isEqualTo(parameter);
    }
}
