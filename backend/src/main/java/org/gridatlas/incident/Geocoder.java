package org.gridatlas.incident;

import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Places incidents that came with an address and no coordinates on a building of their street, in three steps of
 * falling certainty, all in SQL over the normalised addresses (AddressNormalizer, both sides):
 *
 * <ol>
 *   <li><b>exact</b>: the normalised address equals a building's (score 1);
 *   <li><b>fuzzy, suffix</b>: exactly one building's address ends with it — the record left out road and number
 *       ("月湖小区1幢"); the score is the trigram similarity;
 *   <li><b>fuzzy, trigram</b>: the most similar building address by pg_trgm (GIN index on building.address_norm),
 *       at least {@value #MIN_SIMILARITY} similar and with the same building number (幢): a typo in a road name is
 *       forgiven, a different building never.
 * </ol>
 *
 * The point stored is the building's representative point (inside its footprint); what remains is the review queue.
 */
final class Geocoder {
    static final double MIN_SIMILARITY = 0.5;

    private static final String IN_SCOPE = "(" + ScopeSql.STREET + " OR b.community_code LIKE :scope_street || '%')";

    private Geocoder() {}

    static void geocode(JdbcClient jdbc, long jobId, Scope scope) {
        geocode(jdbc, "i2.import_job_id = :j", jobId, scope);
    }

    /** Geocodes one incident (an Open311 request with an address string). */
    static void geocodeOne(JdbcClient jdbc, long incidentId, Scope scope) {
        geocode(jdbc, "i2.id = :j", incidentId, scope);
    }

    /** @param which the incidents to geocode, as a condition on {@code i2} with the parameter {@code :j} */
    private static void geocode(JdbcClient jdbc, String which, long id, Scope scope) {
        jdbc.sql(
                        """
                        UPDATE incident i SET location = b.point, building_id = b.id, geocode_quality = 'exact',
                          geocode_score = 1
                        FROM (SELECT DISTINCT ON (i2.id) i2.id AS incident_id, b.id, b.point
                              FROM incident i2 JOIN building b ON b.address_norm = i2.address_norm
                              WHERE """
                                + " " + which
                                + " AND i2.location IS NULL AND "
                                + IN_SCOPE
                                + """
                              ORDER BY i2.id, b.id) b
                        WHERE i.id = b.incident_id""")
                .param("j", id)
                .param("scope_street", scope.streetCode())
                .update();
        jdbc.sql(
                        """
                        UPDATE incident i SET location = m.point, building_id = m.id, geocode_quality = 'fuzzy',
                          geocode_score = m.score
                        FROM (SELECT i2.id AS incident_id, min(b.id) AS id, (array_agg(b.point))[1] AS point,
                                     max(similarity(b.address_norm, i2.address_norm)) AS score
                              FROM incident i2 JOIN building b ON b.address_norm LIKE '%' || i2.address_norm
                              WHERE """
                                + " " + which
                                + " AND i2.location IS NULL AND length(i2.address_norm) >= 4 AND "
                                + IN_SCOPE
                                + """
                              GROUP BY i2.id HAVING count(*) = 1) m
                        WHERE i.id = m.incident_id""")
                .param("j", id)
                .param("scope_street", scope.streetCode())
                .update();
        jdbc.sql(
                        """
                        UPDATE incident i SET location = m.point, building_id = m.id, geocode_quality = 'fuzzy',
                          geocode_score = m.score
                        FROM (SELECT i2.id AS incident_id, best.id, best.point, best.score
                              FROM incident i2
                              CROSS JOIN LATERAL (
                                SELECT b.id, b.point, similarity(b.address_norm, i2.address_norm) AS score
                                FROM building b
                                WHERE b.address_norm % i2.address_norm AND """
                                + IN_SCOPE
                                + """
                                  AND substring(b.address_norm FROM '(\\d+)幢$')
                                      IS NOT DISTINCT FROM substring(i2.address_norm FROM '(\\d+)幢$')
                                ORDER BY score DESC, b.id LIMIT 1) best
                              WHERE """
                                + " " + which
                                + " AND i2.location IS NULL AND i2.address_norm IS NOT NULL AND best.score >= :min) m"
                                + " WHERE i.id = m.incident_id")
                .param("j", id)
                .param("min", MIN_SIMILARITY)
                .param("scope_street", scope.streetCode())
                .update();
    }
}
