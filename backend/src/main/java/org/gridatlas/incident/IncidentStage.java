package org.gridatlas.incident;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import org.gridatlas.ingest.BackgroundCopy;
import org.springframework.jdbc.core.simple.JdbcClient;

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
              reporter_name text, reporter_phone text, street_code text, community_code text, grid_code text,
              grid_plan_id bigint) ON COMMIT DROP""";
    private static final String COPY =
            "COPY incident_stage FROM STDIN (FORMAT text)"; // columns in the order of Row.appendTo
    /**
     * Last row per external id (the community and grid were found in Java, {@link PlacementIndex}); the DISTINCT ON
     * sort is skipped when the file has no repeated id (the usual case, told by the loader). Counts the new ids by
     * the upsert's own rows ({@code xmax = 0} marks an inserted row), without a second pass over the table.
     */
    private static final String UPSERT =
            """
            WITH up AS (
            INSERT INTO incident (external_id, source, category_code, category_big, description, reported_at,
              accepted_at, dispatched_at, resolved_at, closed_at, status, resolution_level, satisfaction, location,
              address, address_norm, geocode_quality, reporter_name, reporter_phone, import_job_id, street_code,
              community_code, grid_code, grid_plan_id)
            SELECT s.external_id, s.source, s.category_code, s.category_big, s.description, s.reported_at,
              s.accepted_at, s.dispatched_at, s.resolved_at, s.closed_at, s.status, s.resolution_level,
              s.satisfaction, CASE WHEN s.lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326) END,
              s.address, s.address_norm, CASE WHEN s.lon IS NULL THEN 'unmatched' ELSE 'coordinates' END,
              s.reporter_name, s.reporter_phone, :job, s.street_code, s.community_code, s.grid_code, s.grid_plan_id
            FROM %s s
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
              location = CASE WHEN %1$s THEN incident.location ELSE excluded.location END,
              geocode_quality = CASE WHEN %1$s THEN incident.geocode_quality
                                     ELSE excluded.geocode_quality END,
              geocode_score = CASE WHEN %1$s THEN incident.geocode_score END,
              building_id = CASE WHEN %1$s THEN incident.building_id END,
              street_code = CASE WHEN %1$s THEN incident.street_code
                                 ELSE excluded.street_code END,
              community_code = CASE WHEN %1$s THEN incident.community_code
                                    ELSE excluded.community_code END,
              grid_code = CASE WHEN %1$s THEN incident.grid_code ELSE excluded.grid_code END,
              grid_plan_id = CASE WHEN %1$s THEN incident.grid_plan_id
                                  ELSE excluded.grid_plan_id END
            RETURNING xmax = 0 AS inserted)
            SELECT count(*) FILTER (WHERE inserted) FROM up""";

    /**
     * An updated row keeps the stored location and placement only when it has no point and the same address (an
     * earlier geocode or hand placement survives the next day's export). A row whose address changed is geocoded
     * anew, and when that fails it goes to the review queue: an old grid must not silently stay.
     */
    private static final String KEEP_LOCATION =
            "excluded.location IS NULL AND excluded.address IS NOT DISTINCT FROM incident.address";

    private static final String LAST_PER_ID =
            "(SELECT DISTINCT ON (external_id) * FROM incident_stage ORDER BY external_id, row_no DESC)";

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
            String reporterPhone,
            PlacementIndex.Place place) {

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
            field(b, place.streetCode());
            field(b, place.communityCode());
            field(b, place.gridCode());
            field(b, place.gridPlanId());
            b.append('\n');
        }
    }

    static void create(JdbcClient jdbc) {
        jdbc.sql("DROP TABLE IF EXISTS incident_stage").update();
        jdbc.sql(CREATE).update();
    }

    /**
     * Starts the COPY into the staging table on the import transaction's connection; batches are encoded and sent by
     * a second thread while the caller parses the next rows. No other statement may run on the connection until
     * {@link BackgroundCopy#finish}.
     */
    static BackgroundCopy<Row> copy(Connection con) {
        return BackgroundCopy.open(con, COPY, IncidentStage::encode);
    }

    /** A batch as COPY text (UTF-8, the connection's client encoding). */
    static byte[] encode(List<Row> batch) {
        StringBuilder text = new StringBuilder(batch.size() * 200);
        for (Row r : batch) r.appendTo(text);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Stores the staged rows.
     *
     * @param repeatedIds whether an external id occurs more than once in the file (then the last row wins)
     * @return how many distinct external ids were new (inserted); the other good rows updated
     */
    static int store(JdbcClient jdbc, long jobId, boolean repeatedIds) {
        // the sort of a million ids (when needed) and the hash of the upsert fit in memory
        jdbc.sql("SET LOCAL work_mem = '256MB'").update();
        return jdbc.sql(UPSERT.replace("%1$s", KEEP_LOCATION).formatted(repeatedIds ? LAST_PER_ID : "incident_stage"))
                .param("job", jobId)
                .query(Integer.class)
                .single();
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
