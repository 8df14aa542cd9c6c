package org.gridatlas.api;

/**
 * Builds the SQL that returns a whole GeoJSON FeatureCollection (RFC 7946) as one text value, computed where the
 * data is: the matched rows are counted, one page is taken, and only that page is turned into features.
 *
 * <p>The caller binds {@code :limit}, {@code :offset} and {@code :feature_id} (one feature by its sort key, or
 * null for all) — {@link LayerRequest#bind} does; json_agg over no rows is NULL, hence the coalesce.
 */
public final class FeatureCollectionSql {
    private FeatureCollectionSql() {}

    /**
     * @param matched a SELECT of the rows that pass the filters (with a column named {@code sort_key})
     * @param feature a SELECT over the CTE {@code page} returning {@code sort_key} and a json {@code feature}
     */
    public static String of(String matched, String feature) {
        return """
                WITH filtered AS (%s),
                     matched AS (SELECT * FROM filtered
                                 WHERE CAST(:feature_id AS text) IS NULL OR sort_key::text = :feature_id),
                     page AS (SELECT * FROM matched ORDER BY sort_key LIMIT :limit OFFSET :offset),
                     features AS (%s)
                SELECT json_build_object(
                         'type', 'FeatureCollection',
                         'numberMatched', (SELECT count(*) FROM matched),
                         'numberReturned', (SELECT count(*) FROM page),
                         'features', coalesce((SELECT json_agg(feature ORDER BY sort_key) FROM features), '[]'::json)
                       )::text
                """
                .formatted(matched, feature);
    }
}
