package org.gridatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
}
