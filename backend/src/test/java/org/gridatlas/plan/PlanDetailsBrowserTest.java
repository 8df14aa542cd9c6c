package org.gridatlas.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gridatlas.support.Browser;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The planner page's plan particulars, new-draft options and edit history in headless Chromium, on the street of
 * fixtures/plan (one community, three published grids, published by "fixture"). A draft made with the options must
 * be stored with exactly the name, note, community and base plan chosen, copy the base's three grids, show its
 * author and note on the page, and list its one history entry (created) on the page and in the CSV.
 */
@Tag("browser")
class PlanDetailsBrowserTest extends PostgisIntegrationTest {
    private static final String COMMUNITY = "330299001001";

    @BeforeEach
    void fixture() throws Exception {
        removeFixture();
        ThreeGridsFixture.load(jdbc, DEMO_PASSWORD);
    }

    @AfterEach
    void removeFixture() {
        ThreeGridsFixture.remove(jdbc);
    }

    @Test
    void aDraftMadeWithOptionsKeepsThemAndShowsItsAuthorNoteAndHistory() {
        long published = count("SELECT id FROM boundary_plan WHERE street_code = '330299001' AND status = 'published'");
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), ThreeGridsFixture.PLANNER, DEMO_PASSWORD);
            browser.waitFor(By.cssSelector("body[data-ready='true']"));
            // the published plan opens first: its author is the fixture's
            String publishedDetails = browser.until(d -> {
                String s = d.findElement(By.id("plan-details")).getText();
                return s.contains("作者") ? s : null;
            });
            assertThat(publishedDetails).contains("作者 fixture").contains("全街道");

            browser.driver()
                    .findElement(By.cssSelector("#plan-new-options summary"))
                    .click();
            WebElement name = browser.waitFor(By.id("plan-new-name"));
            name.sendKeys("年度调整（试点社区）");
            browser.driver().findElement(By.id("plan-new-note")).sendKeys("新小区入住，重划第2网格");
            new Select(browser.driver().findElement(By.id("plan-new-base"))).selectByValue(String.valueOf(published));
            browser.until(d -> d.findElements(By.cssSelector("#plan-new-community option[value='" + COMMUNITY + "']"))
                            .size()
                    == 1);
            new Select(browser.driver().findElement(By.id("plan-new-community"))).selectByValue(COMMUNITY);
            browser.driver().findElement(By.id("plan-new-with-options")).click();

            browser.until(d -> d.findElement(By.id("plan-status")).getText().contains("年度调整（试点社区）"));
            Map<String, Object> draft = jdbc.sql(
                            """
                            SELECT id, community_code, note, based_on, author, status FROM boundary_plan
                            WHERE street_code = '330299001' AND name = '年度调整（试点社区）'""")
                    .query()
                    .singleRow();
            assertThat(draft)
                    .containsEntry("community_code", COMMUNITY)
                    .containsEntry("note", "新小区入住，重划第2网格")
                    .containsEntry("based_on", published)
                    .containsEntry("author", ThreeGridsFixture.PLANNER)
                    .containsEntry("status", "draft");
            long id = ((Number) draft.get("id")).longValue();
            assertThat(count("SELECT count(*) FROM grid WHERE plan_id = " + id)).isEqualTo(3);

            String details = browser.until(d -> {
                String s = d.findElement(By.id("plan-details")).getText();
                return s.contains(ThreeGridsFixture.PLANNER) ? s : null;
            });
            assertThat(details)
                    .contains("试点社区 " + COMMUNITY)
                    .contains("#" + published)
                    .contains("备注：新小区入住，重划第2网格");

            browser.driver().findElement(By.id("plan-history-show")).click();
            List<WebElement> rows = browser.waitForAll(By.cssSelector("#plan-history-table tbody tr"));
            assertThat(rows).hasSize(count("SELECT count(*) FROM plan_event WHERE plan_id = " + id));
            assertThat(rows.get(0).getText()).contains("创建草案").contains(ThreeGridsFixture.PLANNER);

            String csv = new String(browser.savedFile(By.id("plan-history-csv")), StandardCharsets.UTF_8);
            List<String> lines = csv.replace("\uFEFF", "").lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).isEqualTo("序号,操作,操作人,时间,涉及网格");
            assertThat(lines.get(1)).startsWith("1,创建草案," + ThreeGridsFixture.PLANNER + ",");
        }
    }
}
