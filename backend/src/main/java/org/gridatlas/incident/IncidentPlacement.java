package org.gridatlas.incident;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts located incidents in their street, community and grid. The grid is read from the plan in force at the
 * incident's reported time (published before it, not yet archived then), and the plan is stored beside the code
 * so analytics can say which plan they use. Where two grids overlap (a fault of the plan) the lower code wins.
 */
final class IncidentPlacement {
    private IncidentPlacement() {}

    /**
     * Places the incidents of an import that were located by their address (geocoded now or before and kept):
     * rows with coordinates were placed as they were stored ({@link IncidentStage}).
     */
    static void placeGeocoded(JdbcClient jdbc, long jobId) {
        jdbc.sql(
                        """
                        UPDATE incident i SET street_code = c.street_code, community_code = c.code
                        FROM community c
                        WHERE i.import_job_id = :j AND i.location IS NOT NULL AND i.geocode_quality <> 'coordinates'
                          AND ST_Intersects(c.geom, i.location)""")
                .param("j", jobId)
                .update();
        jdbc.sql(
                        """
                        UPDATE incident i SET grid_code = x.code, grid_plan_id = x.plan_id
                        FROM (SELECT DISTINCT ON (i2.id) i2.id, g.code, g.plan_id
                              FROM incident i2
                              JOIN grid g ON ST_Intersects(g.geom, i2.location)
                              JOIN boundary_plan p ON p.id = g.plan_id AND p.status <> 'draft'
                                AND p.published_at <= i2.reported_at
                                AND (p.archived_at IS NULL OR p.archived_at > i2.reported_at)
                              WHERE i2.import_job_id = :j AND i2.geocode_quality <> 'coordinates'
                              ORDER BY i2.id, g.code) x
                        WHERE i.id = x.id""")
                .param("j", jobId)
                .update();
    }

    /** Places one incident (after a hand placement): street and community by point, grid by the plan in force. */
    static void placeOne(JdbcClient jdbc, long incidentId) {
        jdbc.sql(
                        """
                        UPDATE incident i SET street_code = c.street_code, community_code = c.code, grid_code = NULL,
                          grid_plan_id = NULL
                        FROM community c WHERE i.id = :id AND ST_Intersects(c.geom, i.location)""")
                .param("id", incidentId)
                .update();
        jdbc.sql(
                        """
                        UPDATE incident i SET grid_code = x.code, grid_plan_id = x.plan_id
                        FROM (SELECT g.code, g.plan_id FROM incident i2
                              JOIN grid g ON ST_Intersects(g.geom, i2.location)
                              JOIN boundary_plan p ON p.id = g.plan_id AND p.status <> 'draft'
                                AND p.published_at <= i2.reported_at
                                AND (p.archived_at IS NULL OR p.archived_at > i2.reported_at)
                              WHERE i2.id = :id ORDER BY g.code LIMIT 1) x
                        WHERE i.id = :id""")
                .param("id", incidentId)
                .update();
    }
}
