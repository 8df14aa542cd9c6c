package org.gridatlas.heatmap;

import java.util.List;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Repeat locations: the buildings (or, for incidents geocoded to no building, the same point to about a metre) with
 * the most incidents in the period, ranked. Only the building's address and compound leave the service, never the
 * incident's free-text address or the reporter.
 */
@Service
class RepeatLocations {
    private static final String SQL =
            """
            WITH f AS (SELECT i.* FROM incident i WHERE i.location IS NOT NULL AND %s),
            places AS (
              SELECT 'building:' || b.code AS place, b.code AS building_code, b.address, b.compound, b.community_code,
                     count(*) AS incidents, min(f.reported_at) AS first_at, max(f.reported_at) AS last_at,
                     mode() WITHIN GROUP (ORDER BY f.category_code) AS top_category,
                     ST_X(b.point) AS lon, ST_Y(b.point) AS lat
              FROM f JOIN building b ON b.id = f.building_id
              GROUP BY b.id
              UNION ALL
              SELECT 'point:' || round(ST_X(f.location)::numeric, 5) || ',' || round(ST_Y(f.location)::numeric, 5), NULL, NULL,
                     NULL, min(f.community_code), count(*), min(f.reported_at), max(f.reported_at),
                     mode() WITHIN GROUP (ORDER BY f.category_code),
                     round(ST_X(f.location)::numeric, 5)::float8, round(ST_Y(f.location)::numeric, 5)::float8
              FROM f WHERE f.building_id IS NULL
              GROUP BY round(ST_X(f.location)::numeric, 5), round(ST_Y(f.location)::numeric, 5)
            )
            SELECT p.*, c.name AS top_category_name FROM places p JOIN incident_category c ON c.code = p.top_category
            WHERE p.incidents >= :min_incidents
            ORDER BY p.incidents DESC, p.place
            LIMIT :limit"""
                    .formatted(HeatmapRepository.INCIDENT_FILTER);

    private final JdbcClient jdbc;

    RepeatLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One repeat location.
     *
     * @param place "building:CODE" or "point:lon,lat"
     * @param incidents incidents at the place in the period
     * @param firstAt first report, ISO 8601
     * @param lastAt last report, ISO 8601
     */
    record Place(
            String place,
            String buildingCode,
            String address,
            String compound,
            String communityCode,
            long incidents,
            String firstAt,
            String lastAt,
            String topCategory,
            String topCategoryName,
            double lon,
            double lat) {}

    List<Place> ranked(Scope scope, HeatmapFilter f, Integer limit, Integer minIncidents) {
        int l = limit == null ? 20 : limit;
        int m = minIncidents == null ? 2 : minIncidents;
        if (l < 1 || l > 1000) throw new BadParameterException("limit", "limit must be between 1 and 1000");
        if (m < 1) throw new BadParameterException("minIncidents", "minIncidents must be at least 1");
        return HeatmapRepository.bindIncidentFilter(jdbc.sql(SQL), scope, f)
                .param("limit", l)
                .param("min_incidents", m)
                .query((rs, n) -> new Place(
                        rs.getString("place"),
                        rs.getString("building_code"),
                        rs.getString("address"),
                        rs.getString("compound"),
                        rs.getString("community_code"),
                        rs.getLong("incidents"),
                        rs.getObject("first_at", java.time.OffsetDateTime.class).toString(),
                        rs.getObject("last_at", java.time.OffsetDateTime.class).toString(),
                        rs.getString("top_category"),
                        rs.getString("top_category_name"),
                        rs.getDouble("lon"),
                        rs.getDouble("lat")))
                .list();
    }
}
