package org.gridatlas.api;

import org.gridatlas.geo.Bbox;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The common parameters of a GeoJSON layer: an optional bounding box and a page. SQL filters with
 * {@link #BBOX_FILTER} on its geometry column and binds with {@link #bind}.
 */
public record LayerRequest(Bbox bbox, PageRequest page) {
    /** Replace {@code %s} with the geometry column (a constant of the caller, never user input). */
    public static final String BBOX_FILTER =
            "(CAST(:bbox_minx AS float8) IS NULL OR %s && ST_MakeEnvelope(:bbox_minx, :bbox_miny, :bbox_maxx, :bbox_maxy, 4326))";

    public static String bboxFilter(String geometryColumn) {
        return BBOX_FILTER.formatted(geometryColumn);
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        return spec.param("bbox_minx", bbox == null ? null : bbox.minLon())
                .param("bbox_miny", bbox == null ? null : bbox.minLat())
                .param("bbox_maxx", bbox == null ? null : bbox.maxLon())
                .param("bbox_maxy", bbox == null ? null : bbox.maxLat())
                .param("limit", page.limit())
                .param("offset", page.offset());
    }
}
