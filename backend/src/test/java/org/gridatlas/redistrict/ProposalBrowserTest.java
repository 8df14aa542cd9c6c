package org.gridatlas.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gridatlas.support.Browser;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The planner's "生成方案" dialog in headless Chromium on the sample street: bad input is shown naming the field, a
 * proposal for one community runs with its progress bar and opens as a draft whose grids (on the map and in the API)
 * cover every building of the community, its summary and grid table are exported; a whole-street proposal is
 * cancelled while it runs and saves nothing.
 */
@Tag("browser")
class ProposalBrowserTest extends PostgisIntegrationTest {
    private static final Path SCREENSHOT = Path.of("../docs/screenshots/planner-proposal.png");
    private static final String COMMUNITY = "330212008004";

    @AfterEach
    void removeDrafts() {
        jdbc.sql(
                        "DELETE FROM boundary_plan WHERE status = 'draft' AND author = 'planner' AND street_code = '330212008'")
                .update();
    }

    private static void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void aProposalRunsWithProgressOpensAsADraftCoveringEveryBuildingAndCanBeCancelled() {
        try (Browser browser = new Browser(java.time.Duration.ofSeconds(120))) {
            browser.login(baseUrl(), "planner", DEMO_PASSWORD);
            browser.waitFor(By.cssSelector("body[data-ready='true']"));
            browser.waitFor(By.id("proposal-open")).click();
            browser.waitFor(By.id("proposal-dialog"));
            new Select(browser.waitFor(By.id("proposal-community"))).selectByValue(COMMUNITY);

            // bad input first: the band upside down is named in the dialog, nothing is started
            int plansBefore = count("SELECT count(*) FROM boundary_plan");
            type(browser.driver().findElement(By.id("proposal-band-min")), "500");
            type(browser.driver().findElement(By.id("proposal-band-max")), "300");
            browser.driver().findElement(By.id("proposal-start")).click();
            browser.until(d -> "bandMin".equals(browser.script("return document.body.dataset.proposalError")));
            assertThat(browser.driver().findElement(By.id("proposal-status")).getText())
                    .startsWith("输入有误（每格最少户数）");
            assertThat(browser.driver().findElement(By.id("proposal-band-min")).getDomAttribute("class"))
                    .contains("ga-invalid");

            // the real request: 8 grids with the street's norm band, a seed
            browser.driver().findElement(By.id("proposal-band-min")).clear();
            browser.driver().findElement(By.id("proposal-band-max")).clear();
            browser.driver().findElement(By.id("proposal-target-count")).click();
            type(browser.driver().findElement(By.id("proposal-grids")), "8");
            type(browser.driver().findElement(By.id("proposal-seed")), "3");
            browser.driver().findElement(By.id("proposal-start")).click();
            browser.until(d -> d.findElement(By.id("proposal-progress")).isDisplayed()
                    && d.findElement(By.id("proposal-status")).getText().startsWith("正在生成"));
            browser.until(d -> "succeeded".equals(browser.script("return document.body.dataset.proposalStatus")));
            long plan = Long.parseLong((String) browser.script("return document.body.dataset.proposalPlan"));
            assertThat(count("SELECT count(*) FROM boundary_plan")).isEqualTo(plansBefore + 1);

            // the draft is the plan open in the editor, its grids drawn on the map as the API lists them
            assertThat(new Select(browser.driver().findElement(By.id("plan-select")))
                            .getFirstSelectedOption()
                            .getDomAttribute("value"))
                    .isEqualTo(Long.toString(plan));
            JsonNode grids = as("planner").get("/api/grids?plan=" + plan).json();
            int apiGrids = grids.get("features").size();
            browser.until(
                    d -> d.findElements(By.cssSelector("path.ga-draft-grid")).size() == apiGrids);
            long inCommunity = 0;
            for (JsonNode f : grids.get("features")) {
                if (f.get("properties").get("code").asString().startsWith(COMMUNITY)) inCommunity++;
            }
            assertThat(inCommunity).as("grids of the community in the draft").isEqualTo(8);
            assertThat(browser.driver().findElements(By.cssSelector("#proposal-grids-table tr[data-code]")))
                    .hasSize(8);
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#proposal-summary tr[data-field='grids'] td"))
                            .getText())
                    .isEqualTo("8");
            // every building of the community lies in exactly one grid of the draft
            int uncovered = count(
                    """
                    SELECT count(*) FROM building b WHERE b.community_code = '%s' AND (
                      SELECT count(*) FROM grid g WHERE g.plan_id = %d AND ST_Contains(g.geom, b.point)) <> 1"""
                            .formatted(COMMUNITY, plan));
            assertThat(uncovered).as("buildings not in exactly one grid").isZero();

            // the figures on screen are exportable: the CSV lists every proposed grid with its households
            String csv = new String(browser.savedFile(By.id("proposal-csv")), StandardCharsets.UTF_8);
            for (String code : jdbc.sql("SELECT code FROM grid WHERE plan_id = :p AND community_code = :c")
                    .param("p", plan)
                    .param("c", COMMUNITY)
                    .query(String.class)
                    .list()) {
                int households = count(
                        "SELECT coalesce(sum(b.households), 0)::int FROM building b JOIN grid g ON ST_Contains(g.geom,"
                                + " b.point) WHERE g.plan_id = " + plan + " AND g.code = '" + code + "'");
                assertThat(csv).contains(COMMUNITY + "," + code + "," + households + ",");
            }
            browser.screenshot(SCREENSHOT);

            // a whole-street proposal, cancelled while it runs: nothing saved
            browser.driver().findElement(By.id("proposal-scope-street")).click();
            browser.driver().findElement(By.id("proposal-target-maxp")).click();
            int plansBeforeCancel = count("SELECT count(*) FROM boundary_plan");
            browser.driver().findElement(By.id("proposal-start")).click();
            browser.until(d -> d.findElement(By.id("proposal-cancel")).isDisplayed());
            browser.driver().findElement(By.id("proposal-cancel")).click();
            browser.until(d -> "cancelled".equals(browser.script("return document.body.dataset.proposalStatus")));
            assertThat(browser.driver().findElement(By.id("proposal-status")).getText())
                    .isEqualTo("已取消，未保存任何内容");
            assertThat(count("SELECT count(*) FROM boundary_plan")).isEqualTo(plansBeforeCancel);
        }
    }
}
