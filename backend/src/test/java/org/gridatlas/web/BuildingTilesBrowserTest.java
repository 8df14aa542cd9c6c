package org.gridatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gridatlas.support.Browser;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Buildings on the role pages come as vector tiles, not as one GeoJSON: in a real headless Chromium the page
 * fetches building .mvt tiles (200), paints footprints in the building-type colours, fetches no building GeoJSON
 * layer, and a real mouse click on a building (over its grid) opens that building's popup with its address.
 */
@Tag("browser")
class BuildingTilesBrowserTest extends PostgisIntegrationTest {
    /** Requests of the page for buildings: [url, status]. */
    private static final String BUILDING_REQUESTS =
            """
            return performance.getEntriesByType('resource')
              .filter(e => e.name.includes('/api/tiles/buildings/') || e.name.includes('/api/buildings'))
              .map(e => [e.name, String(e.responseStatus)]);""";

    /** Pixels of the canvas tiles in the buildings pane that are painted (any colour, opaque enough). */
    private static final String PAINTED =
            """
            let n = 0;
            for (const c of document.querySelectorAll('.leaflet-ga-buildings-pane canvas')) {
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              for (let i = 3; i < d.length; i += 4) if (d[i] > 100) n++;
            }
            return n;""";

    @Test
    void buildingsAreDrawnFromVectorTilesAndAnswerAClick() {
        // a large building of the sample street, far from any other footprint edge: its point on surface
        Map<String, Object> building = jdbc.sql(
                        """
                        SELECT b.code, b.address, ST_Y(b.point) AS lat, ST_X(b.point) AS lon
                        FROM building b
                        ORDER BY ST_Area(b.footprint::geography) DESC, b.code LIMIT 1""")
                .query()
                .singleRow();
        try (Browser browser = new Browser()) {
            browser.login(baseUrl(), "supervisor", DEMO_PASSWORD);
            browser.waitFor(By.cssSelector("body[data-ready='true']"));
            browser.script(
                    "window.gaSupervisorMap.setView([arguments[0], arguments[1]], 18, {animate: false})",
                    building.get("lat"),
                    building.get("lon"));
            browser.waitFor(By.cssSelector("#map[data-building-tiles='loaded']"));
            long painted = ((Number) browser.until(d -> {
                        Number n = (Number) browser.script(PAINTED);
                        return n.longValue() > 0 ? n : null;
                    }))
                    .longValue();
            assertThat(painted).isPositive();

            @SuppressWarnings("unchecked")
            List<List<String>> requests = (List<List<String>>) browser.script(BUILDING_REQUESTS);
            assertThat(requests)
                    .as("building tiles, never the whole building layer as GeoJSON")
                    .isNotEmpty()
                    .allSatisfy(r -> {
                        assertThat(r.get(0)).matches(".*/api/tiles/buildings/[0-9]+/[0-9]+/[0-9]+\\.mvt");
                        assertThat(r.get(1)).isEqualTo("200");
                    });

            // a real click at the building's point on surface
            WebElement map = browser.driver().findElement(By.id("map"));
            @SuppressWarnings("unchecked")
            List<Number> xy = (List<Number>) browser.script(
                    "const p = window.gaSupervisorMap.latLngToContainerPoint([arguments[0], arguments[1]]);"
                            + " return [p.x, p.y];",
                    building.get("lat"),
                    building.get("lon"));
            int dx = (int) Math.round(xy.get(0).doubleValue() - map.getRect().getWidth() / 2.0);
            int dy = (int) Math.round(xy.get(1).doubleValue() - map.getRect().getHeight() / 2.0);
            new Actions(browser.driver()).moveToElement(map, dx, dy).click().perform();
            String popup = browser.waitFor(By.cssSelector(".ga-building-popup .leaflet-popup-content"))
                    .getText();
            assertThat(popup).contains((String) building.get("address"));
        }
    }
}
