package org.gridatlas.heatmap;

/**
 * Spherical Web Mercator (EPSG:3857) and its XYZ tile pyramid of 256-pixel tiles. Global pixel coordinates at zoom z
 * run from 0 to 256·2^z, x eastwards from 180°W and y southwards from the top of the world (85.0511°N), as in the
 * heatmap_cell table of V7__heatmap.sql. Distances on the ground are Mercator distances times cos(latitude).
 */
final class WebMercator {
    static final double R = 6378137.0;
    static final double HALF = Math.PI * R; // 20037508.342789244 m
    static final double WORLD = 2 * HALF;
    static final double MAX_LAT = 85.05112878;
    static final int TILE = 256;

    /** Pixel sizes per zoom 0..40: pixel centres are computed per pixel by the kernel, so no Math.pow there. */
    private static final double[] PIXEL_SIZE = new double[41];

    static {
        for (int z = 0; z < PIXEL_SIZE.length; z++) PIXEL_SIZE[z] = WORLD / (TILE * Math.pow(2, z));
    }

    private WebMercator() {}

    static double x(double lon) {
        return Math.toRadians(lon) * R;
    }

    static double y(double lat) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * R;
    }

    static double lon(double x) {
        return Math.toDegrees(x / R);
    }

    static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / R)) - Math.PI / 2);
    }

    /** Size of one pixel at zoom z, in Mercator metres. */
    static double pixelSize(int z) {
        return PIXEL_SIZE[z];
    }

    /** Mercator x of the west edge of global pixel column px at zoom z. */
    static double pixelX(int z, double px) {
        return px * pixelSize(z) - HALF;
    }

    /** Mercator y of the north edge of global pixel row py at zoom z. */
    static double pixelY(int z, double py) {
        return HALF - py * pixelSize(z);
    }

    /**
     * Ground metres per Mercator metre at the Mercator y (the scale factor is 1/cos(latitude)): cos(latitude) =
     * 1/cosh(y/R) on the sphere (latitude is the Gudermannian of y/R), one exponential instead of the latitude's
     * atan and exp and a cosine — the kernel asks it once per point.
     */
    static double groundScale(double y) {
        return 1 / Math.cosh(y / R);
    }
}
