package org.gridatlas.incident;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.api.NotFoundException;
import org.gridatlas.geo.LonLat;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes incidents within the user's scope: the filtered list, the review queue of unmatched incidents
 * (kept with their own street when the importer's scope had one), placing one by hand, and lifecycle transitions.
 * Reporter name and phone appear only in {@link #get} and only for the roles that call residents back.
 */
@Service
public class IncidentService {
    private static final String SCOPE = "(" + ScopeSql.STREET + " OR i.street_code = :scope_street"
            + " OR (i.street_code IS NULL AND j.street_code = :scope_street))"
            + " AND (" + ScopeSql.COMMUNITY + " OR i.community_code = :scope_community)";
    private static final String COLUMNS =
            """
            i.id, i.external_id, i.source, i.category_code, c.name AS category_name, i.category_big,
            big.name AS category_big_name, i.description, i.reported_at, i.accepted_at, i.dispatched_at,
            i.resolved_at, i.closed_at, i.status, i.resolution_level, i.department, i.satisfaction, i.address,
            i.geocode_quality, i.geocode_score, ST_X(i.location) AS lon, ST_Y(i.location) AS lat, bl.code AS building,
            i.street_code, i.community_code, i.grid_code, i.grid_plan_id""";
    private static final String FROM =
            """
            FROM incident i
            JOIN incident_category c ON c.code = i.category_code
            JOIN incident_category big ON big.code = i.category_big
            LEFT JOIN building bl ON bl.id = i.building_id
            LEFT JOIN import_job j ON j.id = i.import_job_id""";
    private final JdbcClient jdbc;

    IncidentService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An incident as lists show it (no personal data). */
    public record Incident(
            long id,
            String externalId,
            String source,
            String category,
            String categoryName,
            String categoryBig,
            String categoryBigName,
            String description,
            OffsetDateTime reportedAt,
            OffsetDateTime acceptedAt,
            OffsetDateTime dispatchedAt,
            OffsetDateTime resolvedAt,
            OffsetDateTime closedAt,
            String status,
            String resolutionLevel,
            String department,
            Integer satisfaction,
            String address,
            String geocodeQuality,
            Float geocodeScore,
            Double lon,
            Double lat,
            String building,
            String streetCode,
            String communityCode,
            String gridCode,
            Long gridPlanId) {}

    public record Page(int numberMatched, int numberReturned, List<Incident> incidents) {}

    /** One incident with its history; the reporter only for roles that see it (else null). */
    public record Detail(Incident incident, String reporterName, String reporterPhone, List<Event> events) {}

    public record Event(
            String status,
            OffsetDateTime at,
            String actor,
            String level,
            String department,
            Integer satisfaction,
            String note) {}

    public Page list(IncidentFilter f, Scope scope) {
        String where = " WHERE " + SCOPE
                + """
                 AND (CAST(:from AS timestamptz) IS NULL OR i.reported_at >= :from)
                 AND (CAST(:to AS timestamptz) IS NULL OR i.reported_at < :to)
                 AND (CAST(:category AS text) IS NULL OR i.category_code = :category OR i.category_big = :category)
                 AND (CAST(:source AS text) IS NULL OR i.source = :source)
                 AND (CAST(:status AS text) IS NULL OR i.status = :status)
                 AND (CAST(:grid AS text) IS NULL OR i.grid_code = :grid)
                 AND (CAST(:quality AS text) IS NULL OR i.geocode_quality = :quality)""";
        int matched = params(jdbc.sql("SELECT count(*) " + FROM + where), f, scope)
                .query(Integer.class)
                .single();
        List<Incident> rows = params(
                        jdbc.sql("SELECT " + COLUMNS + " " + FROM + where
                                + " ORDER BY i.reported_at DESC, i.id LIMIT :limit OFFSET :offset"),
                        f,
                        scope)
                .param("limit", f.limit())
                .param("offset", f.offset())
                .query(IncidentService::incident)
                .list();
        return new Page(matched, rows.size(), rows);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec s, IncidentFilter f, Scope scope) {
        return ScopeSql.bind(s, scope)
                .param("from", f.from())
                .param("to", f.to())
                .param("category", f.category())
                .param("source", f.source())
                .param("status", f.status())
                .param("grid", f.grid())
                .param("quality", f.quality());
    }

    public Detail get(long id, Scope scope) {
        Incident incident = find(id, scope);
        boolean personal = Scope.ADMIN.equals(scope.role()) || Scope.SUPERVISOR.equals(scope.role());
        Map<String, Object> reporter = jdbc.sql("SELECT reporter_name, reporter_phone FROM incident WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
        List<Event> events = jdbc.sql(
                        """
                        SELECT status, at, actor, level, department, satisfaction, note FROM incident_event
                        WHERE incident_id = :id ORDER BY at, id""")
                .param("id", id)
                .query((rs, n) -> new Event(
                        rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        (Integer) rs.getObject(6, Integer.class),
                        rs.getString(7)))
                .list();
        return new Detail(
                incident,
                personal ? (String) reporter.get("reporter_name") : null,
                personal ? (String) reporter.get("reporter_phone") : null,
                events);
    }

    Incident find(long id, Scope scope) {
        return ScopeSql.bind(jdbc.sql("SELECT " + COLUMNS + " " + FROM + " WHERE i.id = :id AND " + SCOPE), scope)
                .param("id", id)
                .query(IncidentService::incident)
                .optional()
                .orElseThrow(() -> new NotFoundException("id", "no incident " + id + " in your scope"));
    }

    /** Places an incident by hand (the review queue); community and grid follow from the point. */
    @Transactional
    public Incident place(long id, LonLat point, String actor, Scope scope) {
        find(id, scope);
        jdbc.sql(
                        """
                        UPDATE incident SET location = ST_SetSRID(ST_MakePoint(:lon, :lat), 4326),
                          geocode_quality = 'manual', geocode_score = NULL, building_id = NULL
                        WHERE id = :id""")
                .param("lon", point.lon())
                .param("lat", point.lat())
                .param("id", id)
                .update();
        IncidentPlacement.placeOne(jdbc, id);
        jdbc.sql(
                        """
                        INSERT INTO incident_event (incident_id, status, at, actor, note)
                        SELECT id, status, now(), :actor, 'placed on the map by hand' FROM incident WHERE id = :id""")
                .param("actor", actor)
                .param("id", id)
                .update();
        return find(id, scope);
    }

    /**
     * A report from an external system (Open311): a small category, and a WGS84 point or an address to geocode.
     *
     * @param lon WGS84 longitude in degrees, or null when the address is to be geocoded
     * @param lat WGS84 latitude in degrees
     */
    public record Report(
            String category,
            String description,
            Double lon,
            Double lat,
            String address,
            String reporterName,
            String reporterPhone) {}

    /**
     * Stores a report as a new incident of the scope's street (source open311, status reported): a point is
     * checked against the street like an imported one, an address is geocoded, and what cannot be placed goes to
     * the review queue. Refusals name the Open311 parameter at fault.
     */
    @Transactional
    public Incident report(Report r, String actor, Scope scope) {
        String big = jdbc.sql("SELECT parent_code FROM incident_category WHERE code = :c AND parent_code IS NOT NULL")
                .param("c", r.category())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new BadParameterException(
                        "service_code", "'" + r.category() + "' is not a service code (GET services)"));
        StreetArea.Placed placed = null;
        if (r.lon() != null || r.lat() != null) {
            if (r.lon() == null || r.lat() == null) {
                throw new BadParameterException(r.lon() == null ? "long" : "lat", "lat and long go together");
            }
            placed = StreetArea.of(jdbc, scope).place(r.lon(), r.lat(), org.gridatlas.geo.Datum.wgs84);
            if (placed == null) {
                throw new BadParameterException(
                        "lat", "the point " + r.lat() + ", " + r.lon() + " is not in the street this key reports to");
            }
        } else if (r.address() == null || r.address().isBlank()) {
            throw new BadParameterException("address_string", "a request needs lat and long, or address_string");
        }
        long id =
                jdbc.sql("SELECT nextval('incident_id_seq')").query(Long.class).single();
        jdbc.sql(
                        """
                        INSERT INTO incident (id, external_id, source, category_code, category_big, description,
                          reported_at, status, location, address, address_norm, geocode_quality, street_code,
                          reporter_name, reporter_phone)
                        VALUES (:id, 'O311-' || :id, 'open311', :category, :big, :description, now(), 'reported',
                          CASE WHEN CAST(:lon AS float8) IS NULL THEN NULL
                               ELSE ST_SetSRID(ST_MakePoint(:lon, :lat), 4326) END,
                          :address, :norm, CASE WHEN CAST(:lon AS float8) IS NULL THEN 'unmatched' ELSE 'coordinates' END,
                          :street, :name, :phone)""")
                .param("id", id)
                .param("category", r.category())
                .param("big", big)
                .param("description", r.description())
                .param("lon", placed == null ? null : placed.point().lon())
                .param("lat", placed == null ? null : placed.point().lat())
                .param("address", r.address())
                .param("norm", org.gridatlas.building.AddressNormalizer.normalize(r.address()))
                .param("street", scope.streetCode())
                .param("name", r.reporterName())
                .param("phone", r.reporterPhone())
                .update();
        if (placed == null) Geocoder.geocodeOne(jdbc, id, scope);
        IncidentPlacement.placeOne(jdbc, id);
        jdbc.sql(
                        """
                        INSERT INTO incident_event (incident_id, status, at, actor, note)
                        SELECT id, 'reported', reported_at, :actor, 'received through Open311' FROM incident
                        WHERE id = :id""")
                .param("actor", actor)
                .param("id", id)
                .update();
        return find(id, scope);
    }

    /** Applies a checked lifecycle transition and records who did it. */
    @Transactional
    public Incident transition(long id, Transition t, String actor, Scope scope) {
        Incident current = find(id, scope);
        OffsetDateTime at = t.at() == null ? OffsetDateTime.now() : t.at();
        t.check(current, at);
        String column = Transition.TIME_COLUMN.get(t.status());
        jdbc.sql(
                        "UPDATE incident SET status = :status, " + column + " = :at,"
                                + """
                         resolution_level = coalesce(:level, resolution_level),
                         department = coalesce(:department, department),
                         satisfaction = coalesce(:satisfaction, satisfaction)
                        WHERE id = :id""")
                .param("status", t.status())
                .param("at", at)
                .param("level", t.level())
                .param("department", t.department())
                .param("satisfaction", t.satisfaction())
                .param("id", id)
                .update();
        jdbc.sql(
                        """
                        INSERT INTO incident_event (incident_id, status, at, actor, level, department, satisfaction, note)
                        VALUES (:id, :status, :at, :actor, :level, :department, :satisfaction, :note)""")
                .param("id", id)
                .param("status", t.status())
                .param("at", at)
                .param("actor", actor)
                .param("level", t.level())
                .param("department", t.department())
                .param("satisfaction", t.satisfaction())
                .param("note", t.note())
                .update();
        return find(id, scope);
    }

    private static Incident incident(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Incident(
                rs.getLong("id"),
                rs.getString("external_id"),
                rs.getString("source"),
                rs.getString("category_code"),
                rs.getString("category_name"),
                rs.getString("category_big"),
                rs.getString("category_big_name"),
                rs.getString("description"),
                rs.getObject("reported_at", OffsetDateTime.class),
                rs.getObject("accepted_at", OffsetDateTime.class),
                rs.getObject("dispatched_at", OffsetDateTime.class),
                rs.getObject("resolved_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("status"),
                rs.getString("resolution_level"),
                rs.getString("department"),
                rs.getObject("satisfaction", Integer.class),
                rs.getString("address"),
                rs.getString("geocode_quality"),
                rs.getObject("geocode_score", Float.class),
                rs.getObject("lon", Double.class),
                rs.getObject("lat", Double.class),
                rs.getString("building"),
                rs.getString("street_code"),
                rs.getString("community_code"),
                rs.getString("grid_code"),
                rs.getObject("grid_plan_id", Long.class));
    }
}
