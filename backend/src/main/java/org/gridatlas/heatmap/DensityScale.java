package org.gridatlas.heatmap;

import java.util.ArrayList;
import java.util.List;

/**
 * The absolute colour scale of the heat map: fixed class breaks in incidents per km² per month, the same for every
 * tile, zoom and period, so two places or two months compare by colour. Densities below the first break are drawn
 * faintly (there are incidents, only few); zero is transparent. The difference mode uses the same breaks on both
 * sides of zero (red: more than the comparison period, blue: fewer).
 */
final class DensityScale {
    /** Lower bounds of the classes, incidents per km² per month (half-decade steps). */
    static final double[] BREAKS = {1, 10, 30, 100, 300, 1000, 3000, 10000};

    private static final int[] HEAT = {
        0x40ffffb2, 0x90fed976, 0xa0feb24c, 0xb0fd8d3c, 0xc0fc4e2a, 0xd0e31a1c, 0xe0bd0026, 0xf0800026, 0xff4d0013
    };
    private static final int[] MORE = {
        0x00000000, 0x80fddbc7, 0xa0f4a582, 0xb0d6604d, 0xc0b2182b, 0xd08b0000, 0xe0670000, 0xf0500000, 0xff3a0000
    };
    private static final int[] FEWER = {
        0x00000000, 0x80d1e5f0, 0xa092c5de, 0xb04393c3, 0xc02166ac, 0xd0053061, 0xe0032048, 0xf0021a3a, 0xff01122b
    };

    private DensityScale() {}

    /** ARGB of a density (or, with difference, of a signed difference of densities). */
    static int argb(double v, boolean difference) {
        if (!difference) {
            if (!(v > 1e-12)) return 0;
            return HEAT[classOf(v)];
        }
        if (Math.abs(v) < BREAKS[0]) return 0;
        return v > 0 ? MORE[classOf(v)] : FEWER[classOf(-v)];
    }

    /** 0 below the first break, i for values in [BREAKS[i-1], BREAKS[i]), BREAKS.length at or above the last. */
    static int classOf(double v) {
        int c = 0;
        while (c < BREAKS.length && v >= BREAKS[c]) c++;
        return c;
    }

    /**
     * One legend entry.
     *
     * @param from lower bound, incidents per km² per month (exclusive 0 for the first class), or null for no bound
     * @param to upper bound, or null for no bound
     * @param color CSS colour with alpha, e.g. {@code rgba(252,78,42,0.75)}
     */
    record Entry(Double from, Double to, String color) {}

    static List<Entry> legend(boolean difference) {
        List<Entry> entries = new ArrayList<>();
        for (int c = difference ? 1 : 0; c <= BREAKS.length; c++) {
            Double from = c == 0 ? 0.0 : BREAKS[c - 1];
            Double to = c == BREAKS.length ? null : BREAKS[c];
            entries.add(new Entry(from, to, css(difference ? MORE[c] : HEAT[c])));
        }
        if (difference) {
            for (int c = 1; c <= BREAKS.length; c++) {
                entries.add(new Entry(c == BREAKS.length ? null : -BREAKS[c], -BREAKS[c - 1], css(FEWER[c])));
            }
        }
        return entries;
    }

    static String css(int argb) {
        return "rgba(%d,%d,%d,%.2f)"
                .formatted((argb >> 16) & 255, (argb >> 8) & 255, argb & 255, ((argb >>> 24) & 255) / 255.0);
    }
}
