package org.gridatlas.heatmap;

/**
 * The straightforward kernel sum the tests compare with, written from the definition in docs/heatmap.md and
 * independent of the production code: pixel centres from the slippy-map formulas (sinh), points projected with the
 * Mercator formula, ground distance = Mercator distance × cos(latitude of the point), quartic kernel
 * 3/(π r²)(1 − d²/r²)², summed over every point, per km², divided by the months.
 */
final class KernelReference {
    private static final double R = 6378137.0;

    private KernelReference() {}

    /** Longitude of a global pixel-column centre at zoom z. */
    static double lonOfPixel(int z, double column) {
        return (column + 0.5) / (256 * Math.pow(2, z)) * 360 - 180;
    }

    /** Latitude of a global pixel-row centre at zoom z. */
    static double latOfPixel(int z, double row) {
        double n = Math.PI * (1 - 2 * (row + 0.5) / (256 * Math.pow(2, z)));
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /** Density in weight per km² per month at (lon, lat) from points {lon, lat, weight}. */
    static double density(double lon, double lat, double[][] points, double radius, int months) {
        double x = R * Math.toRadians(lon);
        double y = R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
        double sum = 0;
        for (double[] p : points) {
            double px = R * Math.toRadians(p[0]);
            double py = R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(p[1]) / 2));
            double d = Math.hypot(x - px, y - py) * Math.cos(Math.toRadians(p[1]));
            if (d < radius) {
                double t = 1 - (d * d) / (radius * radius);
                sum += p[2] * 3 / (Math.PI * radius * radius) * t * t;
            }
        }
        return sum * 1e6 / months;
    }
}
