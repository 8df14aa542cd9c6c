package org.gridatlas.building;

import org.gridatlas.api.FeatureCollectionSql;
import org.gridatlas.api.LayerRequest;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Buildings as a map layer (footprints with their households); no personal data is in a building. */
@Service
public class BuildingService {
    private static final String BUILDINGS = FeatureCollectionSql.of(
            """
            SELECT b.code AS sort_key, b.* FROM building b
            WHERE (%s OR left(b.community_code, 9) = :scope_street) AND (%s OR b.community_code = :scope_community)
              AND %s"""
                    .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY, LayerRequest.bboxFilter("b.footprint")),
            """
            SELECT sort_key, json_build_object('type', 'Feature', 'id', code,
              'geometry', ST_AsGeoJSON(footprint, 7)::json,
              'properties', json_build_object('code', code, 'address', address, 'compound', compound, 'type', type,
                'floors', floors, 'units', units, 'households', households, 'residents', residents,
                'has_elevator', has_elevator, 'built_year', built_year, 'community_code', community_code)) AS feature
            FROM page""");

    private final JdbcClient jdbc;

    BuildingService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String buildings(Scope scope, LayerRequest request) {
        return request.bind(ScopeSql.bind(jdbc.sql(BUILDINGS), scope))
                .query(String.class)
                .single();
    }
}
