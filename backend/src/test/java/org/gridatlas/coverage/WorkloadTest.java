package org.gridatlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.gridatlas.api.BadParameterException;
import org.junit.jupiter.api.Test;

/** The workload index and the parsing of weights and norm bands, without a database. */
class WorkloadTest {
    private static WorkerWorkload worker(String code, double households, double area, boolean chief) {
        return new WorkerWorkload(
                code,
                null,
                null,
                "full_time",
                "330212008001",
                List.of(),
                chief ? List.of("g") : List.of(),
                List.of(),
                households,
                0,
                0,
                area,
                0,
                null,
                null,
                false,
                null);
    }

    @Test
    void indexIsTheWeightedSumOfFiguresOverTheirMedians() {
        // households 200, 300, 400 (median 300); area 1000, 1000, 4000 m² (median 1000)
        List<WorkerWorkload> ranked = Workload.rank(
                List.of(
                        worker("a", 200, 1000, true),
                        worker("b", 300, 1000, true),
                        worker("c", 400, 4000, true),
                        worker("p", 999, 9999, false)),
                new WorkloadWeights(0.5, 0, 0, 0.5, 0));
        Map<String, WorkerWorkload> by =
                Map.of("a", ranked.get(0), "b", ranked.get(1), "c", ranked.get(2), "p", ranked.get(3));
        assertThat(by.get("a").index()).isEqualTo(0.833); // 0.5 × 200/300 + 0.5 × 1
        assertThat(by.get("b").index()).isEqualTo(1.0);
        assertThat(by.get("c").index()).isEqualTo(2.667); // 0.5 × 4/3 + 0.5 × 4
        assertThat(by.get("c").rank()).isEqualTo(1);
        assertThat(by.get("a").rank()).isEqualTo(3);
        assertThat(by.get("c").outlier()).isTrue(); // 2.667 > 1.5 × 1.0
        assertThat(by.get("b").outlier()).isFalse();
        assertThat(by.get("p").index()).as("not a full-time worker").isNull();
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Workload.median(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Workload.median()).isZero();
    }

    @Test
    void weightsAreParsedAndChecked() {
        assertThat(WorkloadWeights.parse("households:1, area:0.5")).isEqualTo(new WorkloadWeights(1, 0, 0, 0.5, 0));
        assertThat(WorkloadWeights.parse(null)).isEqualTo(WorkloadWeights.DEFAULT);
        for (String bad :
                List.of("households", "households:x", "households:-1", "households:0", "lifts:1", "households:NaN")) {
            assertThatThrownBy(() -> WorkloadWeights.parse(bad))
                    .as(bad)
                    .isInstanceOf(BadParameterException.class)
                    .extracting(e -> ((BadParameterException) e).parameter())
                    .isEqualTo("weights");
        }
    }

    @Test
    void normBandsAreParsedAndChecked() {
        assertThat(CoverageRequest.band("households_per_grid", "300,500,400"))
                .isEqualTo(new NormBand("households_per_grid", 300, 500, 400.0));
        assertThat(new NormBand("m", 300, 500, null).status(299.9)).isEqualTo("below");
        assertThat(new NormBand("m", 300, 500, null).status(500)).isEqualTo("within");
        assertThat(new NormBand("m", 300, 500, null).status(501)).isEqualTo("above");
        for (String bad : List.of("500,300", "300", "a,b", "300,500,600", "-1,5")) {
            assertThatThrownBy(() -> CoverageRequest.band("households_per_grid", bad))
                    .as(bad)
                    .isInstanceOf(BadParameterException.class)
                    .extracting(e -> ((BadParameterException) e).parameter())
                    .isEqualTo("households_per_grid");
        }
    }
}
