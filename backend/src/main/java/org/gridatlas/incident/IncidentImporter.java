package org.gridatlas.incident;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.gridatlas.building.AddressNormalizer;
import org.gridatlas.geo.Datum;
import org.gridatlas.ingest.BackgroundCopy;
import org.gridatlas.ingest.ChineseDates;
import org.gridatlas.ingest.ColumnMapping;
import org.gridatlas.ingest.Fields;
import org.gridatlas.ingest.GeoJsonFeatures;
import org.gridatlas.ingest.ImportCounts;
import org.gridatlas.ingest.ImportKind;
import org.gridatlas.ingest.ImportOptions;
import org.gridatlas.ingest.Importer;
import org.gridatlas.ingest.Problems;
import org.gridatlas.ingest.RecordLoader;
import org.gridatlas.ingest.Tables;
import org.gridatlas.ingest.XlsxRows;
import org.gridatlas.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Incidents (事件/工单) from files as offices export them: CSV (UTF-8 with or without BOM, or GB18030/GBK), .xlsx or
 * GeoJSON (a FeatureCollection of Points whose properties carry the same fields, {@link GeoJsonFeatures#readPointRows}),
 * columns found by Chinese/English header synonyms ({@link IncidentColumns}) or the user's mapping, times in the
 * common Chinese forms ({@link org.gridatlas.ingest.ChineseDates}), coordinates in WGS84, GCJ-02 or BD-09 converted to
 * WGS84, lon/lat given the wrong way round swapped back, points far outside the street refused. Rows are checked
 * (category in the catalogue, lifecycle times in order and agreeing with the status), upserted by external id, then
 * geocoded by address when they have no coordinates ({@link Geocoder}) and placed in their street, community and
 * the grid of the plan in force at their reported time ({@link IncidentPlacement}). What cannot be placed is kept
 * as unmatched: the review queue.
 */
@Component
class IncidentImporter implements Importer {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IncidentImporter.class);
    static final Set<String> SOURCES =
            Set.of("hotline_12345", "patrol", "snapshot", "video", "desk", "open311", "other");
    static final Set<String> STATUSES = Set.of("reported", "accepted", "dispatched", "resolved", "closed");
    static final Set<String> LEVELS = Set.of("community", "department", "street");
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    IncidentImporter(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** A small class of the catalogue with its big class. */
    private record Category(String code, String bigCode) {}

    /** What a row needs besides itself: the catalogue, where incidents may lie, the datum, the columns. */
    private record RowContext(
            Map<String, Category> categories,
            StreetArea area,
            Datum datum,
            ColumnMapping columns,
            long job,
            int[] swapped,
            PlacementIndex places,
            Tally tally) {}

    /** What the loop learns about the staged rows: whether ids repeat, how many rows came without a point. */
    private static final class Tally {
        final java.util.HashSet<String> ids = new java.util.HashSet<>();
        boolean repeatedIds;
        int withoutPoint;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.incidents;
    }

    @Override
    public Map<String, List<String>> columns() {
        return IncidentColumns.SYNONYMS;
    }

    @Override
    public boolean allowedFor(Scope scope) {
        return Scope.ADMIN.equals(scope.role()) || Scope.SUPERVISOR.equals(scope.role());
    }

    @Override
    public ImportCounts load(Source source, Context context) {
        ImportOptions options = source.options();
        Problems problems = context.problems();
        String format = options.formatFor(source.fileName(), kind());
        if (!"csv".equals(format) && !"xlsx".equals(format) && !"geojson".equals(format)) {
            problems.add(0, "format", "incidents are read from csv, xlsx or geojson, not " + format);
            problems.throwIfAny();
        }
        Map<String, Category> categories = categories();
        StreetArea area = StreetArea.of(jdbc, context.scope());
        ColumnMapping[] columns = {null};
        int[] swapped = {0};
        long t0 = System.nanoTime();
        PlacementIndex places = PlacementIndex.load(jdbc);
        long t1 = System.nanoTime();
        Tally tally = new Tally();
        Tables.HeaderCheck header = head -> {
            columns[0] = ColumnMapping.resolve(head, IncidentColumns.SYNONYMS, options.mapping(), problems);
            List<String> missing = columns[0].missing(IncidentColumns.REQUIRED);
            if (!missing.isEmpty()) {
                problems.add(0, String.join(", ", missing), "required column missing from the header");
            }
            return !problems.fileProblem(); // a GeoJSON header grows after rows were read
        };
        IncidentStage.create(jdbc);
        java.sql.Connection con = DataSourceUtils.getConnection(dataSource);
        ImportCounts counts;
        try (BackgroundCopy<IncidentStage.Row> copy = IncidentStage.copy(con)) {
            counts = RecordLoader.table(
                    rows -> switch (format) {
                        case "xlsx" -> XlsxRows.read(source.in(), options.sheet(), problems, header, rows);
                        case "geojson" -> GeoJsonFeatures.readPointRows(source.in(), problems, header, rows);
                        default -> Tables.csv(source.in(), source.charset(), problems, header, rows);
                    },
                    problems,
                    options.skipBadRows(),
                    5000,
                    row -> parse(
                            row,
                            problems,
                            new RowContext(
                                    categories,
                                    area,
                                    options.datum(),
                                    columns[0],
                                    context.jobId(),
                                    swapped,
                                    places,
                                    tally)),
                    batch -> stage(batch, tally, copy),
                    context.progress());
            copy.finish();
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
        tally.ids.clear(); // the upsert needs the memory more
        long t2 = System.nanoTime();
        int written = counts.inserted(); // every good row was staged; the store tells new from known ids
        int inserted = IncidentStage.store(jdbc, context.jobId(), tally.repeatedIds);
        long t3 = System.nanoTime();
        int unmatched = 0;
        if (tally.withoutPoint > 0) { // only rows without a point need the address (or keep a stored location)
            Geocoder.geocode(jdbc, context.jobId(), context.scope());
            IncidentPlacement.placeGeocoded(jdbc, context.jobId());
            unmatched = jdbc.sql("SELECT count(*) FROM incident WHERE import_job_id = :j AND location IS NULL")
                    .param("j", context.jobId())
                    .query(Integer.class)
                    .single();
        }
        // phases of the import for tuning (counts only, never row contents)
        log.info(
                "incident import job {}: {} rows; polygons {} ms, parse+check+place+stage {} ms, store {} ms, geocode {} ms",
                context.jobId(),
                counts.read(),
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                (System.nanoTime() - t3) / 1_000_000);
        return new ImportCounts(counts.read(), inserted, written - inserted, unmatched, counts.rejected(), swapped[0]);
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

    private IncidentStage.Row parse(Tables.TableRow row, Problems problems, RowContext rc) {
        ColumnMapping cols = rc.columns();
        Fields fields = new Fields(row.number(), f -> cols.value(row.values(), f), problems, cols::label);
        int before = problems.count();
        IncidentStage.Row record = record(row, fields, rc);
        // the reject report keeps the original row, but never personal data
        if (problems.count() > before)
            problems.raw(row.number(), mask(row, cols).raw());
        return record;
    }

    private IncidentStage.Row record(Tables.TableRow row, Fields fields, RowContext rc) {
        String externalId = fields.text("external_id", true);
        String source = oneOf(fields, "source", IncidentVocabulary.source(fields.text("source", false)), SOURCES, true);
        Category category = category(fields, rc.categories());
        Lifecycle life = new Lifecycle(
                time(fields, "reported_at", true),
                time(fields, "accepted_at", false),
                time(fields, "dispatched_at", false),
                time(fields, "resolved_at", false),
                time(fields, "closed_at", false));
        String statusText = IncidentVocabulary.status(fields.text("status", false));
        String status =
                statusText == null ? life.impliedStatus() : oneOf(fields, "status", statusText, STATUSES, false);
        life.check(status, fields);
        String level = oneOf(
                fields,
                "resolution_level",
                IncidentVocabulary.level(fields.text("resolution_level", false)),
                LEVELS,
                false);
        Integer satisfaction = fields.integer("satisfaction", false, 1, 5);
        StreetArea.Placed placed = location(fields, rc);
        String address = fields.text("address", false);
        if (externalId == null || source == null || category == null || status == null || life.reported() == null) {
            return null;
        }
        return new IncidentStage.Row(
                row.number(),
                externalId,
                source,
                category.code(),
                category.bigCode(),
                fields.text("description", false),
                life,
                status,
                level,
                satisfaction,
                placed == null ? null : placed.point().lon(),
                placed == null ? null : placed.point().lat(),
                address,
                placed == null ? AddressNormalizer.normalize(address) : null, // only geocoding reads it
                fields.text("reporter_name", false),
                fields.text("reporter_phone", false),
                placed == null || life.reported() == null
                        ? PlacementIndex.Place.NONE
                        : rc.places().place(placed.point().lon(), placed.point().lat(), life.reported()));
    }

    private static Category category(Fields fields, Map<String, Category> categories) {
        String big = fields.text("category_big", true);
        String small = fields.text("category_small", true);
        Category category = big == null || small == null ? null : categories.get(big + "/" + small);
        if (big != null && small != null && category == null) {
            fields.problem("category_small", "'" + big + "/" + small + "' is not in the category catalogue");
        }
        return category;
    }

    private static String oneOf(Fields fields, String field, String value, Set<String> allowed, boolean required) {
        if (value == null) {
            if (required) fields.problem(field, "is required");
            return null;
        }
        if (allowed.contains(value)) return value;
        fields.problem(
                field,
                "'" + value + "' is not one of "
                        + String.join(", ", allowed.stream().sorted().toList()));
        return null;
    }

    private static OffsetDateTime time(Fields fields, String field, boolean required) {
        String v = fields.text(field, required);
        if (v == null) return null;
        OffsetDateTime t = ChineseDates.parse(v);
        if (t == null) {
            fields.problem(field, "'" + v + "' is not a time like 2024-03-13 08:05, 2024/3/13 8:05:00 or 2024年3月13日");
        }
        return t;
    }

    /** The WGS84 point of the row, or null (no coordinates, or refused with a problem). */
    private static StreetArea.Placed location(Fields fields, RowContext rc) {
        String lonText = fields.text("lon", false), latText = fields.text("lat", false);
        if (lonText == null && latText == null) return null;
        if (lonText == null || latText == null) {
            fields.problem(lonText == null ? "lon" : "lat", "is empty while the other coordinate is given");
            return null;
        }
        Double lon = fields.decimal("lon", true, -180, 180);
        Double lat = fields.decimal("lat", true, -180, 180);
        if (lon == null || lat == null) return null;
        StreetArea.Placed placed = rc.area().place(lon, lat, rc.datum());
        if (placed == null) {
            fields.problem(
                    "lon",
                    "point " + lonText + ", " + latText + " (" + rc.datum() + ") lies more than " + StreetArea.MARGIN_M
                            + " m outside "
                            + (rc.area().unknown() ? "the world" : rc.area().names())
                            + ": wrong datum, swapped or mistyped coordinates?");
            return null;
        }
        if (placed.swapped()) rc.swapped()[0]++;
        return placed;
    }

    /** The row with personal columns replaced by ***, for the reject report. */
    private static Tables.TableRow mask(Tables.TableRow row, ColumnMapping cols) {
        List<String> values = null;
        for (String field : IncidentColumns.PERSONAL) {
            String v = cols.value(row.values(), field);
            if (v == null || v.isBlank()) continue;
            if (values == null) values = new java.util.ArrayList<>(row.values());
            values.set(row.values().indexOf(v), "***");
        }
        return values == null ? row : new Tables.TableRow(row.number(), values, String.join(",", values));
    }

    /** Stages a batch (COPY, sent by a second thread); whether rows are new or known is decided set-based at the end. */
    private static int stage(List<IncidentStage.Row> batch, Tally tally, BackgroundCopy<IncidentStage.Row> copy) {
        for (IncidentStage.Row r : batch) {
            if (!tally.repeatedIds && !tally.ids.add(r.externalId())) tally.repeatedIds = true;
            if (r.lon() == null) tally.withoutPoint++;
        }
        copy.add(batch);
        return 0;
    }

    /** The lifecycle times of an incident (上报 → 受理 → 派遣 → 办结 → 结案). */
    record Lifecycle(
            OffsetDateTime reported,
            OffsetDateTime accepted,
            OffsetDateTime dispatched,
            OffsetDateTime resolved,
            OffsetDateTime closed) {

        /** The status the times imply, when the file has no status column (the last step with a time). */
        String impliedStatus() {
            if (closed != null) return "closed";
            if (resolved != null) return "resolved";
            if (dispatched != null) return "dispatched";
            if (accepted != null) return "accepted";
            return "reported";
        }

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
