package org.gridatlas.heatmap;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Getis-Ord Gi* (Getis &amp; Ord 1992, Ord &amp; Getis 1995) with binary weights: w_ij = 1 for j = i and for the
 * neighbours of i, else 0. For every unit i
 *
 * <pre>
 *   Gi* = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / ( S · sqrt( (n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1) ) )
 *   X̄ = Σ x_j / n,   S = sqrt( Σ x_j² / n − X̄² )
 * </pre>
 *
 * which is a z-score; the p-value is two-sided from the standard normal. The false-discovery rate over all units is
 * controlled by Benjamini–Hochberg: q_(k) = min_{m ≥ k} p_(m) · n / m. A unit is a hot (cold) spot at 99/95/90 %
 * when z &gt; 0 (z &lt; 0) and q &lt; 0.01/0.05/0.10. Cost O(n log n + Σ neighbours).
 */
final class GiStar {
    private GiStar() {}

    /**
     * @param z Gi* z-score
     * @param p two-sided p-value
     * @param q Benjamini–Hochberg adjusted p-value
     * @param spot hot99, hot95, hot90, cold99, cold95, cold90 or none
     */
    record Result(double z, double p, double q, String spot) {}

    /**
     * @param x the value of each unit (e.g. incidents)
     * @param neighbours neighbours[i] = the indices of the units adjacent to i (without i itself)
     */
    static Result[] compute(double[] x, int[][] neighbours) {
        int n = x.length;
        double sum = 0, sum2 = 0;
        for (double v : x) {
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / n;
        double s = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
        double[] z = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double wx = x[i];
            for (int j : neighbours[i]) wx += x[j];
            double w = 1 + neighbours[i].length; // binary weights: Σw = Σw²
            double denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
            z[i] = n < 2 || denominator == 0 ? 0 : (wx - mean * w) / denominator;
            p[i] = 2 * (1 - Normal.cdf(Math.abs(z[i])));
        }
        double[] q = benjaminiHochberg(p);
        Result[] out = new Result[n];
        for (int i = 0; i < n; i++) out[i] = new Result(z[i], p[i], q[i], spot(z[i], q[i]));
        return out;
    }

    static double[] benjaminiHochberg(double[] p) {
        int n = p.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[n];
        double running = 1;
        for (int k = n - 1; k >= 0; k--) {
            running = Math.min(running, p[order[k]] * n / (k + 1));
            q[order[k]] = running;
        }
        return q;
    }

    static String spot(double z, double q) {
        String side = z > 0 ? "hot" : "cold";
        if (z == 0) return "none";
        if (q < 0.01) return side + "99";
        if (q < 0.05) return side + "95";
        if (q < 0.10) return side + "90";
        return "none";
    }

    /** The standard normal distribution function (Abramowitz–Stegun 7.1.26 on erf; error &lt; 1.5e-7). */
    static final class Normal {
        private Normal() {}

        static double cdf(double z) {
            double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
            double erf = 1
                    - t
                            * (0.254829592
                                    + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                            * Math.exp(-z * z / 2);
            return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
        }
    }
}
