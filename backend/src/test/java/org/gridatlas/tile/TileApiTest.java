package org.gridatlas.tile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vector tiles of the sample street, decoded with the test's own MVT reader ({@link Mvt}) and compared with the
 * sample files read directly (buildings.geojson, incidents.csv) and tile bounds computed here from the slippy-map
 * formulas — not with the service's SQL.
 */
class TileApiTest extends PostgisIntegrationTest {
    private static final Path SAMPLE = Path.of("../gis-data/sample");
    // the tile of the sample street's centre (121.5575, 29.8175) at zoom 16
    private static final int Z = 16;
    private static final int X = tileX(121.5575, Z);
    private static final int Y = tileY(29.8175, Z);

    static int tileX(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    static int tileY(double lat, int z) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    static double lon(double x, int z) {
        return x / (1 << z) * 360 - 180;
    }

    static double lat(double y, int z) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / (1 << z)))));
    }

    /** The tile's lon/lat bounds, grown by {@code margin} of its width on every side. */
    static Envelope bounds(int z, int x, int y, double margin) {
        return new Envelope(lon(x - margin, z), lon(x + 1 + margin, z), lat(y + 1 + margin, z), lat(y - margin, z));
    }

    private HttpResponse<byte[]> fetch(String user, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (user != null) {
            String token =
                    Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
            b.header("Authorization", "Basic " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Mvt.Layer layer(String user, String name, int z, int x, int y) throws Exception {
        HttpResponse<byte[]> r = fetch(user, "/api/tiles/" + name + "/" + z + "/" + x + "/" + y + ".mvt");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(TileController.MVT);
        Map<String, Mvt.Layer> layers = Mvt.decode(r.body());
        return layers.getOrDefault(name, new Mvt.Layer(name, 4096, List.of()));
    }

    /** Sample buildings (code → properties node and footprint). */
    private static Map<String, Object[]> sampleBuildings() throws Exception {
        JsonNode fc;
        try (InputStream in = Files.newInputStream(SAMPLE.resolve("buildings.geojson"))) {
            fc = JsonMapper.builder().build().readTree(in);
        }
        GeoJsonReader reader = new GeoJsonReader(new GeometryFactory());
        Map<String, Object[]> out = new HashMap<>();
        for (JsonNode f : fc.get("features")) {
            out.put(f.get("properties").get("code").asString(), new Object[] {
                f.get("properties"), reader.read(f.get("geometry").toString())
            });
        }
        return out;
    }

    private static Set<String> codes(Mvt.Layer layer) {
        Set<String> codes = new TreeSet<>();
        layer.features().forEach(f -> codes.add((String) f.properties().get("code")));
        return codes;
    }

    @Test
    void buildingTileHoldsTheBuildingsOfTheTileWithoutPersonalData() throws Exception {
        Map<String, Object[]> sample = sampleBuildings();
        GeometryFactory gf = new GeometryFactory();
        Geometry tile = gf.toGeometry(bounds(Z, X, Y, 0));
        Envelope buffered = bounds(Z, X, Y, 64.0 / 4096);
        Set<String> mustHave = new TreeSet<>();
        Set<String> mayHave = new TreeSet<>();
        sample.forEach((code, v) -> {
            Geometry g = (Geometry) v[1];
            if (g.intersects(tile)) mustHave.add(code);
            if (g.getEnvelopeInternal().intersects(buffered)) mayHave.add(code);
        });
        assertThat(mustHave).hasSizeGreaterThan(20);

        Mvt.Layer layer = layer("supervisor", "buildings", Z, X, Y);

        assertThat(layer.extent()).isEqualTo(4096);
        Set<String> got = codes(layer);
        assertThat(got).containsAll(mustHave);
        assertThat(mayHave).containsAll(got);
        for (Mvt.Feature f : layer.features()) {
            assertThat(f.type()).isEqualTo(3); // polygon
            assertThat(f.properties().keySet())
                    .containsExactlyInAnyOrder("code", "type", "floors", "households", "residents", "community_code");
            JsonNode p = (JsonNode) sample.get((String) f.properties().get("code"))[0];
            assertThat(((Number) f.properties().get("households")).intValue())
                    .isEqualTo(p.get("households").asInt());
        }
    }

    @Test
    void gridChiefSeesOnlyTheBuildingsOfTheirCommunity() throws Exception {
        Set<String> all = codes(layer("supervisor", "buildings", Z, X, Y));
        Map<String, Object[]> sample = sampleBuildings();
        String community = ((JsonNode) sample.get(all.iterator().next())[0])
                .get("community_code")
                .asString();
        Set<String> expected = new TreeSet<>();
        for (String code : all) {
            if (((JsonNode) sample.get(code)[0])
                    .get("community_code")
                    .asString()
                    .equals(community)) expected.add(code);
        }

        Set<String> chief = codes(layer("chief-" + community, "buildings", Z, X, Y));

        assertThat(chief).isEqualTo(expected);
        assertThat(chief.size()).isLessThan(all.size() + 1);
    }

    private static List<CSVRecord> sampleIncidents() throws Exception {
        try (Reader in = Files.newBufferedReader(SAMPLE.resolve("incidents.csv"))) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }

    @Test
    void incidentPointsAtHighZoomAreTheIncidentsInTheTileAtTheirPlace() throws Exception {
        Envelope tile = bounds(Z, X, Y, 0);
        Map<String, double[]> expected = new HashMap<>();
        for (CSVRecord r : sampleIncidents()) {
            if (r.get("lon").isEmpty()) continue;
            double lon = Double.parseDouble(r.get("lon"));
            double lat = Double.parseDouble(r.get("lat"));
            if (tile.contains(lon, lat)) expected.put(r.get("external_id"), new double[] {lon, lat});
        }
        assertThat(expected).hasSizeGreaterThan(50);

        Mvt.Layer layer = layer("supervisor", "incidents", Z, X, Y);

        Map<String, Mvt.Feature> got = new HashMap<>();
        layer.features().forEach(f -> got.put((String) f.properties().get("external_id"), f));
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        Mvt.Feature any = got.values().iterator().next();
        assertThat(any.properties().keySet())
                .containsExactlyInAnyOrder(
                        "external_id", "category_big", "category_code", "status", "source", "reported_on", "count");
        // the point's tile units map back to its coordinates within one unit (about 0.6 m at zoom 16 / 4096)
        for (Map.Entry<String, Mvt.Feature> e : got.entrySet()) {
            int[] p = e.getValue().parts().get(0).get(0);
            double lon = lon(X + p[0] / 4096.0, Z);
            double lat = lat(Y + p[1] / 4096.0, Z);
            double unit = (lon(X + 1, Z) - lon(X, Z)) / 4096;
            assertThat(Math.abs(lon - expected.get(e.getKey())[0])).isLessThan(1.01 * unit);
            assertThat(Math.abs(lat - expected.get(e.getKey())[1])).isLessThan(1.01 * unit);
        }
    }

    @Test
    void incidentCellsAtLowZoomCountEveryIncidentOfTheTile() throws Exception {
        int z = 13;
        int x = tileX(121.5575, z);
        int y = tileY(29.8175, z);
        Envelope tile = bounds(z, x, y, 0);
        // counted straight in the table (other tests add incidents to the sample street, so not from the file)
        long expected = jdbc.sql(
                        """
                        SELECT count(*) FROM incident WHERE street_code = '330212008'
                          AND ST_Intersects(location, ST_MakeEnvelope(:x0, :y0, :x1, :y1, 4326))""")
                .param("x0", tile.getMinX())
                .param("y0", tile.getMinY())
                .param("x1", tile.getMaxX())
                .param("y1", tile.getMaxY())
                .query(Long.class)
                .single();
        assertThat(expected).isGreaterThan(1000);

        Mvt.Layer layer = layer("supervisor", "incidents", z, x, y);

        long sum = layer.features().stream()
                .mapToLong(f -> ((Number) f.properties().get("count")).longValue())
                .sum();
        assertThat(sum).isEqualTo(expected);
        assertThat(layer.features().size()).isLessThanOrEqualTo(64 * 64 + 1);
        assertThat(layer.features().get(0).properties().keySet()).containsExactly("count");
    }

    @Test
    void gridTileHoldsThePublishedGrids() throws Exception {
        Mvt.Layer layer = layer("planner", "grids", Z, X, Y);
        assertThat(layer.features()).isNotEmpty();
        for (Mvt.Feature f : layer.features()) {
            assertThat((String) f.properties().get("code")).matches("[0-9]{15}");
            assertThat(f.properties().keySet()).containsExactlyInAnyOrder("code", "name", "community_code");
        }
    }

    @Test
    void badTileCoordinatesAreProblemsNamingTheParameter() throws Exception {
        String[][] cases = {
            {"/api/tiles/buildings/23/0/0.mvt", "z"},
            {"/api/tiles/buildings/3/8/0.mvt", "x"},
            {"/api/tiles/buildings/3/0/-1.mvt", "y"},
            {"/api/tiles/buildings/three/0/0.mvt", "z"}
        };
        for (String[] c : cases) {
            HttpResponse<byte[]> r = fetch("supervisor", c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"" + c[1] + "\"");
        }
        HttpResponse<byte[]> unknown = fetch("supervisor", "/api/tiles/people/3/0/0.mvt");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(fetch(null, "/api/tiles/buildings/16/0/0.mvt").statusCode()).isEqualTo(401);
    }
}
