package org.gridatlas.api;

import org.gridatlas.geo.Bbox;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The common parameters of a GeoJSON layer: an optional bounding box, a page, optionally one feature by its id and
 * a time interval (for layers with a time, e.g. incidents by reported time). SQL filters with {@link #BBOX_FILTER}
 * on its geometry column and {@link #TIME_FILTER} on its time column, and binds with {@link #bind}.
 *
 * @param featureId the id of the one feature asked for, or null for all
 * @param interval the time interval, or null for any time
 */
public record LayerRequest(Bbox bbox, PageRequest page, String featureId, TimeInterval interval) {
    public LayerRequest(Bbox bbox, PageRequest page) {
        this(bbox, page, null, null);
    }

    /** Replace {@code %s} with the time column (a constant of the caller). */
    public static final String TIME_FILTER = "(CAST(:time_start AS timestamptz) IS NULL OR %1$s >= :time_start)"
            + " AND (CAST(:time_end AS timestamptz) IS NULL OR %1$s <= :time_end)";

    public static String timeFilter(String timeColumn) {
        return TIME_FILTER.formatted(timeColumn);
    }

    public LayerRequest withFeatureId(String id) {
        return new LayerRequest(bbox, page, id, interval);
    }

    public LayerRequest withInterval(TimeInterval t) {
        return new LayerRequest(bbox, page, featureId, t);
    }

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
                .param("offset", page.offset())
                .param("feature_id", featureId)
                .param("time_start", interval == null ? null : interval.start())
                .param("time_end", interval == null ? null : interval.end());
    }
}
