package org.gridatlas.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridatlas.support.Browser;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The grid chief's coverage view in a real headless Chromium on the sample street: the chief of 福湾社区
 * (330212008008), where the generator planted a gap and a building across a grid boundary (manifest.json → faults).
 */
@Tag("browser")
class CoverageBrowserTest extends PostgisIntegrationTest {
    private static final Path SCREENSHOT = Path.of("../docs/screenshots/coverage.png");
    private static final String COMMUNITY = "330212008008";

    @Test
    void chiefSeesCoverageTableFaultLayerAndWorkloadRanking() {
        int grids = count("SELECT count(*) FROM grid g JOIN boundary_plan p ON p.id = g.plan_id "
                + "WHERE p.status = 'published' AND g.community_code = '" + COMMUNITY + "'");
        int chiefs = count("SELECT count(DISTINCT a.worker_id) FROM assignment a JOIN worker w ON w.id = a.worker_id "
                + "WHERE a.role = 'grid_chief' AND w.community_code = '" + COMMUNITY + "'");
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "chief-" + COMMUNITY, DEMO_PASSWORD);
            browser.waitFor(By.cssSelector("body[data-ready='true']"));

            // the page asks for the coverage once (every figure and geometry in one answer), not once per table
            assertThat(browser.script("return performance.getEntriesByType('resource').map(e => e.name)"
                            + ".filter(n => n.includes('/api/coverage'))"))
                    .asInstanceOf(LIST)
                    .singleElement()
                    .asString()
                    .endsWith("/api/coverage?geometry=true");

            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#ga-coverage-table tbody tr"));
            assertThat(rows).hasSize(grids);
            assertThat(rows)
                    .allSatisfy(r -> assertThat(r.getDomAttribute("data-code")).startsWith(COMMUNITY));
            // every row carries the status of households per full-time worker as a colour class
            assertThat(browser.driver().findElements(By.cssSelector("#ga-coverage-table td[class*='ga-status-']")))
                    .hasSizeGreaterThanOrEqualTo(grids);

            // the planted gap and the straddling building B330212008008-0068 of this community, nothing else
            List<WebElement> faults = browser.driver().findElements(By.cssSelector("path.ga-fault"));
            assertThat(faults.stream().map(p -> p.getDomAttribute("data-kind")))
                    .containsExactlyInAnyOrder("gap", "split_building");
            assertThat(browser.driver().findElement(By.id("ga-fault-summary")).getText())
                    .contains("未覆盖区域: 1", "跨网格楼栋: 1", "无专职网格员的网格: 0");

            String legend =
                    browser.driver().findElement(By.cssSelector(".ga-legend")).getText();
            assertThat(legend).contains("每名专职网格员户数", "160–300", "未覆盖区域", "网格重叠", "跨网格楼栋");

            assertThat(browser.driver().findElements(By.cssSelector("#ga-workload-table tbody tr")))
                    .hasSize(chiefs);
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#ga-workload-table tbody tr td"))
                            .getText())
                    .isEqualTo("1");
            assertThat(browser.driver()
                            .findElement(By.id("export-coverage-csv"))
                            .isEnabled())
                    .isTrue();
            assertThat(browser.driver()
                            .findElement(By.id("export-workload-csv"))
                            .isEnabled())
                    .isTrue();

            browser.screenshot(SCREENSHOT);

            // the .xlsx export: the workbook the page saves holds the same rows under the Chinese headers
            byte[] saved = browser.savedFile(By.id("export-coverage-xlsx"));
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(saved))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编码");
                assertThat(sheet.getLastRowNum()).isEqualTo(grids);
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith(COMMUNITY);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }

            // a row of the coverage table zooms the map to its grid and is highlighted
            WebElement row = rows.get(rows.size() - 1);
            String code = row.getDomAttribute("data-code");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", row);
            row.click();
            browser.until(d -> d.findElement(By.cssSelector("#ga-coverage-table tbody tr.selected"))
                    .getDomAttribute("data-code")
                    .equals(code));
            // ... and the workload table highlights the grid's full-time worker (网格长)
            List<String> chiefsOfGrid = jdbc.sql(
                            "SELECT w.code FROM assignment a JOIN worker w ON w.id = a.worker_id"
                                    + " WHERE a.role = 'grid_chief' AND a.grid_code = :g AND w.active"
                                    + " AND a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to >= current_date)")
                    .param("g", code)
                    .query(String.class)
                    .list();
            assertThat(chiefsOfGrid).isNotEmpty();
            assertThat(browser.until(d -> d.findElement(By.cssSelector("#ga-workload-table tbody tr.selected")))
                            .getDomAttribute("data-code"))
                    .isIn(chiefsOfGrid);

            // English through the same switch
            browser.driver().findElement(By.id("lang-en")).click();
            browser.until(
                    d -> d.findElement(By.id("ga-fault-summary")).getText().contains("Gap (no grid): 1"));
        }
    }
}
