package org.gridatlas.geo;

import org.gridatlas.api.BadParameterException;

/**
 * A bounding box in WGS84 lon/lat degrees, as the {@code bbox} query parameter gives it
 * ({@code minLon,minLat,maxLon,maxLat}, the order of RFC 7946 and OGC API – Features).
 */
public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {

    /** Parses the parameter; null or blank gives null (no filter). */
    public static Bbox parse(String parameter, String value) {
        if (value == null || value.isBlank()) return null;
        String[] parts = value.split(",");
        if (parts.length != 4) {
            throw new BadParameterException(parameter, "bbox needs four numbers minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadParameterException(parameter, "bbox value '" + parts[i].trim() + "' is not a number");
            }
            if (!Double.isFinite(v[i])) throw new BadParameterException(parameter, "bbox values must be finite");
        }
        Bbox box = new Bbox(v[0], v[1], v[2], v[3]);
        if (box.minLon < -180 || box.maxLon > 180 || box.minLat < -90 || box.maxLat > 90) {
            throw new BadParameterException(parameter, "bbox lies outside the world (lon -180..180, lat -90..90)");
        }
        if (box.minLon > box.maxLon || box.minLat > box.maxLat) {
            throw new BadParameterException(parameter, "bbox minimum is greater than its maximum");
        }
        return box;
    }
}
