package org.gridatlas.api;

/** The media type of RFC 7946. */
public final class GeoJsonMediaType {
    public static final String VALUE = "application/geo+json";

    private GeoJsonMediaType() {}
}
