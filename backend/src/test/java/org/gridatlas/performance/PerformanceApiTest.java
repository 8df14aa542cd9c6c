package org.gridatlas.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.gridatlas.heatmap.AggregatesFixture;
import org.gridatlas.security.Scope;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 三率 and 721 on {@link AggregatesFixture}, expected values worked out by hand from its seven incidents:
 * grid A — 5 incidents; accepted within 24 h: A1, A3, A4 (A2 after 26 h, A5 never) → 3/5; resolved A1–A3 → 3/5;
 * rated A1 5, A2 2, A3 4 → 2/3 satisfied; hours to close 24, 48, 12 → median 24; levels community 2, department 1.
 * Grid B — 2 incidents, both accepted in time and resolved; rated B2 3 → 0/1; closed B1 after 48 h; street 1,
 * community 1. The community: 5/7, 5/7, 2/4, median of 12, 24, 48, 48 = 36, levels 3/1/1 of 5.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerformanceApiTest extends PostgisIntegrationTest {
    private static final Scope SCOPE = new Scope(Scope.SUPERVISOR, AggregatesFixture.STREET, null);

    @Autowired
    PerformanceService performance;

    @BeforeAll
    void fixture() {
        AggregatesFixture.insert(jdbc);
    }

    @AfterAll
    void cleanup() {
        AggregatesFixture.remove(jdbc);
    }

    private List<HandlingPerformance> rank(String by, String sort) {
        return performance.ranking(
                SCOPE, performance.query(by, "2001-03", "2001-03", null, null, null, sort, Set.of(), Set.of()));
    }

    @Test
    void ratesPerGridAreExact() {
        List<HandlingPerformance> rows = rank("grid", "resolutionRate");
        assertThat(rows)
                .extracting(HandlingPerformance::code)
                .containsExactly(AggregatesFixture.GRID_B, AggregatesFixture.GRID_A);
        HandlingPerformance b = rows.get(0), a = rows.get(1);
        assertThat(a.name()).isEqualTo("甲网格");
        assertThat(a.incidents()).isEqualTo(5);
        assertThat(a.responseRate()).isEqualTo(0.6);
        assertThat(a.resolutionRate()).isEqualTo(0.6);
        assertThat(a.satisfactionRate()).isEqualTo(2.0 / 3);
        assertThat(a.medianHoursToClose()).isEqualTo(24.0);
        assertThat(a.communityShare()).isEqualTo(2.0 / 3);
        assertThat(a.departmentShare()).isEqualTo(1.0 / 3);
        assertThat(a.streetShare()).isEqualTo(0.0);
        assertThat(b.responseRate()).isEqualTo(1.0);
        assertThat(b.resolutionRate()).isEqualTo(1.0);
        assertThat(b.satisfactionRate()).isEqualTo(0.0);
        assertThat(b.medianHoursToClose()).isEqualTo(48.0);
        assertThat(b.streetShare()).isEqualTo(0.5);
        assertThat(b.rank()).isEqualTo(1);
    }

    @Test
    void communityAndStreetRollUp() {
        HandlingPerformance c = rank("community", null).get(0);
        assertThat(c.code()).isEqualTo(AggregatesFixture.COMMUNITY);
        assertThat(c.responseRate()).isEqualTo(5.0 / 7);
        assertThat(c.resolutionRate()).isEqualTo(5.0 / 7);
        assertThat(c.satisfactionRate()).isEqualTo(0.5);
        assertThat(c.medianHoursToClose()).isEqualTo(36.0);
        assertThat(c.communityShare()).isEqualTo(0.6);
        assertThat(c.departmentShare()).isEqualTo(0.2);
        assertThat(c.streetShare()).isEqualTo(0.2);
        // |0.6−0.7| + |0.2−0.2| + |0.2−0.1| = 0.2, halved
        assertThat(c.levelMixGap()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rank("street", null))
                .singleElement()
                .extracting(HandlingPerformance::incidents)
                .isEqualTo(7L);
    }

    @Test
    void aShorterResponseDeadlineLowersTheResponseRate() {
        // within 1 h: A1 (1 h), A3 (0.5 h), A4 (1 h), B2 (1 h); B1 took 2 h
        var q = performance.query("community", "2001-03", "2001-03", null, null, "1", null, Set.of(), Set.of());
        assertThat(performance.ranking(SCOPE, q).get(0).responseRate()).isEqualTo(4.0 / 7);
    }

    @Test
    void csvOverHttp() {
        var answer = as("supervisor").get("/api/performance.csv?by=community");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("response_rate").contains("330212008001");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/performance?by=building|by",
                "/api/performance?from=2026-05&to=2026-01|to",
                "/api/performance?from=may|from",
                "/api/performance?category=77|category",
                "/api/performance?responseHours=0|responseHours",
                "/api/performance?sort=beauty|sort"
            })
    void badInputIsAProblemNamingTheParameter(String path, String parameter) {
        var answer = as("supervisor").get(path);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asString()).isEqualTo(parameter);
    }
}
