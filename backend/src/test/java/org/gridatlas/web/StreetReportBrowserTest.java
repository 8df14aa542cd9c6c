package org.gridatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridatlas.support.Browser;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The street report on the chief page, in a real headless Chromium: a street-level user (the planner of the sample
 * street) gets one row per community and one for the street, with the households the generator wrote into
 * gis-data/sample/manifest.json, linked to the map, exported as CSV and .xlsx with Chinese headers, in English too.
 */
@Tag("browser")
class StreetReportBrowserTest extends PostgisIntegrationTest {
    private static final Path MANIFEST = Path.of("../gis-data/sample/manifest.json");
    private static final Path SCREENSHOT = Path.of("../docs/screenshots/street-report.png");
    private static final String STREET = "330212008";

    @Test
    void streetUserSeesOneRowPerCommunityLinkedToTheMapAndExported() throws Exception {
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(MANIFEST));
        Map<String, Integer> households = new HashMap<>();
        manifest.get("communities")
                .forEach(c -> households.put(
                        c.get("code").asString(), c.get("households").asInt()));
        households.put(STREET, manifest.get("households").asInt());
        int communities = households.size() - 1;

        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "planner", DEMO_PASSWORD);
            browser.open(baseUrl() + "/chief.html");
            browser.waitFor(By.cssSelector("body[data-ready='true']"));

            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#ga-rollup-table tbody tr"));
            assertThat(rows).hasSize(communities + 1);
            // the generator's planted overlap is drawn hatched (the SVG pattern), as its legend entry
            assertThat(browser.driver().findElements(By.cssSelector("path.ga-fault-overlap")))
                    .hasSize(manifest.get("faults").get("overlaps").size())
                    .allSatisfy(p -> assertThat(p.getDomAttribute("fill")).isEqualTo("url(#ga-cov-hatch)"));
            assertThat(browser.driver().findElements(By.cssSelector("#ga-cov-hatch line")))
                    .hasSize(1);
            // the households column (third shown) of every row equals the generator's count
            for (WebElement row : rows) {
                String code = row.getDomAttribute("data-code");
                String shown =
                        row.findElements(By.tagName("td")).get(2).getText().replace(",", "");
                assertThat(Integer.parseInt(shown)).as(code).isEqualTo(households.get(code));
            }

            // a row zooms the map to its community and is highlighted
            String community = "330212008008";
            WebElement row = browser.driver()
                    .findElement(By.cssSelector("#ga-rollup-table tbody tr[data-code='" + community + "']"));
            browser.script("arguments[0].scrollIntoView({block: 'center'})", row);
            row.click();
            browser.until(d -> d.findElement(By.cssSelector("#ga-rollup-table tbody tr.selected"))
                    .getDomAttribute("data-code")
                    .equals(community));
            double[] box = jdbc.sql("SELECT ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom) FROM community"
                            + " WHERE code = :c")
                    .param("c", community)
                    .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
                    .single();
            // the map's centre ends inside the community's bounding box (polled: the zoom animates)
            browser.until(d -> {
                browser.script(
                        """
                        import('./js/chief.js').then((m) => {
                          const c = m.gaMap.map.getCenter();
                          window.gaCenter = [c.lng, c.lat];
                        });""");
                @SuppressWarnings("unchecked")
                List<Number> c = (List<Number>) browser.script("return window.gaCenter || null");
                return c != null
                        && c.get(0).doubleValue() >= box[0]
                        && c.get(0).doubleValue() <= box[2]
                        && c.get(1).doubleValue() >= box[1]
                        && c.get(1).doubleValue() <= box[3];
            });

            // CSV: Chinese headers, one line per row
            String csv = (String) browser.script("return window.gaCoverage.csv('communities')");
            String[] lines = csv.split("\\r?\\n");
            assertThat(lines[0]).startsWith("层级,编码,名称,网格数");
            assertThat(lines).hasSize(communities + 2);

            browser.screenshot(SCREENSHOT);

            // .xlsx: the workbook the page saves holds the same rows
            byte[] saved = browser.savedFile(By.id("export-communities-xlsx"));
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(saved))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("编码");
                assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("户数");
                assertThat(sheet.getLastRowNum()).isEqualTo(communities + 1);
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    String code = sheet.getRow(i).getCell(1).getStringCellValue();
                    assertThat((int) sheet.getRow(i).getCell(5).getNumericCellValue())
                            .as(code)
                            .isEqualTo(households.get(code));
                }
            }

            // English through the same switch
            browser.driver().findElement(By.id("lang-en")).click();
            browser.until(d -> d.findElement(By.cssSelector("#ga-rollup-table thead"))
                    .getText()
                    .contains("Households"));
            assertThat(browser.driver().findElement(By.id("coverage-panel")).getText())
                    .contains("Roll-up per community (street report)");
        }
    }

    @Test
    void aGridChiefHasNoStreetReport() {
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "chief-330212008008", DEMO_PASSWORD);
            browser.waitFor(By.cssSelector("body[data-ready='true']"));
            assertThat(browser.driver().findElements(By.id("ga-rollup-table"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("ga-coverage-table")))
                    .hasSize(1);
        }
    }
}
