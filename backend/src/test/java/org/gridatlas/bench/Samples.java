package org.gridatlas.bench;

import java.util.Arrays;

/** Measured values of one benchmark side, with the order statistics the report shows (nearest-rank percentiles). */
public record Samples(double[] values) {
    public Samples {
        if (values.length == 0) throw new IllegalArgumentException("no samples");
        values = values.clone();
        Arrays.sort(values);
    }

    public double median() {
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** Nearest-rank p-th percentile, 0 < p ≤ 100. */
    public double percentile(double p) {
        int rank = (int) Math.ceil(p / 100 * values.length);
        return values[Math.max(0, rank - 1)];
    }

    public double min() {
        return values[0];
    }

    public double max() {
        return values[values.length - 1];
    }

    public int count() {
        return values.length;
    }
}
