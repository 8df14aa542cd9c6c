package org.gridatlas.grid;

import org.gridatlas.api.FeatureCollectionSql;
import org.gridatlas.api.LayerRequest;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The grids of a plan as a map layer, with the figures a popup shows. Buildings are counted in the grid that holds
 * their representative point (the coverage capability refines this for footprints split by a boundary).
 */
@Service
public class GridService {
    private static final String GRIDS = FeatureCollectionSql.of(
            """
            SELECT g.code AS sort_key, g.*, c.name AS community_name, p.name AS plan_name
            FROM grid g
            JOIN community c ON c.code = g.community_code
            JOIN boundary_plan p ON p.id = g.plan_id
            WHERE ((CAST(:plan AS bigint) IS NULL AND p.status = 'published') OR g.plan_id = :plan)
              AND (%s OR c.street_code = :scope_street) AND (%s OR g.community_code = :scope_community)
              AND %s"""
                    .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY, LayerRequest.bboxFilter("g.geom")),
            """
            SELECT sort_key, json_build_object('type', 'Feature', 'id', code,
              'geometry', ST_AsGeoJSON(geom, 7)::json,
              'properties', json_build_object('code', code, 'name', name, 'community_code', community_code,
                'community_name', community_name, 'plan_id', plan_id, 'plan_name', plan_name,
                'buildings', st.buildings, 'households', st.households, 'residents', st.residents,
                'area_m2', round(ST_Area(geom::geography)::numeric, 1))) AS feature
            FROM page
            CROSS JOIN LATERAL (
              SELECT count(*) AS buildings, coalesce(sum(b.households), 0) AS households,
                     coalesce(sum(b.residents), 0) AS residents
              FROM building b WHERE ST_Intersects(page.geom, b.point)) st""");

    private final JdbcClient jdbc;
    private final PlanService plans;

    GridService(JdbcClient jdbc, PlanService plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    /** The grids of the given plan (or of the published plans when null) in the scope, as GeoJSON. */
    public String grids(Scope scope, Long planId, LayerRequest request) {
        if (planId != null) plans.requireVisible(planId, scope);
        return request.bind(ScopeSql.bind(jdbc.sql(GRIDS), scope).param("plan", planId))
                .query(String.class)
                .single();
    }
}
