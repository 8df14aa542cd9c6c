package org.gridatlas.geo;

/**
 * A point in longitude/latitude degrees (RFC 7946 axis order).
 *
 * @param lon longitude, degrees east
 * @param lat latitude, degrees north
 */
public record LonLat(double lon, double lat) {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /** Great-circle distance in metres (haversine on the mean sphere; good to 0.5% — enough for checks and tests). */
    public double metresTo(LonLat o) {
        double p1 = Math.toRadians(lat), p2 = Math.toRadians(o.lat);
        double dp = p2 - p1, dl = Math.toRadians(o.lon - lon);
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
    }
}
