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

    /**
     * A shared interior vertex: on the exterior ring of a single-polygon draft grid, on another grid's boundary too,
     * at least 3 m from the community's boundary and 15 m from any building, so that dragging it 2–3 m moves the
     * edge between two grids and breaks no rule (no gap, no overlap, no split building).
     */
    private static final String SHARED_VERTEX =
            """
            WITH g AS (SELECT code, ST_GeometryN(geom, 1) AS poly FROM grid WHERE plan_id = :d
                         AND ST_NumGeometries(geom) = 1 AND ST_NumInteriorRings(ST_GeometryN(geom, 1)) = 0),
            v AS (SELECT g.code, (dp).path[1] AS idx, (dp).geom AS pt FROM g, ST_DumpPoints(ST_ExteriorRing(g.poly)) dp)
            SELECT v.code || ' ' || ST_X(pt) || ' ' || ST_Y(pt) FROM v JOIN community c ON c.code = left(v.code, 12)
            WHERE idx > 1 AND NOT ST_DWithin(pt::geography, ST_Boundary(c.geom)::geography, 3)
              AND EXISTS (SELECT 1 FROM grid o WHERE o.plan_id = :d AND o.code <> v.code AND ST_DWithin(o.geom, v.pt, 1e-7))
              AND NOT EXISTS (SELECT 1 FROM building b WHERE ST_DWithin(b.footprint::geography, v.pt::geography, 15))
            ORDER BY v.code, idx LIMIT 1""";

    /** The vertex handle of the reshape editor drawn nearest to (lat, lng) on the screen. */
    private static final String HANDLE_AT =
            """
            const p = window.gaPlanner.map.latLngToContainerPoint([arguments[0], arguments[1]]);
            const box = window.gaPlanner.map.getContainer().getBoundingClientRect();
            let best = null, dist = 1e9;
            for (const h of document.querySelectorAll('.leaflet-editing-icon')) {
              const r = h.getBoundingClientRect();
              const d = Math.hypot(r.left + r.width / 2 - box.left - p.x, r.top + r.height / 2 - box.top - p.y);
              if (d < dist) { dist = d; best = h; }
            }
            return dist < 3 ? best : null;""";

    @Test
    void aSharedInteriorVertexDraggedShowsBothGridsImpactAndTheEditIsSaved() {
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "planner", DEMO_PASSWORD);
            browser.waitFor(By.cssSelector("body[data-ready='true']"));
            browser.waitFor(By.id("plan-new")).click();
            browser.until(d -> d.findElement(By.id("plan-status")).getText().contains("调整草案"));
            long draft = jdbc.sql("SELECT max(id) FROM boundary_plan WHERE status = 'draft' AND author = 'planner'")
                    .query(Long.class)
                    .single();
            String[] target = jdbc.sql(SHARED_VERTEX)
                    .param("d", draft)
                    .query(String.class)
                    .single()
                    .split(" ");
            String code = target[0];
            double lng = Double.parseDouble(target[1]);
            double lat = Double.parseDouble(target[2]);

            browser.until(d -> browser.script("return document.querySelectorAll('path.ga-draft-grid').length > 0"));
            browser.script(
                    "window.gaPlanner.editor._select(arguments[0]);"
                            + " window.gaPlanner.map.setView([arguments[1], arguments[2]], 18, {animate: false});",
                    code,
                    lat,
                    lng);
            browser.driver().findElement(By.id("tool-reshape")).click();
            WebElement handle = (WebElement) browser.until(d -> browser.script(HANDLE_AT, lat, lng));
            new Actions(browser.driver())
                    .clickAndHold(handle)
                    .moveByOffset(2, 2)
                    .moveByOffset(3, 2)
                    .release()
                    .perform();

            // accepted: the rule check passes, and the impact table lists the grid and the neighbour that followed
            String verdict = browser.until(d -> {
                String st = d.findElement(By.id("plan-status")).getText();
                return st.contains("规则检查通过") || st.contains("违反") ? st : null;
            });
            assertThat(verdict).contains("规则检查通过");
            List<WebElement> rows = browser.waitForAll(By.cssSelector("#impact-table tbody tr"));
            assertThat(rows.size())
                    .as("the dragged grid and at least one neighbour")
                    .isGreaterThanOrEqualTo(2);
            assertThat(browser.driver()
                            .findElements(By.cssSelector("#impact-table tbody tr[data-code='" + code + "']")))
                    .hasSize(1);
            assertThat(browser.driver().findElement(By.id("edit-save")).isEnabled())
                    .isTrue();

            browser.driver().findElement(By.id("edit-save")).click();
            browser.until(d -> "1".equals(browser.script("return document.body.dataset.planVersion")));
            assertThat(count("SELECT version FROM boundary_plan WHERE id = " + draft))
                    .isEqualTo(1);
            List<String> changed = jdbc.sql(
                            """
                            SELECT d.code FROM grid d JOIN grid p ON p.code = d.code
                            JOIN boundary_plan bp ON bp.id = p.plan_id AND bp.status = 'published'
                            WHERE d.plan_id = :d AND NOT ST_Equals(d.geom, p.geom) ORDER BY d.code""")
                    .param("d", draft)
                    .query(String.class)
                    .list();
            assertThat(changed)
                    .as("the grid and its neighbour moved together")
                    .contains(code)
                    .hasSizeGreaterThan(1);
            assertThat(count("SELECT count(*) FROM grid a JOIN grid b ON a.plan_id = b.plan_id AND a.code < b.code"
                            + " WHERE a.plan_id = " + draft + " AND a.code IN ('" + String.join("','", changed) + "')"
                            + " AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 0.01"))
                    .as("no overlap between the edited grids")
                    .isZero();
        }
    }
}
