package org.gridatlas.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GridAtlas read by a real GIS client: GDAL's OGC API Features driver (ogrinfo from the OS package gdal-bin, which
 * scripts/test installs) lists every collection and reads every feature; the CSV and GeoPackage exports open in
 * GDAL with the right feature counts. Expected counts come from SQL written here.
 */
@Tag("gdal")
class GdalClientTest extends PostgisIntegrationTest {
    private static final String CHIEF = "chief-330212008001";

    @BeforeAll
    static void gdalPresent() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/ogrinfo"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("gdal-bin is missing in CI: scripts/test installs it");
        }
        Assumptions.assumeTrue(present, "ogrinfo (gdal-bin) is not installed; scripts/test installs it");
    }

    private String ogrinfo(String user, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ogrinfo", "-ro"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GDAL_HTTP_AUTH", "BASIC");
        pb.environment().put("GDAL_HTTP_USERPWD", user + ":" + DEMO_PASSWORD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static int featureCount(String ogrinfoSummary) {
        Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfoSummary);
        assertThat(m.find()).as(ogrinfoSummary).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void gdalListsEveryCollection() throws Exception {
        String out = ogrinfo("supervisor", "OAPIF:" + baseUrl() + "/ogc");
        for (String c : new String[] {"streets", "communities", "grids", "buildings", "incidents"}) {
            assertThat(out).contains(": " + c);
        }
    }

    @Test
    void gdalReadsEveryFeatureOfAGridChiefsCollections() throws Exception {
        String grids = ogrinfo(CHIEF, "-oo", "PAGE_SIZE=1000", "-al", "OAPIF:" + baseUrl() + "/ogc", "grids");
        int expectedGrids = count("SELECT count(*) FROM grid g JOIN boundary_plan p ON p.id = g.plan_id "
                + "WHERE p.status = 'published' AND g.community_code = '330212008001'");
        assertThat(occurrences(grids, "OGRFeature(grids)")).isEqualTo(expectedGrids);

        String buildings =
                ogrinfo(CHIEF, "-oo", "PAGE_SIZE=1000", "-al", "-q", "OAPIF:" + baseUrl() + "/ogc", "buildings");
        int expectedBuildings = count("SELECT count(*) FROM building WHERE community_code = '330212008001'");
        assertThat(occurrences(buildings, "OGRFeature(buildings)")).isEqualTo(expectedBuildings);
    }

    @Test
    void exportsOpenInGdal(@TempDir Path dir) throws Exception {
        int expected = count("SELECT count(*) FROM building WHERE community_code = '330212008001'");
        Path gpkg = download("/ogc/collections/buildings/items?f=gpkg&limit=10000", dir.resolve("b.gpkg"));
        String g = ogrinfo(CHIEF, "-so", gpkg.toString(), "buildings");
        assertThat(featureCount(g)).isEqualTo(expected);
        assertThat(g)
                .contains("Geometry: Multi Polygon")
                .contains("households: Integer64")
                .contains("has_elevator: Integer(Boolean)");

        Path csv = download("/ogc/collections/buildings/items?f=csv&limit=10000", dir.resolve("b.csv"));
        String c = ogrinfo(CHIEF, "-so", csv.toString(), "b");
        assertThat(featureCount(c)).isEqualTo(expected);
        assertThat(c).contains("Geometry: Unknown (any)").doesNotContain("Geometry: None");
    }

    private Path download(String path, Path to) throws IOException, InterruptedException {
        HttpResponse<Path> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString((CHIEF + ":" + DEMO_PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(to));
        assertThat(r.statusCode()).isEqualTo(200);
        return to;
    }

    private static int occurrences(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }
}
