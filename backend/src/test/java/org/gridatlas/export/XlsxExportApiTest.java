package org.gridatlas.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;

/** POST /api/export/xlsx: the table comes back as a workbook that POI reads back cell by cell. */
class XlsxExportApiTest extends PostgisIntegrationTest {
    private static final String TABLE =
            """
            {"fileName": "网格覆盖_2026-11-23", "sheet": "网格",
             "headers": ["网格编码", "户数", "每名专职网格员户数", "备注"],
             "rows": [["330102001001001", 412, 206.5, "=HYPERLINK(\\"x\\")"],
                      ["330102001001002", 0, null, "无专职网格员"]]}""";

    @Test
    void tableComesBackAsWorkbookWithNumbersAsNumbers() throws Exception {
        HttpResponse<byte[]> r = as("planner").postJsonForBytes("/api/export/xlsx", TABLE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                .contains("filename*=UTF-8''%E7%BD%91%E6%A0%BC%E8%A6%86%E7%9B%96_2026-11-23.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = book.getSheet("网格");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("每名专职网格员户数");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("330102001001001");
            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(412.0);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(206.5);
            // text that looks like a formula stays text
            assertThat(sheet.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
            assertThat(sheet.getRow(2).getCell(2)).isNull();
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("无专职网格员");
        }
    }

    @Test
    void raggedRowIsNamed() {
        Api.Answer a = as("planner")
                .postJson(
                        "/api/export/xlsx",
                        """
                        {"fileName": "x", "sheet": "s", "headers": ["a", "b"], "rows": [[1, 2], [3]]}""");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).contains("application/problem+json");
        assertThat(a.json().path("parameter").asString()).isEqualTo("rows[1]");
    }

    @Test
    void badSheetNameAndMissingFileNameAreNamed() {
        Api.Answer sheet = as("planner")
                .postJson(
                        "/api/export/xlsx",
                        """
                        {"fileName": "x", "sheet": "a:b", "headers": ["a"], "rows": []}""");
        assertThat(sheet.status()).isEqualTo(400);
        assertThat(sheet.json().path("parameter").asString()).isEqualTo("sheet");
        Api.Answer file = as("planner")
                .postJson(
                        "/api/export/xlsx",
                        """
                        {"sheet": "s", "headers": ["a"], "rows": []}""");
        assertThat(file.status()).isEqualTo(400);
        assertThat(file.json().path("parameter").asString()).isEqualTo("fileName");
    }

    @Test
    void objectCellIsRefused() {
        Api.Answer a = as("planner")
                .postJson(
                        "/api/export/xlsx",
                        """
                        {"fileName": "x", "sheet": "s", "headers": ["a"], "rows": [[{"k": 1}]]}""");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("parameter").asString()).isEqualTo("rows[0][0]");
    }

    @Test
    void anonymousIsRefused() {
        // without a session there is no XSRF token either: refused before the controller (401 or 403), no file
        Api.Answer a = anonymous().postJson("/api/export/xlsx", TABLE);
        assertThat(a.status()).isIn(401, 403);
        assertThat(a.contentType()).doesNotContain("spreadsheetml");
    }
}
