package org.gridatlas.incident;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.ingest.Fields;
import org.gridatlas.ingest.ImportCounts;
import org.gridatlas.ingest.ImportKind;
import org.gridatlas.ingest.Importer;
import org.gridatlas.ingest.RecordLoader;
import org.gridatlas.security.Scope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Incidents (事件/工单) from the CSV format of gis-data/schemas: checked row by row (category in the catalogue,
 * lifecycle times in order and agreeing with the status, coordinates in range), upserted by external id, then
 * placed in their street, community and the grid of the plan in force at their reported time. Incidents without
 * coordinates are kept as unmatched (the review queue) and counted.
 */
@Component
class IncidentImporter implements Importer {
    static final Set<String> SOURCES = Set.of("hotline_12345", "patrol", "snapshot", "video", "desk", "other");
    static final Set<String> STATUSES = Set.of("reported", "accepted", "dispatched", "resolved", "closed");
    static final Set<String> LEVELS = Set.of("community", "department", "street");
    private static final Set<String> REQUIRED =
            Set.of("external_id", "source", "category_big", "category_small", "reported_at", "status");
    private static final String UPSERT =
            """
            INSERT INTO incident (external_id, source, category_code, category_big, description, reported_at,
              accepted_at, dispatched_at, resolved_at, closed_at, status, resolution_level, satisfaction, location,
              address, geocode_quality, import_job_id)
            VALUES (:external_id, :source, :category, :big, :description, :reported_at, :accepted_at,
              :dispatched_at, :resolved_at, :closed_at, :status, :level, :satisfaction,
              CASE WHEN CAST(:lon AS float8) IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(:lon, :lat), 4326) END,
              :address, :quality, :job)
            ON CONFLICT (external_id) DO UPDATE SET source = excluded.source,
              category_code = excluded.category_code, category_big = excluded.category_big,
              description = excluded.description, reported_at = excluded.reported_at,
              accepted_at = excluded.accepted_at, dispatched_at = excluded.dispatched_at,
              resolved_at = excluded.resolved_at, closed_at = excluded.closed_at, status = excluded.status,
              resolution_level = excluded.resolution_level, satisfaction = excluded.satisfaction,
              location = coalesce(excluded.location, incident.location), address = excluded.address,
              geocode_quality = CASE WHEN excluded.location IS NULL THEN incident.geocode_quality
                                     ELSE excluded.geocode_quality END,
              import_job_id = excluded.import_job_id""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    IncidentImporter(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A small class of the catalogue with its big class. */
    private record Category(String code, String bigCode) {}

    @Override
    public ImportKind kind() {
        return ImportKind.incidents;
    }

    @Override
    public boolean allowedFor(Scope scope) {
        return Scope.ADMIN.equals(scope.role()) || Scope.SUPERVISOR.equals(scope.role());
    }

    @Override
    public ImportCounts load(Source source, Context context) {
        Map<String, Category> categories = categories();
        ImportCounts counts = RecordLoader.csv(
                source.in(),
                source.charset(),
                REQUIRED,
                2000,
                (row, fields) -> parse(fields, categories, context.jobId()),
                this::upsert);
        IncidentPlacement.place(jdbc, context.jobId());
        int unmatched = jdbc.sql("SELECT count(*) FROM incident WHERE import_job_id = :j AND location IS NULL")
                .param("j", context.jobId())
                .query(Integer.class)
                .single();
        return new ImportCounts(counts.read(), counts.inserted(), counts.updated(), unmatched);
    }

    /** Big-class name + small-class name → category, e.g. "市容环境/暴露垃圾". */
    private Map<String, Category> categories() {
        Map<String, Category> map = new HashMap<>();
        jdbc.sql(
                        """
                        SELECT big.name AS big_name, small.name AS small_name, small.code, big.code AS big_code
                        FROM incident_category small JOIN incident_category big ON big.code = small.parent_code""")
                .query(rs -> {
                    map.put(
                            rs.getString("big_name") + "/" + rs.getString("small_name"),
                            new Category(rs.getString("code"), rs.getString("big_code")));
                });
        return map;
    }

    private MapSqlParameterSource parse(Fields fields, Map<String, Category> categories, long job) {
        String externalId = fields.text("external_id", true);
        String source = fields.oneOf("source", SOURCES, true);
        String big = fields.text("category_big", true);
        String small = fields.text("category_small", true);
        Category category = big == null || small == null ? null : categories.get(big + "/" + small);
        if (big != null && small != null && category == null) {
            fields.problem("category_small", "'" + big + "/" + small + "' is not in the category catalogue");
        }
        String status = fields.oneOf("status", STATUSES, true);
        Lifecycle life = new Lifecycle(
                fields.timestamp("reported_at", true),
                fields.timestamp("accepted_at", false),
                fields.timestamp("dispatched_at", false),
                fields.timestamp("resolved_at", false),
                fields.timestamp("closed_at", false));
        life.check(status, fields);
        String level = fields.oneOf("resolution_level", LEVELS, false);
        Integer satisfaction = fields.integer("satisfaction", false, 1, 5);
        Double lon = fields.decimal("lon", false, -180, 180);
        Double lat = fields.decimal("lat", false, -90, 90);
        boolean lonGiven = fields.text("lon", false) != null;
        if (lonGiven != (fields.text("lat", false) != null)) {
            fields.problem(lonGiven ? "lat" : "lon", "is empty while the other coordinate is given");
        }
        String address = fields.text("address", false);
        if (externalId == null || source == null || category == null || status == null || life.reported() == null) {
            return null;
        }
        boolean located = lon != null && lat != null;
        return new MapSqlParameterSource()
                .addValue("external_id", externalId)
                .addValue("source", source)
                .addValue("category", category.code())
                .addValue("big", category.bigCode())
                .addValue("description", fields.text("description", false))
                .addValue("reported_at", life.reported())
                .addValue("accepted_at", life.accepted())
                .addValue("dispatched_at", life.dispatched())
                .addValue("resolved_at", life.resolved())
                .addValue("closed_at", life.closed())
                .addValue("status", status)
                .addValue("level", level)
                .addValue("satisfaction", satisfaction)
                .addValue("lon", located ? lon : null)
                .addValue("lat", located ? lat : null)
                .addValue("address", address)
                .addValue("quality", located ? "coordinates" : "unmatched")
                .addValue("job", job);
    }

    private int upsert(List<MapSqlParameterSource> batch) {
        int existing = RecordLoader.existing(
                jdbc,
                "incident",
                "external_id",
                batch.stream().map(p -> (String) p.getValue("external_id")).toList());
        named.batchUpdate(UPSERT, batch.toArray(MapSqlParameterSource[]::new));
        return existing;
    }

    /** The lifecycle times of an incident (上报 → 受理 → 派遣 → 办结 → 结案). */
    record Lifecycle(
            OffsetDateTime reported,
            OffsetDateTime accepted,
            OffsetDateTime dispatched,
            OffsetDateTime resolved,
            OffsetDateTime closed) {

        /** Each time not before the previous one given; the status has the times it implies. */
        void check(String status, Fields fields) {
            OffsetDateTime previous = reported;
            String[] names = {"accepted_at", "dispatched_at", "resolved_at", "closed_at"};
            OffsetDateTime[] times = {accepted, dispatched, resolved, closed};
            for (int i = 0; i < times.length; i++) {
                if (times[i] == null) continue;
                if (previous != null && times[i].isBefore(previous)) {
                    fields.problem(names[i], "is before the previous step of the lifecycle");
                }
                previous = times[i];
            }
            if ("closed".equals(status) && closed == null) fields.problem("closed_at", "is required when closed");
            if (("resolved".equals(status) || "closed".equals(status)) && resolved == null) {
                fields.problem("resolved_at", "is required when resolved or closed");
            }
        }
    }
}
