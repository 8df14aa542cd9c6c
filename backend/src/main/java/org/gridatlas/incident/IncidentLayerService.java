package org.gridatlas.incident;

import org.gridatlas.api.FeatureCollectionSql;
import org.gridatlas.api.LayerRequest;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Located incidents as a GeoJSON layer for GIS clients. Only what may leave the service: no reporter, and neither
 * the free-text description nor the address (both can name residents); the category, source, lifecycle times,
 * resolution level, satisfaction and the grid in force. Filtered by the scope, a bbox and the reported time.
 */
@Service
public class IncidentLayerService {
    private static final String INCIDENTS = FeatureCollectionSql.of(
            """
            SELECT i.external_id AS sort_key, i.* FROM incident i
            WHERE i.location IS NOT NULL
              AND (%s OR i.street_code = :scope_street) AND (%s OR i.community_code = :scope_community)
              AND %s AND %s"""
                    .formatted(
                            ScopeSql.STREET,
                            ScopeSql.COMMUNITY,
                            LayerRequest.bboxFilter("i.location"),
                            LayerRequest.timeFilter("i.reported_at")),
            """
            SELECT sort_key, json_build_object('type', 'Feature', 'id', external_id,
              'geometry', ST_AsGeoJSON(location, 7)::json,
              'properties', json_build_object('external_id', external_id, 'source', source,
                'category_big', big.name, 'category_small', small.name, 'category_code', category_code,
                'status', status, 'reported_at', reported_at, 'accepted_at', accepted_at,
                'dispatched_at', dispatched_at, 'resolved_at', resolved_at, 'closed_at', closed_at,
                'resolution_level', resolution_level, 'satisfaction', satisfaction,
                'geocode_quality', geocode_quality, 'street_code', street_code, 'community_code', community_code,
                'grid_code', grid_code)) AS feature
            FROM page
            JOIN incident_category small ON small.code = page.category_code
            JOIN incident_category big ON big.code = page.category_big""");

    private final JdbcClient jdbc;

    IncidentLayerService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Incidents of the scope as a GeoJSON FeatureCollection (features ordered by external id). */
    public String incidents(Scope scope, LayerRequest request) {
        return request.bind(ScopeSql.bind(jdbc.sql(INCIDENTS), scope))
                .query(String.class)
                .single();
    }
}
