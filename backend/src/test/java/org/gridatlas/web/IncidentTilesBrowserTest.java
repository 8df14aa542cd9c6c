package org.gridatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridatlas.support.Browser;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The supervisor's incident layer drawn from vector tiles (Leaflet.VectorGrid on canvas) in a real headless
 * Chromium: switched on, it fetches .mvt tiles that answer 200 and paints incident circles; its legend is shown.
 */
@Tag("browser")
class IncidentTilesBrowserTest extends PostgisIntegrationTest {
    private static final String LAYER = "事件分布（矢量瓦片）";

    /** Tile requests of the page: [url, status]. */
    private static final String TILE_REQUESTS =
            """
            return performance.getEntriesByType('resource')
              .filter(e => e.name.includes('/api/tiles/incidents/'))
              .map(e => [e.name, String(e.responseStatus)]);""";

    /** Pixels painted in the incident colour (#d9480f blended) over every canvas tile of the layer. */
    private static final String PAINTED =
            """
            let n = 0;
            for (const c of document.querySelectorAll('.leaflet-overlay-pane canvas, canvas.leaflet-tile')) {
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] > d[i + 2] + 40) n++;
            }
            return n;""";

    @Test
    void incidentTilesAreFetchedAndPainted() {
        assertThat(count("SELECT count(*) FROM incident WHERE location IS NOT NULL"))
                .isPositive();
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "supervisor", DEMO_PASSWORD);
            browser.waitFor(By.cssSelector("body[data-ready='true']"));
            browser.driver()
                    .findElement(By.xpath("//div[contains(@class,'leaflet-control-layers')]//label[normalize-space(.)='"
                            + LAYER + "']//input"))
                    .click();
            browser.waitFor(By.cssSelector("#map[data-incident-tiles='loaded']"));

            @SuppressWarnings("unchecked")
            List<List<String>> requests = (List<List<String>>) browser.script(TILE_REQUESTS);
            assertThat(requests).isNotEmpty();
            assertThat(requests).allSatisfy(r -> {
                assertThat(r.get(0)).matches(".*/api/tiles/incidents/[0-9]+/[0-9]+/[0-9]+\\.mvt");
                assertThat(r.get(1)).isEqualTo("200");
            });
            long painted = ((Number) browser.until(d -> {
                        Number n = (Number) browser.script(PAINTED);
                        return n.longValue() > 0 ? n : null;
                    }))
                    .longValue();
            assertThat(painted).isPositive();
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".ga-legend"))
                            .getText())
                    .contains("事件（圆越大件数越多）");
        }
    }
}
