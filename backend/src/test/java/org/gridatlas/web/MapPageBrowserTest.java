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

/**
 * The role pages in a real headless Chromium against the whole application on the sample street: what the map and the
 * side table show is checked against counts taken straight from the database.
 */
@Tag("browser")
class MapPageBrowserTest extends PostgisIntegrationTest {
    private static final Path SCREENSHOT = Path.of("../docs/screenshots/map.png");
    private static final String COMMUNITY = "330212008001";
    private static final String PUBLISHED_GRIDS =
            "SELECT count(*) FROM grid g JOIN boundary_plan p ON p.id = g.plan_id WHERE p.status = 'published'";
    private static final List<String> BUILDING_TYPES = List.of("老旧小区", "商品房", "安置房", "公租房", "其他");

    /** The first grid path whose own centre is not covered by anything else, so a click there lands on it. */
    private static final String CLICKABLE_GRID =
            """
            for (const p of document.querySelectorAll('path.ga-grid')) {
              const r = p.getBoundingClientRect();
              if (r.width < 24 || r.height < 24) continue;
              if (document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === p) return p;
            }
            return null;""";

    @Test
    void supervisorSeesEveryGridOfThePublishedPlanWithLegendAndPopups() {
        int grids = count(PUBLISHED_GRIDS);
        assertThat(grids).as("grids of the published plan").isPositive();
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "supervisor", DEMO_PASSWORD);
            waitUntilReady(browser);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/supervisor.html");
            assertThat(browser.driver().findElements(By.cssSelector("path.ga-grid")))
                    .hasSize(grids);
            assertThat(tableRows(browser)).hasSize(grids);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".ga-legend"))
                            .getText())
                    .contains(BUILDING_TYPES);

            // buildings lie above the grids: switch them off in the layer switcher to click a grid itself
            overlaySwitch(browser, "楼栋").click();
            WebElement grid = (WebElement) browser.until(d -> browser.script(CLICKABLE_GRID));
            String code = grid.getDomAttribute("data-code");
            assertThat(jdbc.sql(PUBLISHED_GRIDS + " AND g.code = :code")
                            .param("code", code)
                            .query(Integer.class)
                            .single())
                    .as("grid %s in the published plan", code)
                    .isEqualTo(1);
            grid.click();
            // the popup may open partly outside the map until Leaflet has panned to it
            assertThat(popupShowing(browser, code)).contains(code);
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#ga-grid-table tbody tr.selected"))
                            .getDomAttribute("data-code"))
                    .isEqualTo(code);
            overlaySwitch(browser, "楼栋").click();

            // a row of the table zooms the map to its grid, where the grid labels are readable
            WebElement row = tableRows(browser).get(tableRows(browser).size() / 2);
            String rowCode = row.getDomAttribute("data-code");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", row);
            row.click();
            assertThat(popupShowing(browser, rowCode)).contains(rowCode);
            browser.waitFor(By.xpath("//div[contains(@class,'ga-grid-label')][contains(., '" + rowCode + "')]"));

            // one step out (zoom 16) shows the neighbours with their labels too; the scale bar changes when it is done
            By scale = By.cssSelector(".leaflet-control-scale-line");
            String scaleBefore = browser.driver().findElement(scale).getText();
            browser.driver()
                    .findElement(By.cssSelector(".leaflet-control-zoom-out"))
                    .click();
            browser.until(d -> !d.findElement(scale).getText().equals(scaleBefore));
            assertThat(browser.driver().findElements(By.cssSelector(".ga-grid-label")))
                    .anyMatch(WebElement::isDisplayed);
            browser.screenshot(SCREENSHOT);
        }
    }

    @Test
    void gridChiefSeesExactlyTheGridsOfItsCommunity() {
        int grids = count(PUBLISHED_GRIDS + " AND g.community_code = '" + COMMUNITY + "'");
        assertThat(grids).as("grids of community " + COMMUNITY).isPositive();
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "chief-" + COMMUNITY, DEMO_PASSWORD);
            waitUntilReady(browser);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/chief.html");
            assertThat(browser.driver().findElements(By.cssSelector("path.ga-grid")))
                    .hasSize(grids);
            assertThat(browser.driver().findElements(By.cssSelector("path.ga-grid")))
                    .allSatisfy(p -> assertThat(p.getDomAttribute("data-code")).startsWith(COMMUNITY));
            List<WebElement> rows = tableRows(browser);
            assertThat(rows).hasSize(grids);
            assertThat(rows)
                    .allSatisfy(r -> assertThat(r.getDomAttribute("data-code")).startsWith(COMMUNITY));

            browser.driver().findElement(By.id("logout")).click();
            browser.until(d -> d.getCurrentUrl().contains("login.html?logout"));
            assertThat(browser.waitFor(By.id("login-message")).getText()).isEqualTo("已退出");
        }
    }

    @Test
    void languageSwitchTurnsTheHeaderToEnglishAndIsRemembered() {
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "supervisor", DEMO_PASSWORD);
            waitUntilReady(browser);
            WebElement header = browser.waitFor(By.id("ga-header"));
            assertThat(header.getText()).contains("规划", "督办", "网格长", "退出");

            browser.driver().findElement(By.id("lang-en")).click();
            browser.until(d -> d.findElement(By.id("ga-header")).getText().contains("Sign out"));
            assertThat(browser.driver().findElement(By.id("ga-header")).getText())
                    .contains("Planner", "Supervisor", "Grid chief", "Sign out")
                    .doesNotContain("退出");
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".ga-legend"))
                            .getText())
                    .contains("Old estate");

            browser.driver().navigate().refresh();
            waitUntilReady(browser);
            assertThat(browser.waitFor(By.id("ga-header")).getText()).contains("Sign out");
        }
    }

    private static void waitUntilReady(Browser browser) {
        browser.waitFor(By.cssSelector("body[data-ready='true']"));
    }

    /** Waits until the open popup shows the text and returns what it shows. */
    private static String popupShowing(Browser browser, String text) {
        return browser.until(d -> {
            List<WebElement> popups = d.findElements(By.cssSelector(".leaflet-popup-content"));
            String shown = popups.isEmpty() ? "" : popups.get(0).getText();
            return shown.contains(text) ? shown : null;
        });
    }

    private static List<WebElement> tableRows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#ga-grid-table tbody tr"));
    }

    private static WebElement overlaySwitch(Browser browser, String name) {
        return browser.driver()
                .findElement(By.xpath("//div[contains(@class,'leaflet-control-layers')]//label[normalize-space(.)='"
                        + name + "']//input"));
    }
}
