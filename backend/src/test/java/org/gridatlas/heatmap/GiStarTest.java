package org.gridatlas.heatmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gi* on small lattices: closed-form answers, and the published formula written out independently. */
class GiStarTest {

    /** Rook neighbours (no self) of a rows×cols lattice, cells numbered row by row. */
    static int[][] rook(int rows, int cols) {
        int[][] nb = new int[rows * cols][];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                List<Integer> l = new ArrayList<>();
                if (r > 0) l.add((r - 1) * cols + c);
                if (r < rows - 1) l.add((r + 1) * cols + c);
                if (c > 0) l.add(r * cols + c - 1);
                if (c < cols - 1) l.add(r * cols + c + 1);
                nb[r * cols + c] = l.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return nb;
    }

    @Test
    void threeByThreeWithOneHotCentreHasTheClosedFormAnswer() {
        // x = 9 at the centre, 0 elsewhere: X̄ = 1, S = √8. Centre: (9 − 5)/(√8·√((45 − 25)/8)) = 4/√20 = 2/√5.
        // Corner (itself + 2 edge cells, all 0): (0 − 3)/(√8·√((27 − 9)/8)) = −3/√18 = −1/√2.
        // Edge (itself, 2 corners, the centre): (9 − 4)/(√8·√((36 − 16)/8)) = 5/√20 = √5/2.
        double[] x = {0, 0, 0, 0, 9, 0, 0, 0, 0};
        GiStar.Result[] r = GiStar.compute(x, rook(3, 3));
        assertEquals(2 / Math.sqrt(5), r[4].z(), 1e-12);
        assertEquals(-1 / Math.sqrt(2), r[0].z(), 1e-12);
        assertEquals(Math.sqrt(5) / 2, r[1].z(), 1e-12);
    }

    @Test
    void fiveByFiveEqualsThePublishedFormulaWithAWeightMatrix() {
        double[] x = {3, 1, 0, 2, 5, 7, 8, 1, 0, 0, 9, 12, 4, 1, 0, 6, 10, 3, 0, 1, 2, 2, 0, 0, 0};
        int n = x.length;
        int[][] nb = rook(5, 5);
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            w[i][i] = 1;
            for (int j : nb[i]) w[i][j] = 1;
        }
        double mean = 0;
        for (double v : x) mean += v / n;
        double s2 = 0;
        for (double v : x) s2 += v * v / n;
        double s = Math.sqrt(s2 - mean * mean);
        GiStar.Result[] r = GiStar.compute(x, nb);
        for (int i = 0; i < n; i++) {
            double sw = 0, sw2 = 0, swx = 0;
            for (int j = 0; j < n; j++) {
                sw += w[i][j];
                sw2 += w[i][j] * w[i][j];
                swx += w[i][j] * x[j];
            }
            double expected = (swx - mean * sw) / (s * Math.sqrt((n * sw2 - sw * sw) / (n - 1)));
            assertEquals(expected, r[i].z(), 1e-12, "cell " + i);
        }
    }

    @Test
    void benjaminiHochbergByHand() {
        // sorted p: 0.01, 0.03, 0.04, 0.5 → raw 0.04, 0.06, 0.0533…, 0.5 → monotone 0.04, 0.0533…, 0.0533…, 0.5
        double[] q = GiStar.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.5});
        assertArrayEquals(new double[] {0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5}, q, 1e-12);
    }

    @Test
    void pValuesAndClasses() {
        assertEquals(0.975, GiStar.Normal.cdf(1.959964), 1e-6);
        assertEquals(0.005, 1 - GiStar.Normal.cdf(2.575829), 1e-6);
        assertEquals("hot99", GiStar.spot(3, 0.001));
        assertEquals("cold95", GiStar.spot(-2.1, 0.03));
        assertEquals("hot90", GiStar.spot(1.8, 0.07));
        assertEquals("none", GiStar.spot(1.0, 0.3));
    }
}
