package org.gridatlas.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridatlas.support.Browser;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The planner page's import dialog in headless Chromium, on the street of fixtures/plan (one community 0–300 m ×
 * 0–100 m, three published grids of 100 m), with the GeoJSON export of the imported draft. The files are written by the test from boxes drawn in metres
 * ({@code fixture_box}), so what each must give is known by hand: two strips of 150 m tile the community (and,
 * published, put the duties of both grid chiefs up for review); strips
 * 0–160 and 150–300 overlap by 10 m × 100 m = 1,000 m²; a feature without a code cannot be read.
 */
@Tag("browser")
class PlanImportBrowserTest extends PostgisIntegrationTest {
    static final String S = "330299001001";

    @TempDir
    Path dir;

    @BeforeEach
    void fixture() throws Exception {
        removeFixture();
        ThreeGridsFixture.load(jdbc, DEMO_PASSWORD);
    }

    @AfterEach
    void removeFixture() {
        ThreeGridsFixture.remove(jdbc);
    }

    String feature(String code, double x0, double x1) {
        return ThreeGridsFixture.feature(code, ThreeGridsFixture.strip(jdbc, x0, x1));
    }

    Path file(String name, String... features) throws IOException {
        return ThreeGridsFixture.planFile(dir, name, features);
    }

    int drafts() {
        return count("SELECT count(*) FROM boundary_plan WHERE street_code = '330299001' AND status = 'draft'");
    }

    Browser planner() {
        Browser browser = new Browser();
        browser.login(baseUrl(), ThreeGridsFixture.PLANNER, DEMO_PASSWORD);
        browser.waitFor(By.cssSelector("body[data-ready='true']"));
        return browser;
    }

    void upload(Browser browser, Path file) {
        if (!browser.driver().findElement(By.id("plan-import-dialog")).isDisplayed()) {
            browser.waitFor(By.id("plan-import")).click();
        }
        browser.waitFor(By.id("plan-import-file"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.driver().findElement(By.id("plan-import-submit")).click();
    }

    @Test
    void anImportedFileOpensAsANewDraftWithItsGrids() throws IOException {
        Path f = file("two-grids.geojson", feature(S + "001", 0, 150), feature(S + "002", 150, 300));
        try (Browser browser = planner()) {
            browser.waitFor(By.id("plan-import")).click();
            WebElement name = browser.waitFor(By.id("plan-import-name"));
            name.clear();
            name.sendKeys("两网格方案");
            upload(browser, f);
            String status = browser.until(d -> {
                String s = d.findElement(By.id("plan-status")).getText();
                return s.contains("已导入为草案") ? s : null;
            });
            long id = jdbc.sql("SELECT id FROM boundary_plan WHERE street_code = '330299001' AND status = 'draft'")
                    .query(Long.class)
                    .single();
            assertThat(status).contains("#" + id).contains("2 个网格").contains("1 个社区");
            assertThat(browser.driver().findElement(By.id("plan-import-dialog")).isDisplayed())
                    .isFalse();
            // the editor has the new draft open, with the file's two grids on the map
            assertThat(browser.script("return document.getElementById('plan-select').value"))
                    .isEqualTo(String.valueOf(id));
            assertThat(browser.waitForAll(By.cssSelector("path.ga-draft-grid"))).hasSize(2);
            assertThat(jdbc.sql("SELECT name FROM boundary_plan WHERE id = :id")
                            .param("id", id)
                            .query(String.class)
                            .single())
                    .isEqualTo("两网格方案");

            // the open draft exports as GeoJSON in the import's format: the file's two grids come back
            JsonNode exported = JsonMapper.builder().build().readTree(browser.savedFile(By.id("plan-geojson")));
            List<String> codes = new ArrayList<>();
            exported.get("features")
                    .forEach(g -> codes.add(g.at("/properties/code").asString()));
            assertThat(codes).containsExactlyInAnyOrder(S + "001", S + "002");
        }
    }

    @Test
    void publishingAnImportedDraftListsTheWorkerDutiesOnTheChangedGrids() throws IOException {
        // two strips of 150 m replace the three grids: 001 and 002 change, 003 goes; WP1 leads 001, WP2 leads 002
        Path f = file("two-grids.geojson", feature(S + "001", 0, 150), feature(S + "002", 150, 300));
        try (Browser browser = planner()) {
            upload(browser, f);
            browser.until(d -> d.findElement(By.id("plan-status")).getText().contains("已导入为草案"));
            browser.driver().findElement(By.id("plan-publish")).click();
            browser.until(d -> {
                try {
                    d.switchTo().alert().accept(); // the confirm dialog listing what will change
                    return true;
                } catch (org.openqa.selenium.NoAlertPresentException e) {
                    return null;
                }
            });
            List<String> rows = new ArrayList<>();
            browser.waitForAll(By.cssSelector("#publish-review tbody tr")).forEach(r -> rows.add(r.getText()));
            assertThat(rows).containsExactly(S + "001 WP1 full_time grid_chief", S + "002 WP2 full_time grid_chief");
            assertThat(browser.driver().findElement(By.id("plan-status")).getText())
                    .contains("2 条网格员分工待复核");
        }
        assertThat(count("SELECT count(*) FROM boundary_plan WHERE street_code = '330299001' AND status = 'archived'"))
                .isEqualTo(1);
    }

    @Test
    void aRefusedFileShowsTheRulesItBreaksAndTheFeaturesItCannotRead() throws IOException {
        Path overlapping = file("overlap.geojson", feature(S + "001", 0, 160), feature(S + "002", 150, 300));
        Path unreadable = file("no-code.geojson", feature(S + "001", 0, 150), feature(null, 150, 300));
        try (Browser browser = planner()) {
            upload(browser, overlapping);
            WebElement fault = browser.waitFor(By.cssSelector("#plan-import-violations tbody tr"));
            assertThat(fault.getText()).contains("重叠").contains("#1, #2").contains("1,000");
            assertThat(browser.driver().findElement(By.id("plan-import-status")).getText())
                    .contains("违反网格规则");

            upload(browser, unreadable);
            WebElement error = browser.waitFor(By.cssSelector("#plan-import-errors tbody tr"));
            assertThat(error.getText()).contains("#2").contains("网格编码");
            assertThat(browser.driver().findElements(By.cssSelector("#plan-import-violations")))
                    .isEmpty();

            // in English the same refusal reads in English
            browser.driver().findElement(By.id("plan-import-close")).click();
            browser.driver().findElement(By.id("lang-en")).click();
            upload(browser, overlapping);
            browser.until(
                    d -> d.findElement(By.id("plan-import-status")).getText().contains("break the grid rules"));
            assertThat(browser.waitFor(By.cssSelector("#plan-import-violations tbody tr"))
                            .getText())
                    .contains("Overlap");
        }
        assertThat(drafts()).isZero();
    }
}
