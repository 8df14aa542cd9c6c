package org.gridatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridatlas.support.Browser;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The supervisor's heat-map panel in headless Chromium: tiles, legend, hot spots, month replay, ranking, exports. */
@Tag("browser")
class HeatmapPageBrowserTest extends PostgisIntegrationTest {
    private static final Path SCREENSHOT = Path.of("../docs/screenshots/heatmap.png");

    /** Heat tiles that finished loading with a 256-pixel image. */
    private static final String LOADED_HEAT_TILES =
            "return [...document.querySelectorAll('.ga-heat img.leaflet-tile')].filter(i => i.complete && i.naturalWidth === 256).length";

    @Test
    void supervisorSeesTheHeatMapHotSpotsAndTheRanking() {
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "supervisor", DEMO_PASSWORD);
            browser.waitFor(By.cssSelector("body[data-ready='true']"));

            // heat tiles on the absolute scale, with its unit in the legend
            browser.until(d -> ((Number) browser.script(LOADED_HEAT_TILES)).intValue() >= 4);
            String legend =
                    browser.driver().findElement(By.cssSelector(".ga-legend")).getText();
            assertThat(legend).contains("密度（件/平方公里/月）").contains("≥ 10,000");

            // the ranking of grids by the 三率, linked to the map
            List<WebElement> rows = browser.waitForAll(By.cssSelector("#hm-ranking tbody tr"));
            assertThat(rows.size())
                    .isEqualTo(count("SELECT count(DISTINCT grid_code) FROM incident WHERE street_code = '330212008'"));
            String code = rows.get(0).getDomAttribute("data-code");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", rows.get(0));
            rows.get(0).click();
            browser.until(
                    d -> d.findElements(By.cssSelector("#ga-grid-table tbody tr.selected[data-code='" + code + "']"))
                                    .size()
                            == 1);

            // hot spots on hexagons, with the significance classes in the legend
            new Select(browser.driver().findElement(By.id("hm-view"))).selectByValue("hotspots");
            browser.until(
                    d -> !d.findElements(By.cssSelector("path.ga-hm-unit")).isEmpty());
            browser.until(
                    d -> d.findElement(By.cssSelector(".ga-legend")).getText().contains("热点 99%"));

            // the month slider replays one month: from = to = the month chosen
            new Select(browser.driver().findElement(By.id("hm-view"))).selectByValue("heat");
            browser.script(
                    "const s = document.getElementById('hm-month'); s.value = '0'; s.dispatchEvent(new Event('input'));");
            String first = browser.driver().findElement(By.id("hm-month-label")).getText();
            browser.until(
                    d -> String.valueOf(browser.script("return document.getElementById('heatmap-panel').dataset.state"))
                            .contains("from=" + first + "&to=" + first));
            browser.script(
                    "const s = document.getElementById('hm-month'); s.value = s.max; s.dispatchEvent(new Event('input'));");

            // exports point at the current view
            assertThat(browser.driver().findElement(By.id("hm-export-tif")).getDomAttribute("href"))
                    .contains("api/heatmap.tif?")
                    .contains("bbox=");
            assertThat(browser.driver().findElement(By.id("hm-export-ranking")).getDomAttribute("href"))
                    .contains("api/performance.csv");

            // the whole street for the screenshot: close the grid's popup, fit the street
            browser.script("document.querySelector('.leaflet-popup-close-button')?.click()");
            By scale = By.cssSelector(".leaflet-control-scale-line");
            for (int step = 0; step < 2; step++) {
                String before = browser.driver().findElement(scale).getText();
                browser.driver()
                        .findElement(By.cssSelector(".leaflet-control-zoom-out"))
                        .click();
                browser.until(d -> !d.findElement(scale).getText().equals(before));
            }
            browser.until(
                    d -> ((Number) browser.script(LOADED_HEAT_TILES)).intValue() >= 4
                            && (Boolean)
                                    browser.script(
                                            "return [...document.querySelectorAll('.ga-heat img.leaflet-tile')].every(i => i.complete)"));
            browser.screenshot(SCREENSHOT);
        }
    }

    /**
     * The 三率 choropleth: grids coloured by the chosen measure with its legend, a grid click highlights its ranking
     * row, and the ranking saved as .xlsx. Expected rates are counted here in SQL from the incidents, independently
     * of the performance service.
     */
    @Test
    void supervisorSeesTheHandlingPerformanceChoroplethAndExportsTheRankingAsXlsx() {
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "supervisor", DEMO_PASSWORD);
            browser.waitFor(By.cssSelector("body[data-ready='true']"));
            browser.waitForAll(By.cssSelector("#hm-ranking tbody tr"));
            new Select(browser.driver().findElement(By.id("hm-measure"))).selectByValue("satisfactionRate");
            new Select(browser.driver().findElement(By.id("hm-view"))).selectByValue("performance");
            browser.until(
                    d -> d.findElement(By.cssSelector(".ga-legend")).getText().contains("≥ 98 %"));
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".ga-legend"))
                            .getText())
                    .contains("满意率")
                    .contains("无数据");
            String from = browser.driver().findElement(By.id("hm-from")).getDomProperty("value");
            String to = browser.driver().findElement(By.id("hm-to")).getDomProperty("value");
            String period =
                    """
                    street_code = '330212008' AND grid_code IS NOT NULL
                      AND reported_at >= CAST('%s-01' AS timestamp) AT TIME ZONE 'Asia/Shanghai'
                      AND reported_at < (CAST('%s-01' AS timestamp) + interval '1 month') AT TIME ZONE 'Asia/Shanghai'"""
                            .formatted(from, to);
            // the grid with the most rated incidents: its fill is the class of its satisfaction rate
            String grid = jdbc.sql("SELECT grid_code FROM incident WHERE " + period
                            + " AND satisfaction IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
                    .query(String.class)
                    .single();
            double rate = jdbc.sql("SELECT 100.0 * count(*) FILTER (WHERE satisfaction >= 4) / count(*) FROM incident"
                            + " WHERE " + period + " AND satisfaction IS NOT NULL AND grid_code = :g")
                    .param("g", grid)
                    .query(Double.class)
                    .single();
            String expectedFill = rate >= 98
                    ? "#1a9850"
                    : rate >= 95
                            ? "#91cf60"
                            : rate >= 90 ? "#d9ef8b" : rate >= 80 ? "#fee08b" : rate >= 70 ? "#fc8d59" : "#d73027";
            WebElement path = browser.waitFor(By.cssSelector("path.ga-hm-unit[data-unit='" + grid + "']"));
            browser.until(d -> expectedFill.equals(path.getDomAttribute("fill")));
            browser.screenshot(Path.of("../docs/screenshots/heatmap-performance.png"));

            // a click on the grid highlights its row of the ranking (sorted by the chosen measure)
            browser.script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", path);
            browser.until(d -> d.findElements(By.cssSelector("#hm-ranking tr.selected[data-code='" + grid + "']"))
                            .size()
                    == 1);

            // the ranking as .xlsx: every ranked grid, Chinese headers, the rate in percent
            byte[] saved = browser.savedFile(By.id("hm-export-ranking-xlsx"));
            int grids = count("SELECT count(DISTINCT grid_code) FROM incident WHERE " + period);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(saved))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名次");
                assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("满意率（%）");
                assertThat(sheet.getLastRowNum()).isEqualTo(grids);
                Row row = null;
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    if (grid.equals(sheet.getRow(r).getCell(1).getStringCellValue())) row = sheet.getRow(r);
                }
                assertThat(row).as("row of " + grid).isNotNull();
                assertThat(row.getCell(6).getNumericCellValue())
                        .isCloseTo(rate, org.assertj.core.data.Offset.offset(0.01));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
