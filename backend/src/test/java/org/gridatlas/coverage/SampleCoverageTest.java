package org.gridatlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage of the sample street over HTTP: the faults the generator planted (gis-data/sample/manifest.json → faults)
 * are all found and nothing else, and the per-grid households equal an independent plain-SQL spatial join.
 */
class SampleCoverageTest extends PostgisIntegrationTest {
    private static final Path MANIFEST = Path.of("../gis-data/sample/manifest.json");

    /**
     * Independent of the service: every building of the street in the published grid with which its footprint shares
     * the most area (computed in UTM 51N metres), households summed per grid.
     */
    private static final String PLAIN_JOIN =
            """
            WITH pairs AS (
              SELECT b.id, b.households, g.code,
                     ST_Area(ST_Transform(ST_Intersection(b.footprint, g.geom), 32651)) AS shared
              FROM building b
              JOIN grid g ON ST_Intersects(b.footprint, g.geom)
              JOIN boundary_plan p ON p.id = g.plan_id AND p.status = 'published' AND p.street_code = '330212008'),
            best AS (SELECT DISTINCT ON (id) id, households, code FROM pairs ORDER BY id, shared DESC)
            SELECT code, sum(households) AS households FROM best GROUP BY code""";

    private JsonNode faults() {
        Api.Answer a = as("planner").get("/api/coverage/faults");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/geo+json");
        return a.json();
    }

    private static List<JsonNode> ofKind(JsonNode faults, String kind) {
        List<JsonNode> list = new ArrayList<>();
        faults.get("features").forEach(f -> {
            if (f.get("properties").get("kind").asString().equals(kind)) list.add(f.get("properties"));
        });
        return list;
    }

    @Test
    void everyPlantedFaultIsFoundAndNothingElse() throws Exception {
        JsonNode manifest = JsonMapper.builder()
                .build()
                .readTree(Files.readString(MANIFEST))
                .get("faults");
        JsonNode faults = faults();

        JsonNode plantedGap = manifest.get("gaps").get(0);
        List<JsonNode> gaps = ofKind(faults, "gap");
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).get("community_code").asString())
                .isEqualTo(plantedGap.get("community_code").asString());
        assertThat(gaps.get(0).get("area_m2").asDouble())
                .isCloseTo(plantedGap.get("area_m2").asDouble(), withPercentage(1));

        JsonNode plantedOverlap = manifest.get("overlaps").get(0);
        List<JsonNode> overlaps = ofKind(faults, "overlap");
        assertThat(overlaps).hasSize(1);
        assertThat(List.of(
                        overlaps.get(0).get("grid_code").asString(),
                        overlaps.get(0).get("related_code").asString()))
                .containsExactly(
                        plantedOverlap.get("grid_code").asString(),
                        plantedOverlap.get("neighbour_grid_code").asString());
        assertThat(overlaps.get(0).get("area_m2").asDouble())
                .isCloseTo(plantedOverlap.get("area_m2").asDouble(), withPercentage(1));

        List<String> unstaffed = new ArrayList<>();
        manifest.get("grids_without_workers")
                .forEach(g -> unstaffed.add(g.get("grid_code").asString()));
        assertThat(ofKind(faults, "unstaffed_grid").stream()
                        .map(f -> f.get("grid_code").asString()))
                .containsExactlyInAnyOrderElementsOf(unstaffed);

        Map<String, String> straddlers = new HashMap<>(); // building → grid of the larger share
        manifest.get("straddling_buildings")
                .forEach(b -> straddlers.put(
                        b.get("building_code").asString(),
                        b.get("shares").get(0).get("grid_code").asString()));
        Map<String, String> split = new HashMap<>();
        ofKind(faults, "split_building")
                .forEach(f -> split.put(
                        f.get("related_code").asString(), f.get("grid_code").asString()));
        assertThat(split).isEqualTo(straddlers);

        List<JsonNode> leaders = ofKind(faults, "leader_outside_grid");
        assertThat(leaders).singleElement().satisfies(l -> {
            assertThat(l.get("related_code").asString()).isEqualTo("W330212008002-0012");
            assertThat(l.get("detail").get("building_code").asString()).isEqualTo("B330212008002-0065");
            assertThat(l.get("detail").get("building_grid_code").asString()).isEqualTo("330212008002001");
        });

        assertThat(faults.get("features").size())
                .as("nothing but the planted faults")
                .isEqualTo(1 + 1 + unstaffed.size() + straddlers.size() + 1);
        faults.get("features")
                .forEach(f -> assertThat(f.get("geometry").isObject()).isTrue());
    }

    @Test
    void householdsPerGridEqualAPlainSpatialJoinAndTheManifest() throws Exception {
        Map<String, Integer> plain = new HashMap<>();
        jdbc.sql(PLAIN_JOIN)
                .query((rs, i) -> plain.put(rs.getString("code"), rs.getInt("households")))
                .list();
        Map<String, Integer> manifest = new HashMap<>();
        JsonMapper.builder()
                .build()
                .readTree(Files.readString(MANIFEST))
                .get("grids")
                .forEach(g -> manifest.put(
                        g.get("code").asString(), g.get("households").asInt()));

        JsonNode grids = as("planner").get("/api/coverage/grids").json();
        Map<String, Integer> computed = new HashMap<>();
        grids.get("features")
                .forEach(f -> computed.put(
                        f.get("id").asString(),
                        f.get("properties").get("households").asInt()));
        assertThat(computed).hasSize(60).isEqualTo(plain).isEqualTo(manifest);
    }

    @Test
    void aGridChiefSeesTheirCommunityOnlyWithPhonesAndNoPersonalDataInGeoJson() {
        Api chief = as("chief-330212008001");
        JsonNode grids = chief.get("/api/coverage/grids").json();
        grids.get("features").forEach(f -> assertThat(f.get("id").asString()).startsWith("330212008001"));
        assertThat(grids.get("features").size()).isEqualTo(7);

        JsonNode workers = chief.get("/api/coverage/workers").json();
        assertThat(workers.size()).isPositive();
        workers.forEach(w -> assertThat(w.get("community_code").asString()).isEqualTo("330212008001"));
        JsonNode ranked = null;
        for (JsonNode w : workers) if (w.get("rank").isNumber() && w.get("rank").asInt() == 1) ranked = w;
        assertThat(ranked).isNotNull();
        assertThat(ranked.get("phone").isString())
                .as("a grid chief calls the workers")
                .isTrue();

        JsonNode geo = chief.get("/api/coverage/workers?f=geojson").json();
        geo.get("features").forEach(f -> assertThat(
                        f.get("properties").has("name") || f.get("properties").has("phone"))
                .isFalse());
        assertThat(as("supervisor")
                        .get("/api/coverage/workers")
                        .json()
                        .get(0)
                        .get("phone")
                        .isNull())
                .isTrue();
    }

    @Test
    void theOneAnswerOfThePageHoldsWhatTheSeparateEndpointsGive() {
        Api chief = as("chief-330212008001");
        JsonNode all = chief.get("/api/coverage?geometry=true").json();
        JsonNode grids = chief.get("/api/coverage/grids").json().get("features");
        assertThat(all.get("grids").size()).isEqualTo(grids.size()).isEqualTo(7);
        for (int i = 0; i < grids.size(); i++) {
            JsonNode row = all.get("grids").get(i);
            JsonNode feature = grids.get(i);
            assertThat(row.get("code")).isEqualTo(feature.get("id"));
            assertThat(row.get("households"))
                    .isEqualTo(feature.get("properties").get("households"));
            assertThat(row.get("geometry")).isEqualTo(feature.get("geometry"));
            assertThat(row.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
        }
        JsonNode faults = chief.get("/api/coverage/faults").json().get("features");
        assertThat(all.get("faults").size()).isEqualTo(faults.size());
        for (int i = 0; i < faults.size(); i++) {
            assertThat(all.get("faults").get(i).get("kind"))
                    .isEqualTo(faults.get(i).get("properties").get("kind"));
            assertThat(all.get("faults").get(i).get("geometry"))
                    .isEqualTo(faults.get(i).get("geometry"));
        }
        assertThat(all.get("workers").size())
                .isEqualTo(chief.get("/api/coverage/workers").json().size());
        all.get("workers").forEach(w -> assertThat(w.has("geometry")).isFalse());
        assertThat(chief.get("/api/coverage").json().get("grids").get(0).has("geometry"))
                .isFalse();
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        Api planner = as("planner");
        assertProblem(planner.get("/api/coverage/grids?households_per_grid=500,300"), 400, "households_per_grid");
        assertProblem(planner.get("/api/coverage/grids?plan=987654"), 404, "plan");
        assertProblem(planner.get("/api/coverage/grids?plan=abc"), 400, "plan");
        assertProblem(planner.get("/api/coverage/communities?community=330299001001"), 400, "community");
        assertProblem(as("chief-330212008001").get("/api/coverage/faults?community=330212008002"), 400, "community");
        assertProblem(planner.get("/api/coverage/workers?weights=households:-1"), 400, "weights");
        assertProblem(planner.get("/api/coverage/workers?weights=households:1,stairs:2"), 400, "weights");
        assertProblem(planner.get("/api/coverage?tolerance=0.7"), 400, "tolerance");
        assertProblem(planner.get("/api/coverage?from=2026-05-01&to=2026-01-01"), 400, "from");
        assertProblem(planner.get("/api/coverage/grids?f=xml"), 400, "f");
        assertProblem(planner.get("/api/coverage?geometry=yes"), 400, "geometry");
    }

    @Test
    void communityAndStreetRollUpsMatchTheManifest() throws Exception {
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(MANIFEST));
        JsonNode communities =
                as("planner").get("/api/coverage/communities?f=json").json();
        assertThat(communities.size()).isEqualTo(8);
        Map<String, Integer> expected = new HashMap<>();
        manifest.get("communities")
                .forEach(c -> expected.put(
                        c.get("code").asString(), c.get("households").asInt()));
        communities.forEach(c -> assertThat(c.get("households").asInt())
                .as(c.get("code").asString())
                .isEqualTo(expected.get(c.get("code").asString())));
        JsonNode street = as("planner").get("/api/coverage/streets").json().get(0);
        assertThat(street.get("households").asInt())
                .isEqualTo(manifest.get("households").asInt());
        assertThat(street.get("grids").asInt()).isEqualTo(60);
    }

    private static void assertProblem(Api.Answer a, int status, String parameter) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("parameter").asString()).isEqualTo(parameter);
    }
}
