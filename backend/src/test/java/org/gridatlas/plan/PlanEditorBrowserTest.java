package org.gridatlas.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.gridatlas.support.Browser;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The planner's plan editor in headless Chromium on the sample street: a draft is created, a grid selected, one of
 * its boundary vertices dragged with the mouse; the impact panel shows the grid's households before → after and
 * the rule check's verdict; a clean edit is saved (the database then holds the new version).
 */
@Tag("browser")
class PlanEditorBrowserTest extends PostgisIntegrationTest {
    private static final Path SCREENSHOT = Path.of("../docs/screenshots/planner.png");

    /** A draft grid whose centre is not covered by anything else, so a click there lands on it. */
    private static final String CLICKABLE_DRAFT_GRID =
            """
            for (const p of document.querySelectorAll('path.ga-draft-grid')) {
              const r = p.getBoundingClientRect();
              if (r.width < 40 || r.height < 40) continue;
              if (document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === p) return p;
            }
            return null;""";

    @AfterEach
    void removeDrafts() {
        jdbc.sql(
                        "DELETE FROM boundary_plan WHERE status = 'draft' AND author = 'planner' AND street_code = '330212008'")
                .update();
    }

    @Test
    void aDraggedBoundaryShowsItsImpactAndIsCheckedBeforeItIsSaved() {
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "planner", DEMO_PASSWORD);
            browser.waitFor(By.cssSelector("body[data-ready='true']"));
            browser.waitFor(By.id("plan-new")).click();
            browser.until(d -> d.findElement(By.id("plan-status")).getText().contains("调整草案"));
            long draft = jdbc.sql("SELECT max(id) FROM boundary_plan WHERE status = 'draft' AND author = 'planner'")
                    .query(Long.class)
                    .single();
            assertThat(browser.driver().findElements(By.cssSelector("path.ga-draft-grid")))
                    .hasSize(count("SELECT count(*) FROM grid WHERE plan_id = " + draft));

            // buildings lie above the grids: switch them off to click a grid, then zoom to it
            browser.driver()
                    .findElement(By.xpath(
                            "//div[contains(@class,'leaflet-control-layers')]//label[normalize-space(.)='楼栋']//input"))
                    .click();
            WebElement grid = (WebElement) browser.until(d -> browser.script(CLICKABLE_DRAFT_GRID));
            grid.click();
            String code = browser.until(d -> {
                String c = (String) browser.script("return document.body.dataset.selectedGrid");
                return c == null || c.isEmpty() ? null : c;
            });
            assertThat(grid.getDomAttribute("data-code")).isEqualTo(code);
            browser.script("const m = window.gaPlanner;"
                    + " m.map.fitBounds(m.editorSelectedBounds(), {maxZoom: 17, animate: false});");

            browser.driver().findElement(By.id("tool-reshape")).click();
            List<WebElement> vertices = browser.waitForAll(By.cssSelector(".leaflet-editing-icon"));
            assertThat(vertices.size()).isGreaterThanOrEqualTo(4);
            WebElement vertex = vertices.get(0);
            new Actions(browser.driver())
                    .clickAndHold(vertex)
                    .moveByOffset(6, 4)
                    .moveByOffset(6, 4)
                    .release()
                    .perform();

            // the impact panel: the edited grid's row with households before → after, and a verdict
            WebElement row = browser.waitFor(By.cssSelector("#impact-table tbody tr[data-code='" + code + "']"));
            assertThat(row.getText()).contains("→");
            int householdsBefore = count(
                    """
                    SELECT coalesce(sum(b.households), 0)::int FROM building b
                    WHERE b.community_code = left('%s', 12) AND (
                      SELECT g.code FROM grid g WHERE g.plan_id = %d AND g.community_code = b.community_code
                      ORDER BY ST_Area(ST_Intersection(g.geom, b.footprint)::geography) DESC, g.code LIMIT 1) = '%s'"""
                            .formatted(code, draft, code));
            assertThat(row.getText().replace(",", "")).startsWith(code.substring(9) + " " + householdsBefore + " →");
            String verdict = browser.until(d -> {
                String s = d.findElement(By.id("plan-status")).getText();
                return s.contains("规则检查通过") || s.contains("违反") ? s : null;
            });
            if (verdict.contains("违反")) {
                assertThat(browser.driver().findElements(By.cssSelector("#violation-list li")))
                        .isNotEmpty();
                assertThat(browser.driver().findElements(By.cssSelector("path.ga-violation")))
                        .isNotEmpty();
                assertThat(browser.driver().findElement(By.id("edit-save")).isEnabled())
                        .isFalse();
                browser.screenshot(SCREENSHOT);
                browser.driver().findElement(By.id("edit-cancel")).click();
                assertThat(count("SELECT version FROM boundary_plan WHERE id = " + draft))
                        .isZero();
            } else {
                browser.screenshot(SCREENSHOT);
                browser.driver().findElement(By.id("edit-save")).click();
                browser.until(d -> "1".equals(browser.script("return document.body.dataset.planVersion")));
                assertThat(count("SELECT version FROM boundary_plan WHERE id = " + draft))
                        .isEqualTo(1);
                assertThat(count("SELECT count(*) FROM plan_event WHERE plan_id = " + draft + " AND kind = 'reshape'"))
                        .isEqualTo(1);
                assertThat(count(
                                """
                        SELECT count(*) FROM grid d JOIN grid p ON p.code = d.code
                        JOIN boundary_plan bp ON bp.id = p.plan_id AND bp.status = 'published'
                        WHERE d.plan_id = %d AND d.code = '%s' AND NOT ST_Equals(d.geom, p.geom)"""
                                        .formatted(draft, code)))
                        .as("the saved draft grid differs from the published one")
                        .isEqualTo(1);
            }
        }
    }
}
