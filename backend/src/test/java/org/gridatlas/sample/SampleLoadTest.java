package org.gridatlas.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample street loads through the import code, and the tables hold what the generator's manifest says it
 * wrote; importing a file again updates and never duplicates.
 */
class SampleLoadTest extends PostgisIntegrationTest {
    private static final Path SAMPLE = Path.of("../gis-data/sample");

    private static JsonNode manifest() throws Exception {
        try (InputStream in = Files.newInputStream(SAMPLE.resolve("manifest.json"))) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void countsPerTableMatchTheManifest() throws Exception {
        JsonNode counts = manifest().get("counts");
        String street = "330212008";
        assertThat(count("SELECT count(*) FROM street WHERE code = '" + street + "'"))
                .isEqualTo(counts.get("streets").asInt());
        assertThat(count("SELECT count(*) FROM community WHERE street_code = '" + street + "'"))
                .isEqualTo(counts.get("communities").asInt());
        assertThat(count("SELECT count(*) FROM grid g JOIN boundary_plan p ON p.id = g.plan_id "
                        + "WHERE p.status = 'published' AND p.street_code = '" + street + "'"))
                .isEqualTo(counts.get("grids").asInt());
        assertThat(count("SELECT count(*) FROM building WHERE left(community_code, 9) = '" + street + "'"))
                .isEqualTo(counts.get("buildings").asInt());
        assertThat(count("SELECT count(*) FROM worker WHERE left(community_code, 9) = '" + street + "'"))
                .isEqualTo(counts.get("workers").asInt());
        assertThat(count("SELECT count(*) FROM assignment a JOIN worker w ON w.id = a.worker_id "
                        + "WHERE left(w.community_code, 9) = '" + street + "'"))
                .isEqualTo(counts.get("assignments").asInt());
        // the sample's incidents (other tests add their own): those stored by the sample loader's import job
        String sample = "FROM incident i JOIN import_job j ON j.id = i.import_job_id "
                + "WHERE j.kind = 'incidents' AND j.created_by = 'sample-loader'";
        assertThat(count("SELECT count(*) " + sample))
                .isEqualTo(counts.get("incidents").asInt());
        // the file gives no coordinates for these: they are located by geocoding their address (or left for review)
        assertThat(count("SELECT count(*) " + sample + " AND i.geocode_quality <> 'coordinates'"))
                .isEqualTo(counts.get("incidents_without_coordinates").asInt());
        assertThat(count("SELECT sum(households)::int FROM building WHERE left(community_code, 9) = '" + street + "'"))
                .isEqualTo(manifest().get("households").asInt());
    }

    @Test
    void importingTheSameFileAgainUpdatesAndDoesNotDuplicate() throws Exception {
        int workers = count("SELECT count(*) FROM worker");
        int expected = manifest().get("counts").get("workers").asInt();

        Api.Answer answer = as("admin").upload("/api/imports", SAMPLE.resolve("workers.csv"), "kind", "workers");

        assertThat(answer.status()).isEqualTo(201);
        JsonNode summary = answer.json();
        assertThat(summary.get("read").asInt()).isEqualTo(expected);
        assertThat(summary.get("inserted").asInt()).isZero();
        assertThat(summary.get("updated").asInt()).isEqualTo(expected);
        assertThat(count("SELECT count(*) FROM worker")).isEqualTo(workers);
    }

    @Test
    void locatedIncidentsArePlacedInTheGridOfThePublishedPlan() {
        // independent check: every located incident with a grid lies in that grid's polygon
        assertThat(
                        count(
                                """
                        SELECT count(*) FROM incident i JOIN grid g ON g.code = i.grid_code AND g.plan_id = i.grid_plan_id
                        WHERE NOT ST_Intersects(g.geom, i.location)"""))
                .isZero();
        // and an incident left without a grid lies in no grid (the sample's planted gap), never by omission
        assertThat(
                        count(
                                """
                        SELECT count(*) FROM incident i JOIN grid g ON ST_Intersects(g.geom, i.location)
                        WHERE i.grid_code IS NULL AND i.location IS NOT NULL"""))
                .isZero();
    }
}
