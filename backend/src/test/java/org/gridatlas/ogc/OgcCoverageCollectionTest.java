package org.gridatlas.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The {@code coverage} collection of the OGC API: per-grid coverage figures of the published plan, paged like every
 * collection, scoped like the REST API, and with households equal to an independent plain-SQL spatial join.
 */
class OgcCoverageCollectionTest extends PostgisIntegrationTest {
    /** Each building in the grid holding the larger part of its footprint, households summed (independent SQL). */
    private static final String PLAIN_JOIN =
            """
            WITH pairs AS (
              SELECT b.id, b.households, g.code, ST_Area(ST_Intersection(b.footprint, g.geom)::geography) AS shared
              FROM building b
              JOIN grid g ON ST_Intersects(b.footprint, g.geom)
              JOIN boundary_plan p ON p.id = g.plan_id AND p.status = 'published' AND p.street_code = '330212008'),
            best AS (SELECT DISTINCT ON (id) id, households, code FROM pairs ORDER BY id, shared DESC, code)
            SELECT code, sum(households)::int AS households FROM best GROUP BY code""";

    @Test
    void everyPublishedGridWithItsHouseholdsAsTheIndependentJoinGivesThem() {
        Map<String, Integer> expected = new HashMap<>();
        jdbc.sql(PLAIN_JOIN)
                .query((rs, i) -> expected.put(rs.getString(1), rs.getInt(2)))
                .list();

        Map<String, Integer> served = new HashMap<>();
        String next = "/ogc/collections/coverage/items?limit=25";
        int pages = 0;
        while (next != null) {
            Api.Answer a = as("planner").get(next);
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.contentType()).startsWith("application/geo+json");
            JsonNode fc = a.json();
            assertThat(fc.get("numberMatched").asInt()).isEqualTo(60);
            for (JsonNode f : fc.get("features")) {
                assertThat(f.get("geometry").get("type").asString()).endsWith("Polygon");
                assertThat(f.get("properties").has("name")).isTrue(); // the grid's name, not a person's
                assertThat(f.toString()).doesNotContain("phone");
                served.put(
                        f.get("id").asString(),
                        f.get("properties").get("households").asInt());
            }
            next = null;
            for (JsonNode l : fc.get("links")) {
                if (l.get("rel").asString().equals("next"))
                    next = l.get("href").asString().replaceFirst("^https?://[^/]+", "");
            }
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        // buildings of the sample street only: the expected map may hold grids of other tests' streets, never more
        assertThat(served).hasSize(60);
        served.forEach((code, households) -> assertThat(households).as(code).isEqualTo(expected.getOrDefault(code, 0)));
    }

    @Test
    void aGridChiefsClientSeesItsCommunityOnly() {
        JsonNode fc = as("chief-330212008001")
                .get("/ogc/collections/coverage/items?limit=100")
                .json();
        assertThat(fc.get("features")).isNotEmpty();
        for (JsonNode f : fc.get("features")) assertThat(f.get("id").asString()).startsWith("330212008001");
        assertThat(as("chief-330212008001")
                        .get("/ogc/collections/coverage/items/330212008002001")
                        .status())
                .isEqualTo(404);
    }
}
