package org.gridatlas.area;

import java.util.HashSet;
import java.util.Set;
import org.gridatlas.api.FeatureCollectionSql;
import org.gridatlas.api.LayerRequest;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Streets (街道) and communities (社区): the administrative areas grids tile. */
@Service
public class AreaService {
    private static final String STREETS = FeatureCollectionSql.of(
            """
            SELECT s.code AS sort_key, s.* FROM street s
            WHERE (%s OR s.code = :scope_street) AND (%s OR s.code = left(:scope_community, 9)) AND %s"""
                    .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY, LayerRequest.bboxFilter("s.geom")),
            """
            SELECT sort_key, json_build_object('type', 'Feature', 'id', code,
              'geometry', ST_AsGeoJSON(geom, 7)::json,
              'properties', json_build_object('code', code, 'name', name, 'district_code', district_code,
                'district_name', district_name)) AS feature
            FROM page""");

    private static final String COMMUNITIES = FeatureCollectionSql.of(
            """
            SELECT c.code AS sort_key, c.* FROM community c
            WHERE (%s OR c.street_code = :scope_street) AND (%s OR c.code = :scope_community) AND %s"""
                    .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY, LayerRequest.bboxFilter("c.geom")),
            """
            SELECT sort_key, json_build_object('type', 'Feature', 'id', code,
              'geometry', ST_AsGeoJSON(geom, 7)::json,
              'properties', json_build_object('code', code, 'name', name, 'street_code', street_code,
                'area_m2', round(ST_Area(geom::geography)::numeric, 1))) AS feature
            FROM page""");

    private final JdbcClient jdbc;

    AreaService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The streets of the scope as a GeoJSON FeatureCollection. */
    public String streets(Scope scope, LayerRequest request) {
        return request.bind(ScopeSql.bind(jdbc.sql(STREETS), scope))
                .query(String.class)
                .single();
    }

    /** The communities of the scope as a GeoJSON FeatureCollection. */
    public String communities(Scope scope, LayerRequest request) {
        return request.bind(ScopeSql.bind(jdbc.sql(COMMUNITIES), scope))
                .query(String.class)
                .single();
    }

    public Set<String> streetCodes() {
        return new HashSet<>(
                jdbc.sql("SELECT code FROM street").query(String.class).list());
    }

    public Set<String> communityCodes() {
        return new HashSet<>(
                jdbc.sql("SELECT code FROM community").query(String.class).list());
    }
}
