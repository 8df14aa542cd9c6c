package org.gridatlas.heatmap;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
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

    /**
     * The palette of the tiles: index 0 transparent, then the heat classes, then the "more" and "fewer" classes of
     * the difference mode — every colour {@link #argb} can return, so a tile is an 8-bit indexed PNG (a quarter of
     * the bytes to filter and deflate of an ARGB one, and a smaller file) with exactly the same colours.
     */
    private static final int[] PALETTE = palette();

    private static int[] palette() {
        int[] p = new int[1 + HEAT.length + 2 * (MORE.length - 1)];
        System.arraycopy(HEAT, 0, p, 1, HEAT.length);
        System.arraycopy(MORE, 1, p, 1 + HEAT.length, MORE.length - 1);
        System.arraycopy(FEWER, 1, p, HEAT.length + MORE.length, FEWER.length - 1);
        return p;
    }

    private static final IndexColorModel COLORS = colorModel();

    private static IndexColorModel colorModel() {
        byte[] r = new byte[PALETTE.length], g = new byte[PALETTE.length], b = new byte[PALETTE.length];
        byte[] a = new byte[PALETTE.length];
        for (int i = 0; i < PALETTE.length; i++) {
            a[i] = (byte) (PALETTE[i] >>> 24);
            r[i] = (byte) (PALETTE[i] >> 16);
            g[i] = (byte) (PALETTE[i] >> 8);
            b[i] = (byte) PALETTE[i];
        }
        return new IndexColorModel(8, PALETTE.length, r, g, b, a);
    }

    /** Palette index of {@link #argb}{@code (v, difference)}. */
    static int paletteIndex(double v, boolean difference) {
        if (!difference) return v > 1e-12 ? 1 + classOf(v) : 0;
        if (Math.abs(v) < BREAKS[0]) return 0;
        return v > 0 ? HEAT.length + classOf(v) : HEAT.length + MORE.length - 1 + classOf(-v);
    }

    /** The densities (row by row) as an indexed image of the palette. */
    static BufferedImage indexedImage(int width, int height, double[] density, boolean difference) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, COLORS);
        byte[] pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int k = 0; k < pixels.length; k++) pixels[k] = (byte) paletteIndex(density[k], difference);
        return img;
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
