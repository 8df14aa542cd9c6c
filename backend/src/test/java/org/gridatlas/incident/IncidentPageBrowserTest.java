package org.gridatlas.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridatlas.support.Browser;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The incident desk in headless Chromium: a three-row file (two points, one address nobody knows) is previewed,
 * imported with the progress bar and summary, the unmatched one is placed with a click on the map and lands in the
 * grid expected.json names for that point; a broken file shows the reject report link.
 */
@Tag("browser")
class IncidentPageBrowserTest extends PostgisIntegrationTest {
    private static final Path SCREENSHOT = Path.of("../docs/screenshots/incidents.png");
    private static final JsonNode EXPECTED = IncidentIntakeTest.EXPECTED;

    @TempDir
    Path tmp;

    @Test
    void supervisorImportsPreviewsAndPlacesAnUnmatchedIncidentOnTheMap() throws Exception {
        JsonNode p0 = EXPECTED.get("points").get(0), p1 = EXPECTED.get("points").get(1);
        JsonNode target = EXPECTED.get("points").get(2);
        Path file = tmp.resolve("巡查导出.csv");
        Files.writeString(
                file,
                "事件编号,来源,大类,小类,上报时间,经度,纬度,事发地址\n"
                        + "PAGE-1,巡查,市容环境,暴露垃圾,2026-03-13 08:05,"
                        + p0.get("lon").asString() + ","
                        + p0.get("lat").asString() + ",\n"
                        + "PAGE-2,巡查,市容环境,暴露垃圾,2026/3/13 9:05:00,"
                        + p1.get("lon").asString() + ","
                        + p1.get("lat").asString() + ",\n"
                        + "PAGE-3,巡查,市容环境,暴露垃圾,2026年3月13日,,,无名路1号无名小区99幢\n",
                StandardCharsets.UTF_8);
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "supervisor", DEMO_PASSWORD);
            browser.open(baseUrl() + "/incidents.html");
            browser.waitFor(By.cssSelector("body[data-ready=true]"));
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".ga-legend"))
                            .getText())
                    .contains("已上报", "已结案");

            chooseFile(browser, file.toAbsolutePath().toString());
            browser.driver().findElement(By.id("preview-button")).click();
            WebElement preview = browser.waitFor(By.cssSelector("#preview table"));
            assertThat(preview.getText()).contains("external_id", "事件编号");
            browser.driver().findElement(By.id("import-button")).click();
            WebElement summary = browser.waitFor(By.cssSelector("#import-summary p[data-status=succeeded]"));
            assertThat(summary.getText()).contains("导入完成");
            String numbers = browser.driver()
                    .findElement(By.cssSelector("#import-summary table tbody"))
                    .getText();
            assertThat(numbers.split("\\s+")).containsExactly("3", "3", "0", "0", "1"); // read … unmatched
            assertThat(browser.driver().findElement(By.id("import-progress")).getDomProperty("value"))
                    .isEqualTo("1");

            new Select(browser.driver().findElement(By.name("quality"))).selectByValue("unmatched");
            browser.driver()
                    .findElement(By.cssSelector("#filter-form button[type=submit]"))
                    .click();
            WebElement row = browser.waitFor(By.cssSelector("#incident-table tr[data-external-id='PAGE-3']"));
            browser.screenshot(SCREENSHOT);
            row.findElement(By.cssSelector("button.ga-place")).click();
            browser.script(
                    "window.gaIncidentMap.fire('click', {latlng: L.latLng(arguments[0], arguments[1])})",
                    target.get("lat").asDouble(),
                    target.get("lon").asDouble());
            browser.until(d -> d.findElement(By.id("import-status")).getText().contains("PAGE-3 已定位"));
            assertThat(browser.driver().findElement(By.id("import-status")).getText())
                    .contains(target.get("grid").asString());
        }
        assertThat(jdbc.sql("SELECT geocode_quality || ' ' || grid_code FROM incident WHERE external_id = 'PAGE-3'")
                        .query(String.class)
                        .single())
                .isEqualTo("manual " + target.get("grid").asString());
        assertThat(jdbc.sql("SELECT grid_code FROM incident WHERE external_id = 'PAGE-2'")
                        .query(String.class)
                        .single())
                .isEqualTo(p1.get("grid").asString());
    }

    @Test
    void aRejectedFileShowsTheRejectReportLink() {
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "supervisor", DEMO_PASSWORD);
            browser.open(baseUrl() + "/incidents.html");
            browser.waitFor(By.cssSelector("body[data-ready=true]"));
            chooseFile(
                    browser,
                    IncidentIntakeTest.FIXTURES
                            .resolve("broken.csv")
                            .toAbsolutePath()
                            .toString());
            browser.driver().findElement(By.id("import-button")).click();
            browser.waitFor(By.cssSelector("#import-summary p[data-status=failed]"));
            assertThat(browser.driver().findElement(By.id("reject-link")).getDomAttribute("href"))
                    .matches("api/imports/\\d+/rejects.csv");
        }
    }

    /** Picks the file in the import form; retried while the page is still re-rendering its form (stale element). */
    private static void chooseFile(Browser browser, String path) {
        browser.until(d -> {
            try {
                d.findElement(By.id("import-file")).sendKeys(path);
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        });
    }
}
