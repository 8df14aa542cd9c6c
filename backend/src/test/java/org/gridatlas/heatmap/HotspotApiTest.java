package org.gridatlas.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gridatlas.security.Scope;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Aggregates, rates per 1,000 households, Gi* and repeat locations on {@link AggregatesFixture}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotApiTest extends PostgisIntegrationTest {
    private static final Scope SCOPE = new Scope(Scope.SUPERVISOR, AggregatesFixture.STREET, null);

    @Autowired
    HotspotService hotspots;

    @Autowired
    RepeatLocations repeats;

    @Autowired
    HeatmapService heatmaps;

    @BeforeAll
    void fixture() {
        AggregatesFixture.insert(jdbc);
    }

    @AfterAll
    void cleanup() {
        AggregatesFixture.remove(jdbc);
        heatmaps.refresh();
    }

    private HeatmapFilter march() {
        return heatmaps.filter(SCOPE, HeatmapController.params(Map.of("from", "2001-03", "to", "2001-03")));
    }

    @Test
    void ratesPerGridAreExact() {
        List<HotspotService.Unit> units = hotspots.units(SCOPE, march(), "grid", null);
        assertThat(units)
                .extracting(HotspotService.Unit::id)
                .containsExactly(AggregatesFixture.GRID_A, AggregatesFixture.GRID_B);
        assertThat(units.get(0).incidents()).isEqualTo(5);
        assertThat(units.get(0).households()).isEqualTo(250);
        assertThat(units.get(0).ratePer1000Households()).isEqualTo(20.0);
        assertThat(units.get(1).incidents()).isEqualTo(2);
        assertThat(units.get(1).households()).isEqualTo(200);
        assertThat(units.get(1).ratePer1000Households()).isEqualTo(10.0);
        // two adjacent grids: each neighbourhood holds every unit, so Gi* is 0 and nothing is significant
        assertThat(units).allSatisfy(u -> assertThat(u.gi().spot()).isEqualTo("none"));
    }

    @Test
    void hexagonsCoverTheAreaAndKeepEveryIncidentAndHousehold() {
        List<HotspotService.Unit> units = hotspots.units(SCOPE, march(), "hexagon", 100);
        // the 1 km × 1.1 km street in 100 m hexagons (≈ 26,000 m² each): several dozen cells, most of them empty
        assertThat(units.size()).isBetween(40, 80);
        assertThat(units.stream().mapToLong(HotspotService.Unit::incidents).sum())
                .isEqualTo(7);
        assertThat(units.stream().mapToLong(HotspotService.Unit::households).sum())
                .isEqualTo(450);
        for (HotspotService.Unit u : units) {
            if (u.households() > 0)
                assertThat(u.ratePer1000Households()).isEqualTo(u.incidents() * 1000.0 / u.households());
            else assertThat(u.ratePer1000Households()).isNull();
        }
        // the cells of the three buildings hold 2 incidents each, far above the mean (7 over dozens of cells)
        assertThat(units).filteredOn(u -> u.incidents() == 2).hasSize(3).allSatisfy(u -> assertThat(u.gi().z())
                .isPositive());
        assertThat(units).filteredOn(u -> u.incidents() == 0).isNotEmpty();
    }

    @Test
    void repeatLocationsAreRankedByBuilding() {
        List<RepeatLocations.Place> places = repeats.ranked(SCOPE, march(), 10, 2);
        assertThat(places).extracting(RepeatLocations.Place::buildingCode).containsExactly("FIXB1", "FIXB2", "FIXB3");
        assertThat(places).extracting(RepeatLocations.Place::incidents).containsExactly(2L, 2L, 2L);
        assertThat(places.get(0).topCategoryName()).isEqualTo("噪音扰民");
    }

    @Test
    void geoJsonOverHttpForTheSampleStreet() {
        JsonNode fc =
                as("supervisor").get("/api/hotspots?unit=hexagon&size=250").json();
        assertThat(fc.get("features").size()).isGreaterThan(20);
        JsonNode p = fc.get("features").get(0).get("properties");
        assertThat(p.has("gi_z")).isTrue();
        assertThat(p.has("spot")).isTrue();
        assertThat(as("supervisor").get("/api/hotspots.csv?unit=grid").body()).contains("rate_per_1000_households");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/hotspots?unit=triangle|unit",
                "/api/hotspots?size=10|size",
                "/api/hotspots?size=99999|size",
                "/api/hotspots?from=2026-05&to=2026-01|to",
                "/api/hotspots?category=0999|category",
                "/api/hotspots/repeats?limit=0|limit"
            })
    void badInputIsAProblemNamingTheParameter(String path, String parameter) {
        var answer = as("supervisor").get(path);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asString()).isEqualTo(parameter);
    }
}
