package org.gridatlas.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Order statistics of the benchmark report, on hand-picked values (nearest-rank percentiles). */
class SamplesTest {
    @Test
    void medianPercentilesMinMaxOfUnsortedValues() {
        // 20 values 1..20 in scrambled order: median (10+11)/2, p95 = the 19th value, p50 = the 10th
        double[] v = {20, 3, 17, 1, 9, 14, 6, 11, 2, 19, 8, 16, 4, 13, 10, 5, 18, 7, 15, 12};
        Samples s = new Samples(v);
        assertThat(s.median()).isEqualTo(10.5);
        assertThat(s.percentile(95)).isEqualTo(19);
        assertThat(s.percentile(50)).isEqualTo(10);
        assertThat(s.percentile(100)).isEqualTo(20);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(20);
        assertThat(s.count()).isEqualTo(20);
        assertThat(v[0]).as("the caller's array is not reordered").isEqualTo(20);
    }

    @Test
    void oddCountMedianIsTheMiddleValueAndFiveValuesP95IsTheLargest() {
        Samples s = new Samples(new double[] {5, 1, 3, 4, 2});
        assertThat(s.median()).isEqualTo(3);
        assertThat(s.percentile(95)).isEqualTo(5);
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(() -> new Samples(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
