package org.gridatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * A file with one bad row is refused whole: 422 problem+json naming the row and the field, and the table is as it
 * was (the good rows before the bad one are not stored either). Fixtures: src/test/resources/fixtures/import.
 */
class ImportRejectionTest extends PostgisIntegrationTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/import");

    @ParameterizedTest(name = "{0}: row {2}, {3}")
    @CsvSource({
        "grids_broken_geometry.geojson,       grids,       2, geometry,       grid,      code = '330212008001901'",
        "buildings_unknown_community.geojson, buildings,   2, community_code, building,  code = 'TEST-B-1'",
        "communities_crs_3857.geojson,        communities, 0, crs,            community, ST_XMax(geom) > 180",
        "communities_projected.geojson,       communities, 1, geometry,       community, ST_XMax(geom) > 180",
        "buildings_bad_households.geojson,    buildings,   3, households,     building,  code LIKE 'TEST-H-%'",
        "incidents_bad.csv,                   incidents,   2, closed_at,      incident,  external_id LIKE 'TEST-I-%'",
        "workers_missing_column.csv,          workers,     0, kind,           worker,    code = 'TEST-W-1'",
    })
    void badFileIsRejectedWholeWithTheRowNamed(
            String file, String kind, int row, String field, String table, String goodRowsCondition) throws Exception {
        int before = count("SELECT count(*) FROM " + table);
        String geometryBefore = jdbc.sql(
                        "SELECT md5(string_agg(ST_AsEWKB(geom)::text, ',' ORDER BY code)) FROM community")
                .query(String.class)
                .single();

        Api.Answer answer = as("admin").upload("/api/imports", FIXTURES.resolve(file), "kind", kind);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        JsonNode first = problem.get("errors").get(0);
        assertThat(first.get("row").asInt()).isEqualTo(row);
        assertThat(first.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).contains("nothing was stored");
        assertThat(count("SELECT count(*) FROM " + table)).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM " + table + " WHERE " + goodRowsCondition))
                .as("no row of the refused file is stored")
                .isZero();
        assertThat(jdbc.sql("SELECT md5(string_agg(ST_AsEWKB(geom)::text, ',' ORDER BY code)) FROM community")
                        .query(String.class)
                        .single())
                .as("community geometries untouched")
                .isEqualTo(geometryBefore);

        long jobId = problem.get("importId").asLong();
        JsonNode job = as("admin").get("/api/imports/" + jobId).json();
        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("rejects").get(0).get("row").asInt()).isEqualTo(row);
    }

    @Test
    void incidentFileNamesEveryBadRow() throws Exception {
        JsonNode errors = as("admin")
                .upload("/api/imports", FIXTURES.resolve("incidents_bad.csv"), "kind", "incidents")
                .json()
                .get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("category_small");
    }

    @Test
    void unknownKindAndEncodingAreNamed() throws Exception {
        Path file = FIXTURES.resolve("incidents_bad.csv");
        JsonNode kind =
                as("admin").upload("/api/imports", file, "kind", "households").json();
        assertThat(kind.get("status").asInt()).isEqualTo(400);
        assertThat(kind.get("parameter").asString()).isEqualTo("kind");
        JsonNode encoding = as("admin")
                .upload("/api/imports", file, "kind", "incidents", "encoding", "klingon")
                .json();
        assertThat(encoding.get("parameter").asString()).isEqualTo("encoding");
    }

    @Test
    void aRoleThatMayNotImportAKindIsRefused() throws Exception {
        Api.Answer answer = as("supervisor")
                .upload("/api/imports", FIXTURES.resolve("grids_broken_geometry.geojson"), "kind", "grids");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
