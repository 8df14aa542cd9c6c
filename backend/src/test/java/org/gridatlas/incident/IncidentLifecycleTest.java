package org.gridatlas.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Lifecycle transitions and the review queue through the API, on incidents imported from tiny hand-written CSVs.
 * Points and grids from fixtures/incident/expected.json (made by make_fixtures.py from the sample's buildings).
 */
class IncidentLifecycleTest extends PostgisIntegrationTest {
    private static final JsonNode EXPECTED = IncidentIntakeTest.EXPECTED;

    @TempDir
    Path tmp;

    private long importOne(String externalId, String lonLat, String address) throws Exception {
        Path f = tmp.resolve(externalId + ".csv");
        Files.writeString(
                f,
                "工单编号,来源,大类,小类,上报时间,经度,纬度,事发地址\n" + externalId + ",巡查,市容环境,暴露垃圾,2026-03-13 08:05," + lonLat + ","
                        + address + "\n",
                StandardCharsets.UTF_8);
        Api.Answer a = as("supervisor").upload("/api/imports", f, "kind", "incidents");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return jdbc.sql("SELECT id FROM incident WHERE external_id = :e")
                .param("e", externalId)
                .query(Long.class)
                .single();
    }

    private Api.Answer step(long id, String json) {
        return as("supervisor").postJson("/api/incidents/" + id + "/transitions", json);
    }

    private static void assertRefused(Api.Answer a, String parameter) {
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("parameter").asString()).isEqualTo(parameter);
    }

    @Test
    void anIncidentGoesThroughItsLifecycleAndBadStepsAreRefusedByName() {
        JsonNode p = EXPECTED.get("points").get(0);
        long id = uncheck(() ->
                importOne("LC-1", p.get("lon").asString() + "," + p.get("lat").asString(), ""));

        assertRefused(step(id, "{\"status\":\"closed\",\"satisfaction\":5}"), "status"); // closing before resolving
        assertRefused(step(id, "{\"status\":\"archived\"}"), "status");
        assertThat(step(id, "{\"status\":\"accepted\",\"at\":\"2026-03-13T09:00:00+08:00\"}")
                        .status())
                .isEqualTo(200);
        assertRefused(step(id, "{\"status\":\"dispatched\",\"at\":\"2026-03-13T10:00:00+08:00\"}"), "department");
        assertThat(step(id, "{\"status\":\"dispatched\",\"at\":\"2026-03-13T10:00:00+08:00\",\"department\":\"城管中队\"}")
                        .status())
                .isEqualTo(200);
        assertRefused(step(id, "{\"status\":\"resolved\",\"at\":\"2026-03-13T11:00:00+08:00\"}"), "level");
        assertRefused(
                step(id, "{\"status\":\"resolved\",\"at\":\"2026-03-13T07:00:00+08:00\",\"level\":\"department\"}"),
                "at");
        Api.Answer resolved =
                step(id, "{\"status\":\"resolved\",\"at\":\"2026-03-13T11:00:00+08:00\",\"level\":\"department\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertRefused(step(id, "{\"status\":\"closed\",\"satisfaction\":7}"), "satisfaction");
        assertRefused(step(id, "{\"status\":\"closed\",\"satisfaction\":0}"), "satisfaction");
        Api.Answer closed = step(id, "{\"status\":\"closed\",\"at\":\"2026-03-14T09:00:00+08:00\",\"satisfaction\":4}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("closed");
        assertRefused(step(id, "{\"status\":\"closed\",\"satisfaction\":4}"), "status");

        var row = jdbc.sql(
                        """
                        SELECT status, satisfaction, resolution_level, department, closed_at::text AS closed,
                          resolved_at::text AS resolved FROM incident WHERE id = :id""")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("closed");
        assertThat(((Number) row.get("satisfaction")).intValue()).isEqualTo(4);
        assertThat(row.get("resolution_level")).isEqualTo("department");
        assertThat(row.get("department")).isEqualTo("城管中队");
        assertThat(row.get("resolved")).isEqualTo("2026-03-13 03:00:00+00");
        assertThat(row.get("closed")).isEqualTo("2026-03-14 01:00:00+00");
        JsonNode detail = as("supervisor").get("/api/incidents/" + id).json();
        JsonNode events = detail.get("events");
        assertThat(events.size()).isEqualTo(4);
        assertThat(events.get(3).get("status").asString()).isEqualTo("closed");
        assertThat(events.get(3).get("actor").asString()).isEqualTo("supervisor");
        assertThat(events.get(3).get("satisfaction").asInt()).isEqualTo(4);
    }

    @Test
    void aCommunityResolvesWhatItAcceptedWithoutDispatchAndAGridChiefMayNotChangeIncidents() {
        JsonNode p = EXPECTED.get("points").get(1);
        long id = uncheck(() ->
                importOne("LC-2", p.get("lon").asString() + "," + p.get("lat").asString(), ""));
        assertThat(step(id, "{\"status\":\"accepted\"}").status()).isEqualTo(200);
        assertThat(step(id, "{\"status\":\"resolved\",\"level\":\"community\"}").status())
                .isEqualTo(200);
        Api.Answer chief = as("chief-330212008002")
                .postJson("/api/incidents/" + id + "/transitions", "{\"status\":\"closed\",\"satisfaction\":5}");
        assertThat(chief.status()).isEqualTo(403);
        assertRefused(
                as("supervisor").postJson("/api/incidents/999999999/transitions", "{\"status\":\"accepted\"}"),
                "id",
                404);
    }

    @Test
    void anUnmatchedIncidentWaitsInTheReviewQueueUntilPlacedByHand() {
        long id = uncheck(() -> importOne("LC-3", ",", "某某路999号不存在小区88幢"));
        JsonNode queue = as("supervisor")
                .get("/api/incidents?quality=unmatched&limit=1000")
                .json();
        assertThat(queue.get("incidents").findValuesAsString("externalId")).contains("LC-3");

        JsonNode p = EXPECTED.get("points").get(3);
        Api.Answer placed = as("supervisor")
                .putJson(
                        "/api/incidents/" + id + "/location",
                        "{\"lon\":" + p.get("lon").asString() + ",\"lat\":"
                                + p.get("lat").asString() + "}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.json().get("geocodeQuality").asString()).isEqualTo("manual");
        assertThat(placed.json().get("gridCode").asString())
                .isEqualTo(p.get("grid").asString());
        assertThat(placed.json().get("communityCode").asString())
                .isEqualTo(p.get("grid").asString().substring(0, 12));
        JsonNode after = as("supervisor")
                .get("/api/incidents?quality=unmatched&limit=1000")
                .json();
        assertThat(after.get("incidents").findValuesAsString("externalId")).doesNotContain("LC-3");
        assertRefused(
                as("supervisor").putJson("/api/incidents/" + id + "/location", "{\"lon\":200,\"lat\":30}"), "lon");
    }

    private static void assertRefused(Api.Answer a, String parameter, int status) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("parameter").asString()).isEqualTo(parameter);
    }

    private interface Io<T> {
        T get() throws Exception;
    }

    private static <T> T uncheck(Io<T> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
