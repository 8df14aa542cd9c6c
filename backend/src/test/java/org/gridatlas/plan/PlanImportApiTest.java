package org.gridatlas.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Importing a plan file as a draft, on the street of fixtures/plan (community 0–300 m × 0–100 m, buildings P1 40–50,
 * P2 110–120, P3 90–98, P4 250–260 on x). The files are written by the test from boxes drawn in metres
 * ({@code fixture_box}), so what each must give is known by hand.
 */
class PlanImportApiTest extends PostgisIntegrationTest {
    static final String S = "330299001001";

    @TempDir
    Path dir;

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

    String feature(String code, String geometry) {
        return ThreeGridsFixture.feature(code, geometry);
    }

    String strip(double x0, double x1) {
        return ThreeGridsFixture.strip(jdbc, x0, x1);
    }

    Path file(String name, String... features) throws IOException {
        return ThreeGridsFixture.planFile(dir, name, features);
    }

    int plans() {
        return count("SELECT count(*) FROM boundary_plan WHERE street_code = '330299001'");
    }

    @Test
    void aFileThatTilesTheCommunityBecomesADraftWithExactlyItsGrids() throws IOException {
        Path f = file("plan.geojson", feature(S + "001", strip(0, 150)), feature(S + "002", strip(150, 300)));
        Api.Answer a = planner.upload("/api/plans/import", f, "street", "330299001", "name", "导入方案");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        long id = a.json().get("id").asLong();
        assertThat(a.json().get("grids").asInt()).isEqualTo(2);
        assertThat(a.json().get("communities").toString()).isEqualTo("[\"" + S + "\"]");
        assertThat(count("SELECT count(*) FROM grid WHERE plan_id = " + id)).isEqualTo(2);
        double area = jdbc.sql("SELECT ST_Area(ST_Transform(geom, 4549)) FROM grid WHERE plan_id = :p AND code = :c")
                .param("p", id)
                .param("c", S + "001")
                .query(Double.class)
                .single();
        assertThat(area).isCloseTo(15_000, within(2.0));
        // the draft compares like any other: P2 (200 households) moves from 002 to 001, P4 from 003 to 002
        JsonNode moves = planner.get("/api/plans/" + id + "/compare")
                .json()
                .get("impact")
                .get("moves");
        List<String> moved = new ArrayList<>();
        moves.forEach(m -> moved.add(
                m.get("building").asString() + ":" + m.get("from").asString().substring(12) + ">"
                        + m.get("to").asString().substring(12)));
        assertThat(moved).containsExactlyInAnyOrder("P2:002>001", "P4:003>002");
        assertThat(count("SELECT count(*) FROM plan_event WHERE plan_id = " + id + " AND kind = 'imported'"))
                .isEqualTo(1);
    }

    @Test
    void aGapAndAnOverlapAreRefusedWithTheFeaturesConcernedAndNothingIsKept() throws IOException {
        int before = plans();
        Path f = file(
                "bad.geojson",
                feature(S + "001", strip(0, 110)),
                feature(S + "002", strip(100, 190)),
                feature(S + "003", strip(200, 300)));
        Api.Answer a = planner.upload("/api/plans/import", f, "street", "330299001", "name", "有缝方案");
        assertThat(a.status()).as(a.body()).isEqualTo(409);
        assertThat(a.contentType()).startsWith("application/problem+json");
        List<String> faults = new ArrayList<>();
        a.json()
                .get("violations")
                .forEach(v -> faults.add(v.get("kind").asString() + v.get("features") + " "
                        + Math.round(v.get("areaM2").asDouble())));
        // overlap 100–110 (1,000 m²) between features 1 and 2; gap 190–200 (1,000 m²)
        assertThat(faults).containsExactlyInAnyOrder("overlap[1,2] 1000", "gap[] 1000");
        assertThat(plans()).isEqualTo(before);
    }

    @Test
    void aBrokenFileIsRefusedNamingEachFeatureAndField() throws IOException {
        int before = plans();
        Path f = file(
                "broken.geojson",
                feature(S + "001", strip(0, 150)),
                feature(null, strip(150, 300)),
                feature(S + "003", "{\"type\":\"Point\",\"coordinates\":[121.7,29.95]}"),
                feature("330212001001001", strip(150, 300)),
                feature(S + "001", strip(150, 300)));
        Api.Answer a = planner.upload("/api/plans/import", f, "street", "330299001", "name", "坏文件");
        assertThat(a.status()).as(a.body()).isEqualTo(422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        List<String> errors = new ArrayList<>();
        a.json()
                .get("errors")
                .forEach(e ->
                        errors.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        assertThat(errors).containsExactly("2:code", "3:geometry", "4:code", "5:code");
        assertThat(plans()).isEqualTo(before);
    }

    @Test
    void theKmlExportOfAPlanImportsBackAsTheSameGrids() throws IOException {
        long published = jdbc.sql("SELECT id FROM boundary_plan WHERE street_code = '330299001'")
                .query(Long.class)
                .single();
        Api.Answer kml = planner.get("/api/plans/" + published + "/export.kml");
        assertThat(kml.status()).isEqualTo(200);
        Path f = dir.resolve("plan.kml");
        Files.writeString(f, kml.body());
        Api.Answer a = planner.upload("/api/plans/import", f, "street", "330299001", "name", "KML往返");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        long id = a.json().get("id").asLong();
        assertThat(count("SELECT count(*) FROM grid d JOIN grid p ON p.code = d.code AND p.plan_id = " + published
                        + " WHERE d.plan_id = " + id + " AND d.name = p.name"
                        + " AND ST_HausdorffDistance(ST_Transform(d.geom, 4549), ST_Transform(p.geom, 4549)) < 0.02"))
                .as("the same grids, to the 7 decimals (about 1 cm) of KML's coordinates")
                .isEqualTo(3);
    }
}
