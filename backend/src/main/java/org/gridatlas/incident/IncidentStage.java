package org.gridatlas.incident;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The fast path of an incident import: checked rows are streamed with COPY into a temporary staging table (dropped
 * at commit), then stored with one set-based upsert by external id that also places each point in its street,
 * community and the grid of the plan in force at its reported time. One COPY per batch and one statement for the
 * whole file instead of one statement per row; the last row of an external id in the file wins (an export that
 * repeats a row is not an error).
 */
final class IncidentStage {
    private static final String CREATE =
            """
            CREATE TEMP TABLE incident_stage (
              row_no int NOT NULL, external_id text NOT NULL, source text NOT NULL, category_code text NOT NULL,
              category_big text NOT NULL, description text, reported_at timestamptz NOT NULL, accepted_at timestamptz,
              dispatched_at timestamptz, resolved_at timestamptz, closed_at timestamptz, status text NOT NULL,
              resolution_level text, satisfaction smallint, lon float8, lat float8, address text, address_norm text,
              reporter_name text, reporter_phone text) ON COMMIT DROP""";
    private static final String COPY =
            "COPY incident_stage FROM STDIN (FORMAT text)"; // columns in the order of Row.appendTo
    /** How many distinct external ids of the file are new (counted before the upsert). */
    private static final String NEW_IDS =
            """
            SELECT count(DISTINCT s.external_id) FROM incident_stage s
            WHERE NOT EXISTS (SELECT 1 FROM incident i WHERE i.external_id = s.external_id)""";
    /**
     * Last row per external id; the point's community and the grid in force at its reported time found by index
     * (lower code wins where a faulty plan overlaps). A row without coordinates keeps the stored location and
     * placement (an earlier geocode or hand placement survives the next day's export).
     */
    private static final String UPSERT =
            """
            INSERT INTO incident (external_id, source, category_code, category_big, description, reported_at,
              accepted_at, dispatched_at, resolved_at, closed_at, status, resolution_level, satisfaction, location,
              address, address_norm, geocode_quality, reporter_name, reporter_phone, import_job_id, street_code,
              community_code, grid_code, grid_plan_id)
            SELECT s.external_id, s.source, s.category_code, s.category_big, s.description, s.reported_at,
              s.accepted_at, s.dispatched_at, s.resolved_at, s.closed_at, s.status, s.resolution_level,
              s.satisfaction, s.pt, s.address, s.address_norm,
              CASE WHEN s.pt IS NULL THEN 'unmatched' ELSE 'coordinates' END, s.reporter_name, s.reporter_phone, :job,
              c.street_code, c.code, g.code, g.plan_id
            FROM (SELECT DISTINCT ON (external_id) *,
                    CASE WHEN lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(lon, lat), 4326) END AS pt
                  FROM incident_stage ORDER BY external_id, row_no DESC) s
            LEFT JOIN LATERAL (SELECT c.code, c.street_code FROM community c WHERE ST_Intersects(c.geom, s.pt)
                               ORDER BY c.code LIMIT 1) c ON true
            LEFT JOIN LATERAL (SELECT g.code, g.plan_id FROM grid g
                               JOIN boundary_plan p ON p.id = g.plan_id AND p.status <> 'draft'
                                 AND p.published_at <= s.reported_at
                                 AND (p.archived_at IS NULL OR p.archived_at > s.reported_at)
                               WHERE ST_Intersects(g.geom, s.pt) ORDER BY g.code LIMIT 1) g ON true
            ON CONFLICT (external_id) DO UPDATE SET source = excluded.source,
              category_code = excluded.category_code, category_big = excluded.category_big,
              description = excluded.description, reported_at = excluded.reported_at,
              accepted_at = excluded.accepted_at, dispatched_at = excluded.dispatched_at,
              resolved_at = excluded.resolved_at, closed_at = excluded.closed_at, status = excluded.status,
              resolution_level = excluded.resolution_level, satisfaction = excluded.satisfaction,
              address = excluded.address, address_norm = excluded.address_norm,
              reporter_name = coalesce(excluded.reporter_name, incident.reporter_name),
              reporter_phone = coalesce(excluded.reporter_phone, incident.reporter_phone),
              import_job_id = excluded.import_job_id,
              location = coalesce(excluded.location, incident.location),
              geocode_quality = CASE WHEN excluded.location IS NULL THEN incident.geocode_quality
                                     ELSE excluded.geocode_quality END,
              geocode_score = CASE WHEN excluded.location IS NULL THEN incident.geocode_score END,
              building_id = CASE WHEN excluded.location IS NULL THEN incident.building_id END,
              street_code = CASE WHEN excluded.location IS NULL THEN incident.street_code
                                 ELSE excluded.street_code END,
              community_code = CASE WHEN excluded.location IS NULL THEN incident.community_code
                                    ELSE excluded.community_code END,
              grid_code = CASE WHEN excluded.location IS NULL THEN incident.grid_code ELSE excluded.grid_code END,
              grid_plan_id = CASE WHEN excluded.location IS NULL THEN incident.grid_plan_id
                                  ELSE excluded.grid_plan_id END""";

    private IncidentStage() {}

    /**
     * One checked row of the file.
     *
     * @param lon WGS84 longitude in degrees (converted from the file's datum), null when the row has no point
     * @param lat WGS84 latitude in degrees
     */
    record Row(
            int rowNo,
            String externalId,
            String source,
            String category,
            String big,
            String description,
            IncidentImporter.Lifecycle life,
            String status,
            String level,
            Integer satisfaction,
            Double lon,
            Double lat,
            String address,
            String addressNorm,
            String reporterName,
            String reporterPhone) {

        void appendTo(StringBuilder b) {
            b.append(rowNo);
            field(b, externalId);
            field(b, source);
            field(b, category);
            field(b, big);
            field(b, description);
            field(b, life.reported());
            field(b, life.accepted());
            field(b, life.dispatched());
            field(b, life.resolved());
            field(b, life.closed());
            field(b, status);
            field(b, level);
            field(b, satisfaction);
            field(b, lon);
            field(b, lat);
            field(b, address);
            field(b, addressNorm);
            field(b, reporterName);
            field(b, reporterPhone);
            b.append('\n');
        }
    }

    static void create(JdbcClient jdbc) {
        jdbc.sql("DROP TABLE IF EXISTS incident_stage").update();
        jdbc.sql(CREATE).update();
    }

    /** Streams a batch into the staging table on the import transaction's connection. */
    static void copy(DataSource dataSource, List<Row> batch) {
        StringBuilder text = new StringBuilder(batch.size() * 200);
        for (Row r : batch) r.appendTo(text);
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            con.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(text.toString()));
        } catch (SQLException | IOException e) {
            throw new DataIntegrityViolationException("staging the rows failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    /**
     * Stores the staged rows.
     *
     * @return how many distinct external ids were new (inserted); the other good rows updated
     */
    static int store(JdbcClient jdbc, long jobId) {
        int inserted = jdbc.sql(NEW_IDS).query(Integer.class).single();
        jdbc.sql(UPSERT).param("job", jobId).update();
        return inserted;
    }

    private static void field(StringBuilder b, Object v) {
        b.append('\t');
        if (v == null) {
            b.append("\\N");
            return;
        }
        if (v instanceof OffsetDateTime t) {
            b.append(t);
            return;
        }
        if (v instanceof Number) {
            b.append(v);
            return;
        }
        String s = v.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }
}
