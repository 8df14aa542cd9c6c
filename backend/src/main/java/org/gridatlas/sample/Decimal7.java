package org.gridatlas.sample;

/** Fixed seven-decimal formatting of degrees (about 1 cm), locale-free and fast. */
final class Decimal7 {
    private static final long SCALE = 10_000_000L;

    private Decimal7() {}

    /** Rounds a coordinate to seven decimals. */
    static double round(double degrees) {
        return Math.round(degrees * SCALE) / (double) SCALE;
    }

    static String format(double degrees) {
        return append(new StringBuilder(12), degrees).toString();
    }

    static StringBuilder append(StringBuilder out, double degrees) {
        long scaled = Math.round(degrees * SCALE);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / SCALE).append('.');
        String fraction = Long.toString(scaled % SCALE);
        for (int i = fraction.length(); i < 7; i++) {
            out.append('0');
        }
        return out.append(fraction);
    }
}
