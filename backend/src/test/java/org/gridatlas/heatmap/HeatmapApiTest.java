package org.gridatlas.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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
import javax.imageio.ImageIO;
import org.gridatlas.security.Scope;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Heat-map tiles over HTTP and through the service, on a hand-built fixture of 14 incidents placed far from the
 * sample street (around 100.0°E 30.0°N, in months of 2001 where the sample has nothing), straddling the border of
 * two zoom-16 tiles. Expected densities come from {@link KernelReference}, never from the production code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeatmapApiTest extends PostgisIntegrationTest {
    private static final String STREET = "330212008";
    private static final String COMMUNITY = "330212008001";
    private static final Scope SUPERVISOR = new Scope(Scope.SUPERVISOR, STREET, null);
    private static final int Z = 16;
    private static final TileKey WEST = QuarticKernelTest.tileAt(Z, 100.0, 30.0);
    private static final TileKey EAST = TileKey.of(Z, WEST.x() + 1, WEST.y());
    // west edge of the EAST tile, and the middle latitude of the tiles
    private static final double BORDER_LON = (WEST.x() + 1) / Math.pow(2, Z) * 360 - 180;
    private static final double MID_LAT = KernelReference.latOfPixel(Z, WEST.y() * 256 + 127.5);

    /** March 2001: 10 incidents, offsets in degrees from the border (≈ 96 m per 0.001° of longitude here). */
    private static final double[][] MARCH = {
        {-0.0030, 0.0002, 1}, {-0.0012, -0.0004, 1}, {-0.0008, 0.0001, 1}, {-0.0008, 0.0001, 1}, {-0.0002, 0.0006, 1},
        {0.0003, -0.0002, 1}, {0.0009, 0.0003, 1}, {0.0011, -0.0009, 1}, {0.0020, 0.0000, 1}, {0.0004, 0.0011, 1}
    };
    /** February 2001: 4 incidents, the comparison period of the difference mode. */
    private static final double[][] FEBRUARY = {
        {-0.0006, 0.0000, 1}, {0.0001, 0.0003, 1}, {0.0005, -0.0005, 1}, {0.0015, 0.0004, 1}
    };

    @Autowired
    HeatmapService heatmaps;

    @Autowired
    HeatmapBlocks blocks;

    @Autowired
    HeatmapRepository incidents;

    @BeforeAll
    void insertFixture() {
        removeFixture();
        insert(MARCH, "2001-03-10T09:00:00+08:00", "M");
        insert(FEBRUARY, "2001-02-12T09:00:00+08:00", "F");
        heatmaps.refresh();
    }

    @AfterAll
    void removeFixture() {
        jdbc.sql("DELETE FROM incident WHERE external_id LIKE 'HMFIX-%'").update();
        heatmaps.refresh();
    }

    private void insert(double[][] offsets, String reportedAt, String tag) {
        for (int k = 0; k < offsets.length; k++) {
            jdbc.sql(
                            """
                    INSERT INTO incident (external_id, source, category_code, category_big, reported_at, status,
                      location, geocode_quality, street_code, community_code)
                    VALUES (:id, 'patrol', '0101', '01', CAST(:t AS timestamptz), 'reported',
                      ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 'coordinates', :street, :community)""")
                    .param("id", "HMFIX-" + tag + k)
                    .param("t", reportedAt)
                    .param("lon", BORDER_LON + offsets[k][0])
                    .param("lat", MID_LAT + offsets[k][1])
                    .param("street", STREET)
                    .param("community", COMMUNITY)
                    .update();
        }
    }

    private static double[][] absolute(double[][] offsets) {
        List<double[]> out = new ArrayList<>();
        for (double[] o : offsets) out.add(new double[] {BORDER_LON + o[0], MID_LAT + o[1], o[2]});
        return out.toArray(new double[0][]);
    }

    private HeatmapFilter march(String extra) {
        return heatmaps.filter(SUPERVISOR, HeatmapController.params(query("from=2001-03&to=2001-03" + extra)));
    }

    private static java.util.Map<String, String> query(String q) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String kv : q.split("&")) if (!kv.isEmpty()) m.put(kv.split("=")[0], kv.split("=", 2)[1]);
        return m;
    }

    private static double reference(TileKey t, int i, int j, double[][] points, double radius) {
        return KernelReference.density(
                KernelReference.lonOfPixel(t.z(), t.x() * 256L + i),
                KernelReference.latOfPixel(t.z(), t.y() * 256L + j),
                points,
                radius,
                1);
    }

    @Test
    void tileDensityEqualsTheIndependentKernelSum() {
        assertThat(heatmaps.source(SUPERVISOR, WEST.grid(), march(""))).isEqualTo(HeatmapService.Source.POINTS);
        double[] d = heatmaps.tileDensity(SUPERVISOR, WEST, march(""));
        double[][] points = absolute(MARCH);
        double max = 0;
        for (int j = 0; j < 256; j++) {
            for (int i = 0; i < 256; i++) {
                double expected = reference(WEST, i, j, points, 150);
                assertEquals(expected, d[j * 256 + i], 1e-6 * expected + 1e-9, "pixel " + i + "," + j);
                max = Math.max(max, expected);
            }
        }
        assertThat(max).isGreaterThan(100);
    }

    @Test
    void neighbouringTilesMatchAtTheirEdges() {
        double[] west = heatmaps.tileDensity(SUPERVISOR, WEST, march(""));
        double[] east = heatmaps.tileDensity(SUPERVISOR, EAST, march(""));
        double[][] all = absolute(MARCH);
        double[][] westOnly =
                java.util.Arrays.stream(all).filter(p -> p[0] < BORDER_LON).toArray(double[][]::new);
        boolean marginMatters = false;
        for (int j = 0; j < 256; j++) {
            double expectedWestEdge = reference(WEST, 255, j, all, 150);
            double expectedEastEdge = reference(EAST, 0, j, all, 150);
            assertEquals(expectedWestEdge, west[j * 256 + 255], 1e-6 * expectedWestEdge + 1e-9);
            assertEquals(expectedEastEdge, east[j * 256], 1e-6 * expectedEastEdge + 1e-9);
            // the edges of the two tiles differ by one pixel (≈ 2 m) only: at most one colour class apart
            assertThat(Math.abs(DensityScale.classOf(west[j * 256 + 255]) - DensityScale.classOf(east[j * 256])))
                    .isLessThanOrEqualTo(1);
            if (Math.abs(reference(WEST, 255, j, westOnly, 150) - expectedWestEdge) > 1) marginMatters = true;
        }
        assertThat(marginMatters)
                .as("points of the east tile reach the west tile's edge")
                .isTrue();
        // and the PNGs served carry the colours of those densities at the edge pixels
        BufferedImage westPng =
                png("/api/heatmap/%d/%d/%d.png?from=2001-03&to=2001-03".formatted(Z, WEST.x(), WEST.y()));
        BufferedImage eastPng =
                png("/api/heatmap/%d/%d/%d.png?from=2001-03&to=2001-03".formatted(Z, EAST.x(), EAST.y()));
        for (int j = 0; j < 256; j++) {
            assertEquals(
                    DensityScale.argb(reference(WEST, 255, j, all, 150), false),
                    westPng.getRGB(255, j),
                    "west row " + j);
            assertEquals(
                    DensityScale.argb(reference(EAST, 0, j, all, 150), false), eastPng.getRGB(0, j), "east row " + j);
        }
    }

    @Test
    void cellsOfZoom14AgreeWithTheExactSurface() {
        TileKey t = QuarticKernelTest.tileAt(14, BORDER_LON, MID_LAT);
        double[] d = heatmaps.tileDensity(SUPERVISOR, t, march(""));
        double[][] points = absolute(MARCH);
        double maxExpected = 0, maxError = 0;
        for (int j = 0; j < 256; j++) {
            for (int i = 0; i < 256; i++) {
                double e = reference(t, i, j, points, 150);
                maxExpected = Math.max(maxExpected, e);
                maxError = Math.max(maxError, Math.abs(e - d[j * 256 + i]));
            }
        }
        // cells are the pixels of zoom 14 (≈ 8 m here): points move by at most half a cell
        assertThat(maxExpected).isGreaterThan(100);
        assertThat(maxError).isLessThan(0.08 * maxExpected);
    }

    @ParameterizedTest
    @CsvSource({"14,''", "14,&category=01", "14,&weight=open", "14,&mode=difference", "11,''", "8,''", "5,''"})
    void blocksCarryTheSameCellsAsTheIncidentsSnappedToPixels(int z, String extra) {
        TileKey t = QuarticKernelTest.tileAt(z, BORDER_LON, MID_LAT);
        HeatmapFilter f = march(extra);
        PixelGrid g = t.grid();
        assertThat(heatmaps.source(SUPERVISOR, g, f)).isEqualTo(HeatmapService.Source.BLOCKS);
        int level = Math.max(8, z);
        double m = HeatmapService.marginMercator(g, f.radius());
        WeightedPoints fromBlocks =
                blocks.read(SUPERVISOR, f, level, g.minX() - m, g.minY() - m, g.maxX() + m, g.maxY() + m);
        WeightedPoints snapped =
                incidents.incidents(SUPERVISOR, f, level, g.minX() - m, g.minY() - m, g.maxX() + m, g.maxY() + m);
        // hand-counted: the fixture's March incidents are all of category 0101, open, 10 in March and 4 in February
        double expectedTotal = extra.contains("difference") ? 10 - 4 : 10;
        assertEquals(expectedTotal, fromBlocks.total(), 1e-9);
        assertEquals(snapped.total(), fromBlocks.total(), 1e-9);
        double[] a = QuarticKernel.density(g, fromBlocks, f.radius());
        double[] b = QuarticKernel.density(g, snapped, f.radius());
        for (int k = 0; k < a.length; k++) assertEquals(b[k], a[k], 1e-9 * Math.abs(b[k]) + 1e-9, "pixel " + k);
    }

    /**
     * Filters: the fixture's March incidents are all patrol reports of category 0101 (big class 01), status reported,
     * with no resolution level and no satisfaction. A tile with matching filters is the kernel sum over them — at
     * exact positions from zoom 15 (from the packed point blocks, every filter), at the centres of their pixels below
     * (from the point blocks at zooms 13–14, from the incidents below) — and one with a filter none of them matches is
     * empty.
     */
    @ParameterizedTest
    @CsvSource({
        "16,&source=patrol&status=reported,true",
        "16,&source=video,false",
        "16,&category=01,true",
        "16,&category=0101,true",
        "16,&category=02,false",
        "16,&weight=open,true",
        "16,&weight=dissatisfied,false",
        "16,&level=community,false",
        "15,&source=patrol&category=01,true",
        "15,&status=closed,false",
        "14,&source=patrol,true",
        "14,&source=patrol&status=reported,true",
        "14,&level=community,false",
        "14,&source=patrol&category=01&weight=open,true",
        "14,&status=closed,false",
        "13,&source=patrol,true",
        "13,&source=desk,false",
        "12,&source=patrol,true",
        "11,&status=reported,true"
    })
    void filteredTilesEqualTheKernelSumOverTheMatchingIncidents(int z, String extra, boolean matches) {
        TileKey t = QuarticKernelTest.tileAt(z, BORDER_LON, MID_LAT);
        HeatmapFilter f = march(extra);
        assertThat(heatmaps.source(SUPERVISOR, t.grid(), f))
                .isEqualTo(
                        z >= 15
                                ? HeatmapService.Source.POINTS
                                : z >= 13 ? HeatmapService.Source.POINTS_SNAPPED : HeatmapService.Source.SNAPPED);
        double[] d = heatmaps.tileDensity(SUPERVISOR, t, f);
        double[][] points = z >= 15 ? absolute(MARCH) : snappedToPixels(z, absolute(MARCH));
        double max = 0;
        for (int j = 0; j < 256; j++) {
            for (int i = 0; i < 256; i++) {
                double expected = matches ? reference(t, i, j, points, 150) : 0;
                assertEquals(expected, d[j * 256 + i], 1e-6 * expected + 1e-9, "pixel " + i + "," + j);
                max = Math.max(max, expected);
            }
        }
        if (matches) assertThat(max).isGreaterThan(z <= 12 ? 10 : 100);
    }

    /** Points moved to the centre of their pixel of zoom z (slippy-map formulas, as the reference). */
    private static double[][] snappedToPixels(int z, double[][] points) {
        double n = 256 * Math.pow(2, z);
        double[][] out = new double[points.length][];
        for (int k = 0; k < points.length; k++) {
            double lat = Math.toRadians(points[k][1]);
            double col = Math.floor((points[k][0] + 180) / 360 * n);
            double row = Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
            out[k] =
                    new double[] {KernelReference.lonOfPixel(z, col), KernelReference.latOfPixel(z, row), points[k][2]};
        }
        return out;
    }

    @Test
    void aSupervisorOfAnotherStreetSeesNothingOfItFromTheBlocks() {
        Scope other = new Scope(Scope.SUPERVISOR, "330212009", null);
        TileKey t = QuarticKernelTest.tileAt(14, BORDER_LON, MID_LAT);
        HeatmapFilter f = heatmaps.filter(other, HeatmapController.params(query("from=2001-03&to=2001-03")));
        assertThat(heatmaps.source(other, t.grid(), f)).isEqualTo(HeatmapService.Source.BLOCKS);
        assertThat(java.util.Arrays.stream(heatmaps.tileDensity(other, t, f))
                        .max()
                        .orElseThrow())
                .isZero();
        assertThat(java.util.Arrays.stream(heatmaps.tileDensity(SUPERVISOR, t, march("")))
                        .max()
                        .orElseThrow())
                .isGreaterThan(100);
    }

    @Test
    void anImportRebuildsOnlyItsMonthAndTilesStayCorrectMeanwhile() {
        double[][] april = {{0.0001, 0.0001, 1}, {0.0002, -0.0003, 1}};
        try {
            insert(april, "2001-04-03T09:00:00+08:00", "A");
            assertThat(blocks.dirtyMonths()).containsExactly(java.time.LocalDate.of(2001, 4, 1));
            TileKey t = QuarticKernelTest.tileAt(14, BORDER_LON, MID_LAT);
            HeatmapFilter f = heatmaps.filter(SUPERVISOR, HeatmapController.params(query("from=2001-03&to=2001-04")));
            // stale month: served from the incidents until rebuilt, already counting April
            assertThat(heatmaps.source(SUPERVISOR, t.grid(), f)).isEqualTo(HeatmapService.Source.SNAPPED);
            double[] stale = heatmaps.tileDensity(SUPERVISOR, t, f);
            assertThat(blocks.refreshAll()).isEqualTo(1);
            assertThat(heatmaps.source(SUPERVISOR, t.grid(), f)).isEqualTo(HeatmapService.Source.BLOCKS);
            double[] fresh = heatmaps.tileDensity(SUPERVISOR, t, f);
            double[][] both = java.util.stream.Stream.concat(
                            java.util.Arrays.stream(absolute(MARCH)), java.util.Arrays.stream(absolute(april)))
                    .map(p -> new double[] {p[0], p[1], 0.5}) // two months: half an incident per month each
                    .toArray(double[][]::new);
            double maxExpected = 0, maxError = 0;
            for (int j = 0; j < 256; j++) {
                for (int i = 0; i < 256; i++) {
                    double e = KernelReference.density(
                            KernelReference.lonOfPixel(14, t.x() * 256L + i),
                            KernelReference.latOfPixel(14, t.y() * 256L + j),
                            both,
                            150,
                            1);
                    maxExpected = Math.max(maxExpected, e);
                    maxError = Math.max(maxError, Math.abs(e - fresh[j * 256 + i]));
                    assertEquals(stale[j * 256 + i], fresh[j * 256 + i], 1e-9 * e + 1e-9);
                }
            }
            assertThat(maxExpected).isGreaterThan(50);
            assertThat(maxError).isLessThan(0.08 * maxExpected);
            // zoom 16: exact positions from the incidents while stale, from the point blocks once rebuilt
            insert(new double[][] {{0.0003, 0.0001, 1}}, "2001-04-20T09:00:00+08:00", "A9");
            assertThat(heatmaps.source(SUPERVISOR, EAST.grid(), f)).isEqualTo(HeatmapService.Source.INCIDENTS);
            double[] staleExact = heatmaps.tileDensity(SUPERVISOR, EAST, f);
            blocks.refreshAll();
            assertThat(heatmaps.source(SUPERVISOR, EAST.grid(), f)).isEqualTo(HeatmapService.Source.POINTS);
            double[] freshExact = heatmaps.tileDensity(SUPERVISOR, EAST, f);
            double[][] all = java.util.stream.Stream.of(
                            absolute(MARCH), absolute(april), absolute(new double[][] {{0.0003, 0.0001, 1}}))
                    .flatMap(java.util.Arrays::stream)
                    .map(p -> new double[] {p[0], p[1], 0.5})
                    .toArray(double[][]::new);
            for (int j = 0; j < 256; j++) {
                for (int i = 0; i < 256; i++) {
                    double e = reference(EAST, i, j, all, 150);
                    assertEquals(e, staleExact[j * 256 + i], 1e-6 * e + 1e-9, "stale pixel " + i + "," + j);
                    assertEquals(e, freshExact[j * 256 + i], 1e-6 * e + 1e-9, "fresh pixel " + i + "," + j);
                }
            }
        } finally {
            jdbc.sql("DELETE FROM incident WHERE external_id LIKE 'HMFIX-A%'").update();
            blocks.refreshAll();
        }
    }

    @Test
    void differenceIsThisPeriodMinusTheComparisonPeriod() {
        double[] d = heatmaps.tileDensity(SUPERVISOR, WEST, march("&mode=difference"));
        double[][] march = absolute(MARCH), feb = absolute(FEBRUARY);
        for (int j = 0; j < 256; j += 5) {
            for (int i = 0; i < 256; i += 5) {
                double e = reference(WEST, i, j, march, 150) - reference(WEST, i, j, feb, 150);
                assertEquals(e, d[j * 256 + i], 1e-6 * Math.abs(e) + 1e-9);
            }
        }
    }

    @Test
    void aGridChiefSeesTheExactSurfaceOfTheCommunityFromThePointBlocks() {
        Scope chief = new Scope(Scope.GRID_CHIEF, STREET, COMMUNITY);
        HeatmapFilter f = heatmaps.filter(chief, HeatmapController.params(query("from=2001-03&to=2001-03")));
        assertThat(heatmaps.source(chief, EAST.grid(), f)).isEqualTo(HeatmapService.Source.POINTS);
        double[] d = heatmaps.tileDensity(chief, EAST, f);
        double[][] points = absolute(MARCH);
        for (int j = 0; j < 256; j++) {
            for (int i = 0; i < 256; i++) {
                double expected = reference(EAST, i, j, points, 150);
                assertEquals(expected, d[j * 256 + i], 1e-6 * expected + 1e-9, "pixel " + i + "," + j);
            }
        }
    }

    @Test
    void aGridChiefSeesTheCommunityAtZoom14FromThePointBlocksSnappedToPixels() {
        Scope chief = new Scope(Scope.GRID_CHIEF, STREET, COMMUNITY);
        TileKey t = QuarticKernelTest.tileAt(14, BORDER_LON, MID_LAT);
        HeatmapFilter f = heatmaps.filter(chief, HeatmapController.params(query("from=2001-03&to=2001-03")));
        assertThat(heatmaps.source(chief, t.grid(), f)).isEqualTo(HeatmapService.Source.POINTS_SNAPPED);
        double[] d = heatmaps.tileDensity(chief, t, f);
        double[][] points = snappedToPixels(14, absolute(MARCH));
        double max = 0;
        for (int j = 0; j < 256; j++) {
            for (int i = 0; i < 256; i++) {
                double expected = reference(t, i, j, points, 150);
                assertEquals(expected, d[j * 256 + i], 1e-6 * expected + 1e-9, "pixel " + i + "," + j);
                max = Math.max(max, expected);
            }
        }
        assertThat(max).isGreaterThan(100);
        Scope other = new Scope(Scope.GRID_CHIEF, STREET, "330212008002");
        assertThat(java.util.Arrays.stream(heatmaps.tileDensity(other, t, f))
                        .max()
                        .orElseThrow())
                .isZero();
    }

    @Test
    void aGridChiefOfAnotherCommunitySeesNothingOfIt() {
        Scope other = new Scope(Scope.GRID_CHIEF, STREET, "330212008002");
        HeatmapFilter f = heatmaps.filter(other, HeatmapController.params(query("from=2001-03&to=2001-03")));
        assertThat(java.util.Arrays.stream(heatmaps.tileDensity(other, WEST, f))
                        .max()
                        .orElseThrow())
                .isZero();
    }

    @Test
    void geotiffCarriesTheCrsAndTheDensity() throws Exception {
        String bbox = "%f,%f,%f,%f".formatted(BORDER_LON - 0.004, MID_LAT - 0.003, BORDER_LON + 0.004, MID_LAT + 0.003);
        byte[] tif = bytes("/api/heatmap.tif?from=2001-03&to=2001-03&resolution=5&bbox=" + bbox);
        assertThat(new String(tif, 0, 2, StandardCharsets.US_ASCII)).isIn("II", "MM");
        Path file = Files.createTempFile("heatmap", ".tif");
        Files.write(file, tif);
        Process p = new ProcessBuilder("gdalinfo", "-stats", file.toString())
                .redirectErrorStream(true)
                .start();
        String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Files.delete(file);
        assertThat(info).contains("Pseudo-Mercator").contains("Float32");
        byte[] png = bytes("/api/heatmap.png?from=2001-03&to=2001-03&resolution=5&bbox=" + bbox);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isGreaterThan(230);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/heatmap/16/1/1.png?category=99|category",
                "/api/heatmap/16/1/1.png?from=2026-05&to=2026-01|to",
                "/api/heatmap/16/1/1.png?from=2026-13|from",
                "/api/heatmap/23/1/1.png|z",
                "/api/heatmap/3/9/1.png|x",
                "/api/heatmap/16/1/1.png?radius=0|radius",
                "/api/heatmap/16/1/1.png?radius=100000|radius",
                "/api/heatmap/16/1/1.png?source=fax|source",
                "/api/heatmap/16/1/1.png?weight=heavy|weight",
                "/api/heatmap.tif?bbox=170,80,190,85|bbox",
                "/api/heatmap.tif?bbox=100,86,101,87|bbox",
                "/api/heatmap.tif|bbox",
                "/api/heatmap.tif?bbox=100,30,110,40&resolution=1|resolution"
            })
    void badInputIsAProblemNamingTheParameter(String path, String parameter) {
        var answer = as("supervisor").get(path);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("parameter").asString()).isEqualTo(parameter);
    }

    private BufferedImage png(String path) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes(path)));
            assertThat(img.getWidth()).isEqualTo(256);
            return img;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString(
                                                                    "supervisor:demo".getBytes(StandardCharsets.UTF_8)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
