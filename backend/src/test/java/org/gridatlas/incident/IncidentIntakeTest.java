package org.gridatlas.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incident files as offices send them, through POST /api/imports, against the sample street. Fixtures and their
 * expected grids: src/test/resources/fixtures/incident (README.md, expected.json, made by make_fixtures.py).
 */
class IncidentIntakeTest extends PostgisIntegrationTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/incident");
    static final JsonNode EXPECTED = JsonMapper.builder().build().readTree(read("expected.json"));

    @TempDir
    Path tmp;

    private static String read(String name) {
        try {
            return Files.readString(FIXTURES.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String grid(String externalId) {
        return jdbc.sql("SELECT grid_code FROM incident WHERE external_id = :e")
                .param("e", externalId)
                .query(String.class)
                .optional()
                .orElse("(not stored)");
    }

    private Map<String, Object> incident(String externalId) {
        return jdbc.sql(
                        """
                        SELECT i.status, i.geocode_quality, i.resolution_level, i.satisfaction, b.code AS building,
                               i.grid_code, i.reported_at::text AS reported, i.closed_at::text AS closed
                        FROM incident i LEFT JOIN building b ON b.id = i.building_id WHERE i.external_id = :e""")
                .param("e", externalId)
                .query()
                .singleRow();
    }

    @Test
    void gbkHotlineExportWithChineseHeadersIsDetectedMappedGeocodedAndUpdatedNextDay() throws Exception {
        Api.Answer a =
                as("supervisor").upload("/api/imports", FIXTURES.resolve("hotline_gbk.csv"), "kind", "incidents");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        JsonNode s = a.json();
        assertThat(s.get("encoding").asString()).isEqualTo("GB18030");
        assertThat(s.get("read").asInt()).isEqualTo(7);
        assertThat(s.get("inserted").asInt()).isEqualTo(7);
        assertThat(s.get("unmatched").asInt()).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            assertThat(grid("RX-2026-000" + (i + 1)))
                    .isEqualTo(EXPECTED.get("points").get(i).get("grid").asString());
        }
        Map<String, Object> first = incident("RX-2026-0001");
        assertThat(first.get("status")).isEqualTo("closed");
        assertThat(first.get("resolution_level")).isEqualTo("community");
        assertThat(first.get("reported")).isEqualTo("2026-03-10 00:00:00+00"); // 2026/3/10 8:00:00 in Shanghai
        assertThat(first.get("closed")).isEqualTo("2026-03-11 01:30:00+00"); // 2026年3月11日 9时30分
        Map<String, Object> exact = incident("RX-2026-0005");
        assertThat(exact.get("geocode_quality")).isEqualTo("exact");
        assertThat(exact.get("building"))
                .isEqualTo(EXPECTED.at("/address_exact/building").asString());
        assertThat(exact.get("grid_code"))
                .isEqualTo(EXPECTED.at("/address_exact/grid").asString());
        Map<String, Object> variant = incident("RX-2026-0006");
        assertThat(variant.get("geocode_quality")).isEqualTo("exact"); // full-width, 栋, prefix, unit and room
        assertThat(variant.get("building"))
                .isEqualTo(EXPECTED.at("/address_variant/building").asString());
        assertThat(incident("RX-2026-0007").get("geocode_quality")).isEqualTo("unmatched");

        // the next day's export: a repeated row, two changed rows, one new: nothing duplicated
        Api.Answer nextAnswer = as("supervisor")
                .upload("/api/imports", FIXTURES.resolve("hotline_gbk_next_day.csv"), "kind", "incidents");
        assertThat(nextAnswer.status()).as(nextAnswer.body()).isEqualTo(201);
        JsonNode next = nextAnswer.json();
        assertThat(next.get("read").asInt()).isEqualTo(5);
        assertThat(next.get("inserted").asInt()).isEqualTo(1);
        assertThat(next.get("updated").asInt()).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM incident WHERE external_id LIKE 'RX-2026-%'"))
                .isEqualTo(8);
        Map<String, Object> closed = incident("RX-2026-0005");
        assertThat(closed.get("status")).isEqualTo("closed");
        assertThat(closed.get("resolution_level")).isEqualTo("street");
        assertThat(((Number) closed.get("satisfaction")).intValue()).isEqualTo(4);
        assertThat(closed.get("building")).as("the geocode survives the update").isNotNull();
        assertThat(grid("RX-2026-0008"))
                .isEqualTo(EXPECTED.get("points").get(0).get("grid").asString());
    }

    @Test
    void aChangedAddressThatNoLongerGeocodesGoesToTheReviewQueueInsteadOfKeepingItsOldGrid() throws Exception {
        JsonNode building = EXPECTED.get("points").get(0);
        String header = "external_id,source,category_big,category_small,reported_at,address\n";
        Path first = tmp.resolve("regeo-1.csv");
        Files.writeString(
                first,
                header + "REGEO-1,巡查,市容环境,暴露垃圾,2026-03-13 08:05,"
                        + building.get("address").asString() + "\n",
                java.nio.charset.StandardCharsets.UTF_8);
        Api.Answer a = as("supervisor").upload("/api/imports", first, "kind", "incidents");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(incident("REGEO-1").get("geocode_quality")).isEqualTo("exact");
        assertThat(grid("REGEO-1")).isEqualTo(building.get("grid").asString());

        // the same row again, same address: the geocode stays (nothing to do again)
        a = as("supervisor").upload("/api/imports", first, "kind", "incidents");
        assertThat(a.json().get("updated").asInt()).isEqualTo(1);
        assertThat(grid("REGEO-1")).isEqualTo(building.get("grid").asString());

        // the address corrected to one no building has: the old building, grid and community must not stay
        Path second = tmp.resolve("regeo-2.csv");
        Files.writeString(
                second,
                header + "REGEO-1,巡查,市容环境,暴露垃圾,2026-03-13 08:05,无名路1号无名小区99幢\n",
                java.nio.charset.StandardCharsets.UTF_8);
        a = as("supervisor").upload("/api/imports", second, "kind", "incidents");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().get("updated").asInt()).isEqualTo(1);
        assertThat(a.json().get("unmatched").asInt()).isEqualTo(1);
        Map<String, Object> moved = incident("REGEO-1");
        assertThat(moved.get("geocode_quality")).isEqualTo("unmatched");
        assertThat(moved.get("building")).isNull();
        assertThat(moved.get("grid_code")).isNull();
        assertThat(count("SELECT count(*) FROM incident WHERE external_id = 'REGEO-1' AND location IS NULL"
                        + " AND community_code IS NULL AND street_code IS NULL AND grid_plan_id IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void geoJsonPointsWithChineseNamesArePlacedAndOneWithoutGeometryIsGeocoded() throws Exception {
        Api.Answer a = as("supervisor")
                .upload("/api/imports", FIXTURES.resolve("snapshot_points.geojson"), "kind", "incidents");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        JsonNode s = a.json();
        assertThat(s.get("format").asString()).isEqualTo("geojson");
        assertThat(s.get("read").asInt()).isEqualTo(3);
        assertThat(s.get("inserted").asInt()).isEqualTo(3);
        assertThat(s.get("unmatched").asInt()).isEqualTo(0);
        JsonNode points = EXPECTED.get("points");
        assertThat(grid("GJ-1")).isEqualTo(points.get(0).get("grid").asString());
        assertThat(grid("GJ-2")).isEqualTo(points.get(1).get("grid").asString());
        Map<String, Object> byAddress = incident("GJ-3");
        assertThat(byAddress.get("geocode_quality")).isEqualTo("exact");
        assertThat(byAddress.get("building"))
                .isEqualTo(points.get(2).get("building").asString());
        assertThat(byAddress.get("grid_code"))
                .isEqualTo(points.get(2).get("grid").asString());
        assertThat(incident("GJ-1").get("reported")).isEqualTo("2026-03-13 00:05:00+00"); // 08:05 in Shanghai

        // a line instead of a point is named by row and field; skipBadRows keeps the good feature
        Path bad = tmp.resolve("bad.geojson");
        Files.writeString(
                bad,
                """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"LineString","coordinates":[[121.54,29.82],[121.55,29.83]]},
                  "properties":{"id":"GJ-4","source":"snapshot","大类":"市容环境","小类":"暴露垃圾",
                                "reported_at":"2026-03-13 10:00"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
                  "properties":{"id":"GJ-5","source":"snapshot","大类":"市容环境","小类":"暴露垃圾",
                                "reported_at":"2026-03-13 10:00"}}]}"""
                        .formatted(
                                points.get(3).get("lon").asString(),
                                points.get(3).get("lat").asString()),
                java.nio.charset.StandardCharsets.UTF_8);
        Api.Answer b = as("supervisor").upload("/api/imports", bad, "kind", "incidents", "skipBadRows", "true");
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        assertThat(b.json().get("inserted").asInt()).isEqualTo(1);
        assertThat(b.json().get("rejected").asInt()).isEqualTo(1);
        JsonNode reject = b.json().get("rejects").get(0);
        assertThat(reject.get("row").asInt()).isEqualTo(1);
        assertThat(reject.get("field").asString()).isEqualTo("geometry");
        assertThat(grid("GJ-5")).isEqualTo(points.get(3).get("grid").asString());
        assertThat(grid("GJ-4")).isEqualTo("(not stored)");
    }

    @Test
    void gcj02SnapshotExportIsConvertedAndASwappedPairIsTurnedBack() throws Exception {
        Api.Answer a = as("supervisor")
                .upload("/api/imports", FIXTURES.resolve("snapshot_gcj02.csv"), "kind", "incidents", "datum", "GCJ-02");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().get("inserted").asInt()).isEqualTo(4);
        assertThat(a.json().get("swapped").asInt()).isEqualTo(1);
        assertThat(a.json().get("encoding").asString()).isEqualTo("UTF-8");
        for (int i = 0; i < 4; i++) {
            JsonNode p = EXPECTED.get("points").get(i);
            assertThat(grid("SSP-G-" + (i + 1))).isEqualTo(p.get("grid").asString());
            double metres = jdbc.sql(
                            """
                            SELECT ST_Distance(location::geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography)
                            FROM incident WHERE external_id = :e""")
                    .param("lon", p.get("lon").asDouble())
                    .param("lat", p.get("lat").asDouble())
                    .param("e", "SSP-G-" + (i + 1))
                    .query(Double.class)
                    .single();
            assertThat(metres).as("back on the WGS84 point").isLessThan(0.5);
        }
    }

    @Test
    void theSameSnapshotFileReadAsWgs84IsRefusedAsFarOutsideNothingStored() throws Exception {
        // without the datum the points are ~500 m off: still inside the margin, so use a Beijing point instead
        Path f = tmp.resolve("beijing.csv");
        Files.writeString(
                f,
                "工单编号,来源,大类,小类,上报时间,经度,纬度\nFAR-1,巡查,市容环境,暴露垃圾,2026-03-13 08:05,116.397,39.909\n",
                StandardCharsets.UTF_8);
        Api.Answer a = as("supervisor").upload("/api/imports", f, "kind", "incidents");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        JsonNode e = a.json().get("errors").get(0);
        assertThat(e.get("row").asInt()).isEqualTo(1);
        assertThat(e.get("field").asString()).isEqualTo("经度");
        assertThat(e.get("reason").asString()).contains("outside 中河街道");
        assertThat(count("SELECT count(*) FROM incident WHERE external_id = 'FAR-1'"))
                .isZero();
    }

    @Test
    void brokenRowsAreAllNamedAndNothingIsStoredByDefault() throws Exception {
        Api.Answer a = as("supervisor").upload("/api/imports", FIXTURES.resolve("broken.csv"), "kind", "incidents");
        assertThat(a.status()).isEqualTo(422);
        JsonNode errors = a.json().get("errors");
        java.util.Set<Integer> rows = new java.util.TreeSet<>();
        errors.forEach(e -> rows.add(e.get("row").asInt()));
        assertThat(rows).containsExactly(2, 3, 4, 5, 6, 7, 9, 10, 11, 12);
        assertThat(errors.toString())
                .contains("\"field\":\"reported_at\"", "\"field\":\"category_small\"", "\"field\":\"source\"")
                .contains("\"field\":\"closed_at\"", "\"field\":\"satisfaction\"", "\"field\":\"lat\"");
        assertThat(count("SELECT count(*) FROM incident WHERE external_id LIKE 'BRK-%'"))
                .isZero();
    }

    @Test
    void skipBadRowsStoresTheGoodOnesAndReportsTheRestWithoutPersonalData() throws Exception {
        JsonNode s = as("supervisor")
                .upload("/api/imports", FIXTURES.resolve("broken.csv"), "kind", "incidents", "skipBadRows", "true")
                .json();
        assertThat(s.get("status").asString()).isEqualTo("succeeded");
        assertThat(s.get("read").asInt()).isEqualTo(12);
        assertThat(s.get("inserted").asInt()).isEqualTo(2);
        assertThat(s.get("rejected").asInt()).isEqualTo(10);
        assertThat(incident("BRK-8").get("geocode_quality")).isEqualTo("exact");
        Api.Answer report = as("supervisor").get(s.get("rejectReport").asString());
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/csv");
        String csv = report.body();
        assertThat(csv).contains("row,field,reason,original_row").contains("BRK-6");
        assertThat(csv)
                .as("the reporter's phone is masked")
                .doesNotContain("13812345678")
                .contains("***");
        assertThat(csv.lines()
                        .filter(l -> l.matches("^\\d+,.*"))
                        .map(l -> l.split(",")[0])
                        .distinct()
                        .count())
                .isEqualTo(10);
    }

    @Test
    void xlsxWithATitleRowAndMergedHeaderCellsIsRead() throws Exception {
        Path f = tmp.resolve("网格事件导出.xlsx");
        JsonNode p0 = EXPECTED.get("points").get(2);
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(f)) {
            Sheet sheet = book.createSheet("事件");
            String[] top = {"事件编号", "来源", "分类", "", "上报时间", "位置", ""};
            String[] sub = {"", "", "大类", "小类", "", "经度", "纬度"};
            book.createSheet("说明");
            row(sheet, 0, "中河街道网格事件导出（2026年3月）", "", "", "", "", "", "");
            row(sheet, 1, top);
            row(sheet, 2, sub);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6)); // the title
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 0)); // 事件编号 down two rows
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 2, 3)); // 分类 over 大类 | 小类
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 4, 4));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 5, 6)); // 位置 over 经度 | 纬度
            Row r = row(sheet, 3, "XL-1", "视频", "街面秩序", "占道经营", "", "", "");
            var date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            r.getCell(4).setCellValue(java.time.LocalDateTime.of(2026, 3, 13, 8, 5));
            r.getCell(4).setCellStyle(date);
            r.getCell(5).setCellValue(p0.get("lon").asDouble());
            r.getCell(6).setCellValue(p0.get("lat").asDouble());
            row(sheet, 4, "XL-2", "巡查", "市容环境", "暴露垃圾", "2026年3月14日", "", "");
            book.write(out);
        }
        Api.Answer a = as("supervisor").upload("/api/imports", f, "kind", "incidents");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().get("format").asString()).isEqualTo("xlsx");
        assertThat(a.json().get("inserted").asInt()).isEqualTo(2);
        assertThat(a.json().get("unmatched").asInt()).isEqualTo(1);
        assertThat(grid("XL-1")).isEqualTo(p0.get("grid").asString());
        assertThat(incident("XL-1").get("reported")).isEqualTo("2026-03-13 00:05:00+00");
    }

    private static Row row(Sheet sheet, int n, String... values) {
        Row r = sheet.createRow(n);
        for (int i = 0; i < values.length; i++) r.createCell(i).setCellValue(values[i]);
        return r;
    }

    @Test
    void previewShowsTheMappingAndTheFirstRows() throws Exception {
        JsonNode p = as("supervisor")
                .upload("/api/imports/preview", FIXTURES.resolve("hotline_gbk.csv"), "kind", "incidents")
                .json();
        assertThat(p.get("encoding").asString()).isEqualTo("GB18030");
        assertThat(p.get("mapping").get("reported_at").asString()).isEqualTo("来电时间");
        assertThat(p.get("mapping").get("lon").asString()).isEqualTo("经度");
        assertThat(p.get("rows")).hasSize(5);
    }

    @Test
    void aBackgroundJobReportsProgressAndFinishes() throws Exception {
        Path f = tmp.resolve("bulk.csv");
        JsonNode p0 = EXPECTED.get("points").get(1);
        StringBuilder b = new StringBuilder("external_id,source,category_big,category_small,reported_at,lon,lat\n");
        for (int i = 0; i < 5000; i++) {
            b.append("BULK-")
                    .append(i)
                    .append(",video,街面秩序,占道经营,2026-03-13T08:05:00+08:00,")
                    .append(p0.get("lon").asString())
                    .append(',')
                    .append(p0.get("lat").asString())
                    .append('\n');
        }
        Files.writeString(f, b, StandardCharsets.UTF_8);
        Api.Answer started = as("supervisor").upload("/api/imports", f, "kind", "incidents", "async", "true");
        assertThat(started.status()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        JsonNode job = started.json();
        for (int i = 0; i < 300 && "running".equals(job.get("status").asString()); i++) {
            Thread.sleep(100);
            job = as("supervisor").get("/api/imports/" + id).json();
        }
        assertThat(job.get("status").asString()).isEqualTo("succeeded");
        assertThat(job.at("/progress/rowsDone").asInt()).isEqualTo(5000);
        assertThat(job.at("/progress/fraction").asDouble()).isEqualTo(1.0);
        assertThat(count("SELECT count(*) FROM incident WHERE external_id LIKE 'BULK-%' AND grid_code = '"
                        + p0.get("grid").asString() + "'"))
                .isEqualTo(5000);
    }

    @Test
    void aGridChiefMayNotImportIncidentsAndBadOptionsAreNamed() throws Exception {
        Path f = FIXTURES.resolve("snapshot_gcj02.csv");
        assertThat(as("chief-330212008001")
                        .upload("/api/imports", f, "kind", "incidents")
                        .status())
                .isEqualTo(403);
        Api.Answer bad = as("supervisor").upload("/api/imports", f, "kind", "incidents", "datum", "mars-2");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("parameter").asString()).isEqualTo("datum");
        Api.Answer mapping =
                as("supervisor").upload("/api/imports", f, "kind", "incidents", "mapping", "address=不存在的列");
        assertThat(mapping.status()).isEqualTo(422);
        assertThat(mapping.json().get("errors").get(0).get("field").asString()).isEqualTo("mapping");
    }
}
