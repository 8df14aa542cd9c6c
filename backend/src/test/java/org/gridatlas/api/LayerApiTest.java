package org.gridatlas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GeoJSON layers: bbox filter and paging. Expected features are computed independently from the sample file
 * itself (gis-data/sample/buildings.geojson read with JTS), not from the service's SQL.
 */
class LayerApiTest extends PostgisIntegrationTest {
    private static final Path SAMPLE = Path.of("../gis-data/sample");

    /** Codes of the sample buildings whose footprint envelope intersects the box, sorted. */
    private static List<String> sampleBuildingsIntersecting(Envelope box) throws Exception {
        JsonNode fc;
        try (InputStream in = Files.newInputStream(SAMPLE.resolve("buildings.geojson"))) {
            fc = JsonMapper.builder().build().readTree(in);
        }
        List<String> codes = new ArrayList<>();
        GeoJsonReader reader = new GeoJsonReader();
        for (JsonNode f : fc.get("features")) {
            Envelope e = reader.read(f.get("geometry").toString()).getEnvelopeInternal();
            if (e.intersects(box)) codes.add(f.get("properties").get("code").asString());
        }
        codes.sort(null);
        return codes;
    }

    private static List<String> codes(JsonNode fc) {
        List<String> codes = new ArrayList<>();
        fc.get("features")
                .forEach(f -> codes.add(f.get("properties").get("code").asString()));
        return codes;
    }

    @Test
    void bboxReturnsExactlyTheBuildingsInTheBox() throws Exception {
        // a box of about 600 m x 450 m in the middle of the sample street
        Envelope box = new Envelope(121.552, 121.558, 29.814, 29.818);
        List<String> expected = sampleBuildingsIntersecting(box);
        assertThat(expected).isNotEmpty();

        Api.Answer answer = as("supervisor").get("/api/buildings?limit=10000&bbox=121.552,29.814,121.558,29.818");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/geo+json");
        JsonNode fc = answer.json();
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(codes(fc)).isEqualTo(expected);
        assertThat(fc.get("numberMatched").asInt()).isEqualTo(expected.size());
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeat() throws Exception {
        List<String> all = sampleBuildingsIntersecting(new Envelope(-180, 180, -90, 90));
        JsonNode first = as("supervisor").get("/api/buildings?limit=7&offset=0").json();
        JsonNode second =
                as("supervisor").get("/api/buildings?limit=7&offset=7").json();

        assertThat(first.get("numberMatched").asInt()).isEqualTo(all.size());
        assertThat(first.get("numberReturned").asInt()).isEqualTo(7);
        assertThat(codes(first)).isEqualTo(all.subList(0, 7));
        assertThat(codes(second)).isEqualTo(all.subList(7, 14));
        JsonNode beyond = as("supervisor")
                .get("/api/buildings?limit=7&offset=" + all.size())
                .json();
        assertThat(beyond.get("features")).isEmpty();
        assertThat(beyond.get("numberReturned").asInt()).isZero();
    }

    @Test
    void gridsCarryTheirHouseholdsAndArea() {
        JsonNode fc = as("planner").get("/api/grids?limit=1000").json();
        int grids = count(
                "SELECT count(*) FROM grid g JOIN boundary_plan p ON p.id = g.plan_id WHERE p.status = 'published'");
        assertThat(fc.get("features")).hasSize(grids);
        JsonNode props = fc.get("features").get(0).get("properties");
        assertThat(props.get("code").asString()).matches("[0-9]{15}");
        assertThat(props.get("area_m2").asDouble()).isGreaterThan(1000);
        int households = 0;
        for (JsonNode f : fc.get("features"))
            households += f.get("properties").get("households").asInt();
        assertThat(households).isPositive();
    }

    @Test
    void badLayerParametersAreNamed() {
        Api api = as("supervisor");
        assertThat(problemParameter(api.get("/api/buildings?bbox=1,2,3"))).isEqualTo("bbox");
        assertThat(problemParameter(api.get("/api/buildings?bbox=200,0,210,10")))
                .isEqualTo("bbox");
        assertThat(problemParameter(api.get("/api/buildings?bbox=121.6,29.8,121.5,29.9")))
                .isEqualTo("bbox");
        assertThat(problemParameter(api.get("/api/buildings?bbox=a,b,c,d"))).isEqualTo("bbox");
        assertThat(problemParameter(api.get("/api/buildings?limit=0"))).isEqualTo("limit");
        assertThat(problemParameter(api.get("/api/buildings?limit=100000"))).isEqualTo("limit");
        assertThat(problemParameter(api.get("/api/buildings?offset=-1"))).isEqualTo("offset");
        assertThat(problemParameter(api.get("/api/grids?plan=abc"))).isEqualTo("plan");
        Api.Answer missing = api.get("/api/grids?plan=999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("parameter").asString()).isEqualTo("plan");
    }

    private static String problemParameter(Api.Answer answer) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        return answer.json().get("parameter").asString();
    }

    @Test
    void openApiDocumentIsServed() {
        Api.Answer answer = anonymous().get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("paths").has("/api/grids")).isTrue();
    }
}
