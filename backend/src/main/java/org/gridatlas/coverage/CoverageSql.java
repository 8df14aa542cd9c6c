package org.gridatlas.coverage;

import org.gridatlas.security.ScopeSql;

/**
 * The SQL of the coverage computation. It runs in one transaction: the extent, the grids and the building→grid
 * placements go to temporary tables (dropped at commit) that every later statement reads, so each building is placed
 * once per call. Areas are on the spheroid (geography), never in degrees.
 *
 * <p>Cost: the building → grid shares are not computed here but read from {@code coverage_share} (V13), which
 * triggers on grid and building keep up to date when a plan is created, edited, imported or published and when
 * buildings are imported: a request aggregates, it does not intersect footprints.
 */
final class CoverageSql {
    private CoverageSql() {}

    /** Current duty of an active worker: the alias of assignment is {@code x}. */
    private static final String CURRENT =
            "x.valid_from <= current_date AND (x.valid_to IS NULL OR x.valid_to >= current_date)";

    /** The communities analysed, each with the plan that covers it (the published one, or the requested plan). */
    static final String AREAS =
            """
            CREATE TEMP TABLE cov_area ON COMMIT DROP AS
            SELECT c.code, c.name, c.street_code, s.name AS street_name, p.id AS plan_id, c.geom
            FROM community c
            JOIN street s ON s.code = c.street_code
            JOIN boundary_plan p ON p.street_code = c.street_code
            WHERE ((CAST(:plan AS bigint) IS NULL AND p.status = 'published') OR p.id = :plan)
              AND (p.community_code IS NULL OR p.community_code = c.code)
              AND (%s OR c.street_code = :scope_street) AND (%s OR c.code = :scope_community)
              AND (CAST(:community AS text) IS NULL OR c.code = :community)"""
                    .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY);

    /**
     * The plan's grids of the analysed communities with their stored area (m², spheroid) and inside = covered by its
     * community (no overreach to look for): coverage_grid, V13, kept by triggers like the shares.
     */
    static final String GRIDS =
            """
            CREATE TEMP TABLE cov_grid ON COMMIT DROP AS
            SELECT g.id, g.code, g.name, g.community_code, a.street_code, g.plan_id, g.geom, m.area_m2, m.inside
            FROM grid g
            JOIN cov_area a ON a.plan_id = g.plan_id AND a.code = g.community_code
            JOIN coverage_grid m ON m.grid_id = g.id""";

    /**
     * Each building of the analysed communities in the grid of its largest share (above the tolerance); grids = how
     * many grids hold more, with the building's figures (so the grid rows need not join the buildings again). The
     * shares are stored (coverage_share, V13: kept by triggers on grid and building), so
     * this reads them by grid id instead of intersecting footprints with grids.
     */
    static final String PLACES =
            """
            CREATE TEMP TABLE cov_place ON COMMIT DROP AS
            SELECT DISTINCT ON (s.building_id) s.building_id, s.grid_id, s.share,
                   count(*) OVER (PARTITION BY s.building_id) AS grids,
                   b.households, b.residents,
                   CASE WHEN NOT b.has_elevator AND b.households > 0 THEN b.floors END AS floors_without_lift
            FROM cov_grid g
            JOIN coverage_share s ON s.grid_id = g.id
            JOIN building b ON b.id = s.building_id
            WHERE s.share > :tolerance AND b.community_code IN (SELECT code FROM cov_area)
            ORDER BY s.building_id, s.share DESC, s.grid_id""";

    static final String AREA_ROWS =
            """
            SELECT code, name, street_code, street_name, plan_id,
                   CASE WHEN :geometry THEN ST_AsGeoJSON(geom, 7) END AS geometry
            FROM cov_area ORDER BY code""";

    static final String STREET_ROWS =
            """
            SELECT s.code, s.name, CASE WHEN :geometry THEN ST_AsGeoJSON(s.geom, 7) END AS geometry
            FROM street s WHERE s.code IN (SELECT street_code FROM cov_area) ORDER BY s.code""";

    /**
     * Incidents per grid: by the grid stamped on the incident (published plans), one index-only range count per grid
     * (index incident_grid_plan, V10) ...
     */
    static final String INCIDENTS_BY_CODE =
            """
            SELECT g.id AS grid_id, n.incidents
            FROM cov_grid g
            CROSS JOIN LATERAL (
              SELECT count(*) AS incidents FROM incident i
              WHERE i.grid_code = g.code AND i.grid_plan_id = g.plan_id
                AND i.reported_at >= :from_time AND i.reported_at < :to_time) n""";

    /** ... or by location (a draft plan: where the incidents would have fallen). */
    static final String INCIDENTS_BY_PLACE =
            """
            SELECT g.id AS grid_id, count(*) AS incidents
            FROM cov_grid g JOIN incident i ON ST_Intersects(g.geom, i.location)
            WHERE i.reported_at >= :from_time AND i.reported_at < :to_time
            GROUP BY g.id""";

    /** Per grid figures; %s is one of the incident queries. */
    static final String GRID_ROWS =
            """
            WITH bs AS (
              SELECT p.grid_id, count(*) AS buildings, sum(p.households) AS households, sum(p.residents) AS residents,
                     coalesce(sum(p.floors_without_lift), 0) AS floors,
                     count(*) FILTER (WHERE p.grids > 1) AS split_buildings
              FROM cov_place p
              GROUP BY p.grid_id),
            ws AS (
              SELECT x.grid_code,
                     count(DISTINCT x.worker_id) FILTER (WHERE x.role = 'grid_chief') AS full_time,
                     count(DISTINCT x.worker_id) FILTER (WHERE x.role = 'instructor') AS instructors,
                     count(DISTINCT x.worker_id) FILTER (WHERE x.role = 'part_time') AS part_time,
                     count(DISTINCT x.worker_id) FILTER (WHERE x.role = 'building_leader') AS leaders,
                     count(DISTINCT x.worker_id) FILTER (WHERE x.role = 'party_member') AS party_members,
                     count(DISTINCT x.worker_id) FILTER (WHERE x.role = 'volunteer') AS volunteers,
                     count(DISTINCT x.worker_id) FILTER (WHERE x.role = 'mobile') AS mobile,
                     coalesce(sum(x.households) FILTER (WHERE x.role = 'party_member'), 0) AS paired
              FROM assignment x JOIN worker w ON w.id = x.worker_id AND w.active
              WHERE x.grid_code IN (SELECT code FROM cov_grid) AND %s
              GROUP BY x.grid_code),
            inc AS (%s)
            SELECT g.code, g.name, g.community_code, g.street_code, g.plan_id, g.area_m2,
                   coalesce(bs.buildings, 0) AS buildings, coalesce(bs.households, 0) AS households,
                   coalesce(bs.residents, 0) AS residents, coalesce(bs.floors, 0) AS floors_without_lift,
                   coalesce(bs.split_buildings, 0) AS split_buildings,
                   coalesce(ws.full_time, 0) AS full_time, coalesce(ws.instructors, 0) AS instructors,
                   coalesce(ws.part_time, 0) AS part_time, coalesce(ws.leaders, 0) AS leaders,
                   coalesce(ws.party_members, 0) AS party_members, coalesce(ws.volunteers, 0) AS volunteers,
                   coalesce(ws.mobile, 0) AS mobile, coalesce(ws.paired, 0) AS paired,
                   coalesce(inc.incidents, 0) AS incidents,
                   CASE WHEN :geometry THEN ST_AsGeoJSON(g.geom, 7) END AS geometry
            FROM cov_grid g
            LEFT JOIN bs ON bs.grid_id = g.id
            LEFT JOIN ws ON ws.grid_code = g.code
            LEFT JOIN inc ON inc.grid_id = g.id
            ORDER BY g.code""";

    static String gridRows(boolean byCode) {
        return GRID_ROWS.formatted(CURRENT, byCode ? INCIDENTS_BY_CODE : INCIDENTS_BY_PLACE);
    }

    /**
     * Workers of the extent with their current duties on the plan's grids. The duties are aggregated per worker
     * first (one pass over the assignments), then joined to the workers: no wide rows to group. The lists come as
     * comma-separated text (codes and roles hold no comma): cheaper to read than SQL arrays for 170,000 workers.
     */
    static final String WORKER_ROWS =
            """
            WITH d AS (
              SELECT x.worker_id,
                     array_agg(DISTINCT g.code) FILTER (WHERE g.code IS NOT NULL) AS grids,
                     array_agg(DISTINCT g.code) FILTER (WHERE g.code IS NOT NULL AND x.role = 'grid_chief')
                       AS chief_grids,
                     array_agg(DISTINCT x.role) FILTER (WHERE x.role IS NOT NULL) AS roles,
                     CASE WHEN :geometry THEN ST_AsGeoJSON(ST_Union(g.geom), 7) END AS geometry
              FROM assignment x LEFT JOIN cov_grid g ON g.code = x.grid_code
              WHERE %s
              GROUP BY x.worker_id)
            SELECT w.code, w.name, w.phone, w.kind, w.community_code,
                   array_to_string(d.grids, ',') AS grids, array_to_string(d.chief_grids, ',') AS chief_grids,
                   array_to_string(d.roles, ',') AS roles, d.geometry
            FROM worker w
            JOIN cov_area a ON a.code = w.community_code
            LEFT JOIN d ON d.worker_id = w.id
            WHERE w.active
            ORDER BY w.code"""
                    .formatted(CURRENT);

    /**
     * Per community: whether its grids overlap (their areas sum to more than their union's: only then are its grid
     * pairs tested for overlaps) and whether its union and gaps are stored (coverage_cover / coverage_gap, V16: kept
     * by triggers on grid and community). A community without a stored row has no grid in the plan.
     */
    static final String COVER =
            """
            CREATE TEMP TABLE cov_cover ON COMMIT DROP AS
            SELECT a.code, a.plan_id, a.geom, v.plan_id IS NOT NULL AS stored, coalesce(v.overlapping, false) AS overlapping
            FROM cov_area a
            LEFT JOIN coverage_cover v ON v.plan_id = a.plan_id AND v.community_code = a.code""";

    /** Pairs of communities of a plan whose interiors meet (grids inside each of them may overlap there). */
    static final String COMMUNITY_OVERLAPS =
            """
            CREATE TEMP TABLE cov_area_overlap ON COMMIT DROP AS
            SELECT a1.code AS code1, a2.code AS code2
            FROM cov_area a1
            JOIN cov_area a2 ON a2.plan_id = a1.plan_id AND a1.code < a2.code AND a1.geom && a2.geom
            WHERE ST_Relate(a1.geom, a2.geom, '2********')""";

    /**
     * Every coverage fault of the extent, one row each, with its geometry. The gaps are read from coverage_gap (a
     * community with no grid in the plan is one whole gap). Two grids can only overlap (a) in a
     * community whose grids overlap (cov_cover), (b) where one reaches outside its community, or (c) where their
     * communities overlap: other pairs are not tested (the costly DE-9IM relate is for those few).
     */
    static final String FAULTS =
            """
            SELECT 'gap' AS kind, NULL AS grid_code, NULL AS related_code, c.code AS community_code,
                   s.area_m2, NULL::int AS households, NULL AS detail, ST_AsGeoJSON(s.geom, 7) AS geometry
            FROM cov_cover c
            JOIN coverage_gap s ON s.plan_id = c.plan_id AND s.community_code = c.code
            WHERE c.stored AND s.area_m2 > :min_area
            UNION ALL
            SELECT 'gap', NULL, NULL, c.code, ST_Area(d.geom::geography), NULL, NULL, ST_AsGeoJSON(d.geom, 7)
            FROM cov_cover c
            CROSS JOIN LATERAL (SELECT (ST_Dump(c.geom)).geom) d
            WHERE NOT c.stored AND ST_Area(d.geom::geography) > :min_area
            UNION ALL
            SELECT 'overlap', g1.code, g2.code, g1.community_code, ST_Area(x.geom::geography), NULL, NULL,
                   ST_AsGeoJSON(x.geom, 7)
            FROM cov_grid g1
            JOIN cov_grid g2 ON g2.plan_id = g1.plan_id AND g1.code < g2.code AND g1.geom && g2.geom
            CROSS JOIN LATERAL (SELECT ST_CollectionExtract(ST_Intersection(g1.geom, g2.geom), 3) AS geom) x
            WHERE CASE WHEN NOT CASE WHEN g1.community_code = g2.community_code
                                     THEN EXISTS (SELECT 1 FROM cov_cover c
                                                  WHERE c.code = g1.community_code AND c.overlapping)
                                     ELSE NOT g1.inside OR NOT g2.inside
                                          OR EXISTS (SELECT 1 FROM cov_area_overlap o
                                                     WHERE (o.code1, o.code2) IN ((g1.community_code, g2.community_code),
                                                                                  (g2.community_code, g1.community_code)))
                                     END THEN false
                       ELSE ST_Relate(g1.geom, g2.geom, '2********') AND ST_Area(x.geom::geography) > :min_area END
            UNION ALL
            SELECT 'outside_community', g.code, NULL, g.community_code, ST_Area(d.geom::geography), NULL, NULL,
                   ST_AsGeoJSON(d.geom, 7)
            FROM cov_grid g
            JOIN cov_area a ON a.code = g.community_code AND a.plan_id = g.plan_id
            CROSS JOIN LATERAL (SELECT (ST_Dump(ST_Difference(g.geom, a.geom))).geom) d
            WHERE NOT g.inside AND ST_Area(d.geom::geography) > :min_area
            UNION ALL
            SELECT 'building_outside', NULL, b.code, b.community_code, ST_Area(b.footprint::geography), b.households,
                   NULL, ST_AsGeoJSON(b.footprint, 7)
            FROM building b
            JOIN cov_area a ON a.code = b.community_code
            WHERE NOT EXISTS (SELECT 1 FROM cov_place p WHERE p.building_id = b.id)
            UNION ALL
            SELECT 'split_building', g.code, b.code, b.community_code, ST_Area(b.footprint::geography), b.households,
                   json_build_object('shares', sh.shares)::text, ST_AsGeoJSON(b.footprint, 7)
            FROM cov_place p
            JOIN building b ON b.id = p.building_id
            JOIN cov_grid g ON g.id = p.grid_id
            JOIN (SELECT s.building_id,
                         json_agg(json_build_object('grid_code', g2.code, 'share', round(s.share::numeric, 3))
                                  ORDER BY s.share DESC, g2.code) AS shares
                  FROM coverage_share s JOIN cov_grid g2 ON g2.id = s.grid_id
                  WHERE s.share > 0.0005 AND s.building_id IN (SELECT building_id FROM cov_place WHERE grids > 1)
                  GROUP BY s.building_id) sh ON sh.building_id = p.building_id
            WHERE p.grids > 1
            UNION ALL
            SELECT 'unstaffed_grid', g.code, NULL, g.community_code, g.area_m2, NULL, NULL, ST_AsGeoJSON(g.geom, 7)
            FROM cov_grid g
            WHERE NOT EXISTS (SELECT 1 FROM assignment x JOIN worker w ON w.id = x.worker_id AND w.active
                              WHERE x.grid_code = g.code AND x.role = 'grid_chief' AND %1$s)
            UNION ALL
            SELECT 'worker_without_grid', NULL, w.code, w.community_code, NULL, NULL, NULL, NULL
            FROM worker w
            JOIN cov_area a ON a.code = w.community_code
            WHERE w.active
              AND NOT EXISTS (SELECT 1 FROM assignment x JOIN cov_grid g ON g.code = x.grid_code
                              WHERE x.worker_id = w.id AND %1$s)
            UNION ALL
            SELECT 'leader_outside_grid', l.grid_code, w.code, w.community_code, NULL, b.households,
                   json_build_object('building_code', b.code, 'building_grid_code', l.building_grid_code)::text,
                   ST_AsGeoJSON(b.footprint, 7)
            FROM (SELECT x.grid_code, x.worker_id, x.building_id, g.code AS building_grid_code
                  FROM assignment x
                  LEFT JOIN cov_place p ON p.building_id = x.building_id
                  LEFT JOIN cov_grid g ON g.id = p.grid_id
                  WHERE x.role = 'building_leader' AND x.grid_code IS NOT NULL AND x.building_id IS NOT NULL AND %1$s
                    AND g.code IS DISTINCT FROM x.grid_code
                  OFFSET 0) l -- the few leaders outside first, then their buildings' footprints (not 48,000 of them)
            JOIN worker w ON w.id = l.worker_id AND w.active
            JOIN cov_area a ON a.code = w.community_code
            JOIN building b ON b.id = l.building_id
            ORDER BY 1, 4, 2, 3"""
                    .formatted(CURRENT);
}
