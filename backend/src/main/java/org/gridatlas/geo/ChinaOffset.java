package org.gridatlas.geo;

/**
 * The GCJ-02 and BD-09 offsets of Chinese web maps and their inverses.
 *
 * <p>GCJ-02 adds to WGS84 a smooth, deliberately irregular shift of a few hundred metres, defined only inside China
 * (the usual bounding box 72.004–137.8347°E, 0.8293–55.8271°N): outside it the coordinates are WGS84 already and are
 * left alone. The forward formula is the widely published one (Krasovsky ellipsoid constants); the inverse has no
 * closed form, so it is solved by fixed-point iteration until the residual is below 1e-9° (about 0.1 mm), which
 * converges in a handful of steps because the shift changes slowly. BD-09 is a closed-form rotation and scaling of
 * GCJ-02 with a known inverse (Baidu's own formula, accurate to a few centimetres).
 */
public final class ChinaOffset {
    private static final double A = 6378245.0; // Krasovsky 1940 semi-major axis, as in the published formula
    private static final double EE = 0.00669342162296594323; // its first eccentricity squared
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private ChinaOffset() {}

    /** Whether the offset applies: GCJ-02 is defined only inside China's bounding box. */
    public static boolean inChina(LonLat p) {
        return p.lon() >= 72.004 && p.lon() <= 137.8347 && p.lat() >= 0.8293 && p.lat() <= 55.8271;
    }

    public static LonLat wgs84ToGcj02(LonLat p) {
        if (!inChina(p)) return p;
        double[] d = delta(p.lon(), p.lat());
        return new LonLat(p.lon() + d[0], p.lat() + d[1]);
    }

    public static LonLat gcj02ToWgs84(LonLat gcj) {
        if (!inChina(gcj)) return gcj;
        double lon = gcj.lon(), lat = gcj.lat();
        for (int i = 0; i < 30; i++) {
            double[] d = delta(lon, lat);
            double nextLon = gcj.lon() - d[0], nextLat = gcj.lat() - d[1];
            boolean done = Math.abs(nextLon - lon) < 1e-9 && Math.abs(nextLat - lat) < 1e-9;
            lon = nextLon;
            lat = nextLat;
            if (done) break;
        }
        return new LonLat(lon, lat);
    }

    public static LonLat gcj02ToBd09(LonLat p) {
        double x = p.lon(), y = p.lat();
        double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
        return new LonLat(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
    }

    public static LonLat bd09ToGcj02(LonLat p) {
        double x = p.lon() - 0.0065, y = p.lat() - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new LonLat(z * Math.cos(theta), z * Math.sin(theta));
    }

    /** The GCJ-02 shift (dLon, dLat) in degrees at a WGS84 point. */
    private static double[] delta(double lon, double lat) {
        double x = lon - 105.0, y = lat - 35.0;
        double dLat = shiftLat(x, y), dLon = shiftLon(x, y);
        double radLat = Math.toRadians(lat);
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double shiftLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double shiftLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
