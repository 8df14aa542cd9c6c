package org.gridatlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Norm bands stored per deployment and per street through GET/PUT /api/coverage/norm-bands: admins only, every
 * mistake named, and the coverage computation reads what was stored.
 */
class NormBandApiTest extends PostgisIntegrationTest {
    private static final String SAMPLE_STREET = "330212008";

    @AfterEach
    void restore() {
        jdbc.sql("DELETE FROM norm_band WHERE street_code IS NOT NULL").update();
    }

    @Test
    void theStreetReadsTheDeploymentBandsUntilItStoresItsOwn() {
        JsonNode answer = as("planner").get("/api/coverage/norm-bands").json();
        assertThat(answer.get("street_code").asString()).isEqualTo(SAMPLE_STREET);
        JsonNode households = band(answer, "households_per_grid");
        // V1 defaults (DESIGN.md): 300–500 households per grid, target 400
        assertThat(households.get("min").asDouble()).isEqualTo(300);
        assertThat(households.get("max").asDouble()).isEqualTo(500);
        assertThat(households.get("target").asDouble()).isEqualTo(400);
        assertThat(households.get("own").asBoolean()).isFalse();

        Api.Answer put = as("admin")
                .putJson("/api/coverage/norm-bands", "{\"households_per_grid\": {\"min\": 0, \"max\": 100}}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode stored = band(put.json(), "households_per_grid");
        assertThat(stored.get("max").asDouble()).isEqualTo(100);
        assertThat(stored.get("own").asBoolean()).isTrue();
        assertThat(stored.get("target").isNull()).isTrue();
        // the other metrics still come from the deployment
        assertThat(band(put.json(), "households_per_full_time_worker")
                        .get("own")
                        .asBoolean())
                .isFalse();
        assertThat(band(as("planner").get("/api/coverage/norm-bands").json(), "households_per_grid")
                        .get("max")
                        .asDouble())
                .isEqualTo(100);
    }

    @Test
    void theCoverageComputationUsesTheStoredBands() {
        as("admin").putJson("/api/coverage/norm-bands", "{\"households_per_grid\": {\"min\": 0, \"max\": 100}}");
        JsonNode all = as("planner").get("/api/coverage").json();
        JsonNode band = null;
        for (JsonNode b : all.get("bands")) if (b.get("metric").asString().equals("households_per_grid")) band = b;
        assertThat(band.get("max").asDouble()).isEqualTo(100);
        int grids = 0;
        for (JsonNode g : all.get("grids")) {
            // with the band 0–100 a grid is above exactly when it has more than 100 households
            String expected = g.get("households").asInt() > 100 ? "above" : "within";
            assertThat(g.get("households_status").asString())
                    .as(g.get("code").asString())
                    .isEqualTo(expected);
            grids++;
        }
        assertThat(grids).isEqualTo(60);
        // sample grids hold 300–500 households (gis-data/sample/README.md): all above the stored band
        assertThat(all.get("grids").findValuesAsString("households_status")).contains("above");
    }

    @Test
    void onlyAdminsSetBandsAndEveryMistakeIsNamed() {
        String ok = "{\"households_per_grid\": {\"min\": 300, \"max\": 500}}";
        assertThat(as("planner").putJson("/api/coverage/norm-bands", ok).status())
                .isEqualTo(403);
        assertThat(as("chief-330212008001")
                        .putJson("/api/coverage/norm-bands", ok)
                        .status())
                .isEqualTo(403);
        Api admin = as("admin");
        assertProblem(
                admin.putJson("/api/coverage/norm-bands", "{\"households_per_grid\": {\"min\": 500, \"max\": 300}}"),
                "households_per_grid.min");
        assertProblem(
                admin.putJson(
                        "/api/coverage/norm-bands",
                        "{\"households_per_full_time_worker\": {\"min\": 160, \"max\": 300, \"target\": 400}}"),
                "households_per_full_time_worker.target");
        assertProblem(
                admin.putJson("/api/coverage/norm-bands", "{\"residents_per_grid\": {\"min\": \"x\", \"max\": 3}}"),
                "residents_per_grid.min");
        assertProblem(
                admin.putJson("/api/coverage/norm-bands", "{\"residents_per_grid\": {\"max\": 3}}"),
                "residents_per_grid.min");
        assertProblem(admin.putJson("/api/coverage/norm-bands", "{\"stairs\": {\"min\": 1, \"max\": 3}}"), "stairs");
        assertProblem(admin.putJson("/api/coverage/norm-bands", "{}"), "bands");
        assertProblem(admin.putJson("/api/coverage/norm-bands?street=330299001", ok), "street");
        assertProblem(admin.putJson("/api/coverage/norm-bands?street=33", ok), "street");
        assertProblem(as("planner").get("/api/coverage/norm-bands?street=330299001"), "street");
        // nothing was stored by the rejected requests
        assertThat(count("SELECT count(*) FROM norm_band WHERE street_code IS NOT NULL"))
                .isZero();
    }

    private static JsonNode band(JsonNode answer, String metric) {
        for (JsonNode b : answer.get("bands")) if (b.get("metric").asString().equals(metric)) return b;
        throw new AssertionError("no band " + metric + " in " + answer);
    }

    private static void assertProblem(Api.Answer a, String parameter) {
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("parameter").asString()).isEqualTo(parameter);
    }
}
