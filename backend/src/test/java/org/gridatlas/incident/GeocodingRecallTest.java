package org.gridatlas.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 50 address-only incidents of the sample street (manifest.json → faults.incidents_without_coordinates, each
 * with the building its address names) are geocoded when the sample is loaded; at least 95% must land on the right
 * building, and a wrong building is worse than none (precision is reported beside recall).
 */
class GeocodingRecallTest extends PostgisIntegrationTest {

    @Test
    void addressOnlyIncidentsOfTheSampleLandOnTheirBuilding() throws Exception {
        JsonNode manifest =
                JsonMapper.builder().build().readTree(Files.readString(Path.of("../gis-data/sample/manifest.json")));
        JsonNode truth = manifest.at("/faults/incidents_without_coordinates");
        Map<String, String> placed = new HashMap<>();
        jdbc.sql(
                        """
                        SELECT i.external_id, b.code FROM incident i JOIN building b ON b.id = i.building_id
                        WHERE i.geocode_quality IN ('exact', 'fuzzy')""")
                .query(rs -> {
                    placed.put(rs.getString(1), rs.getString(2));
                });
        int right = 0, wrong = 0;
        Map<String, int[]> byVariant = new java.util.TreeMap<>();
        for (JsonNode t : truth) {
            String got = placed.get(t.get("external_id").asString());
            int[] v = byVariant.computeIfAbsent(t.get("variant").asString(), k -> new int[2]);
            v[1]++;
            if (got == null) continue;
            if (got.equals(t.get("building_code").asString())) {
                right++;
                v[0]++;
            } else {
                wrong++;
            }
        }
        double recall = right / (double) truth.size(), precision = right / (double) Math.max(1, right + wrong);
        System.out.printf(
                "geocoding on the sample street: %d of %d right (recall %.1f%%), %d wrong (precision %.1f%%); by variant %s%n",
                right,
                truth.size(),
                100 * recall,
                wrong,
                100 * precision,
                byVariant.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1])
                        .toList());
        assertThat(truth).hasSize(50);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
    }
}
