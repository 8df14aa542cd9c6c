package org.gridatlas.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.api.NotFoundException;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Open311 GeoReport v2 over the incidents: the service list is the small classes of the category catalogue, a
 * service request is an incident (its id is the incident's external id). API keys tie a client to one street: they
 * are needed to post, and a client reads only its street's requests. Reporter data is never returned.
 */
@Service
public class Open311Service {
    /** The role of a scope that comes from an API key (reads requests of its street, nothing else). */
    static final String CLIENT_ROLE = "open311_client";

    private static final String REQUEST_COLUMNS =
            """
            SELECT i.external_id, i.status, i.category_code, c.name AS service_name, i.description, i.department,
              i.reported_at, greatest(i.reported_at, i.accepted_at, i.dispatched_at, i.resolved_at, i.closed_at)
                AS updated_at, i.address, ST_Y(i.location) AS lat, ST_X(i.location) AS lon
            FROM incident i JOIN incident_category c ON c.code = i.category_code
            WHERE ("""
                    + ScopeSql.STREET + " OR i.street_code = :scope_street) AND (" + ScopeSql.COMMUNITY
                    + " OR i.community_code = :scope_community)";

    private final JdbcClient jdbc;

    Open311Service(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A service of GET services (GeoReport v2 field names). */
    public record ServiceType(
            @JsonProperty("service_code") String serviceCode,
            @JsonProperty("service_name") String serviceName,
            String description,
            boolean metadata,
            String type,
            String keywords,
            String group) {}

    /**
     * A service request as GET requests returns it; {@code status} is open or closed (closed once resolved),
     * {@code status_notes} the GridAtlas lifecycle status.
     *
     * @param lat WGS84 latitude in degrees, null while unplaced
     * @param lon WGS84 longitude in degrees
     */
    public record ServiceRequest(
            @JsonProperty("service_request_id") String serviceRequestId,
            String status,
            @JsonProperty("status_notes") String statusNotes,
            @JsonProperty("service_name") String serviceName,
            @JsonProperty("service_code") String serviceCode,
            String description,
            @JsonProperty("agency_responsible") String agencyResponsible,
            @JsonProperty("requested_datetime") OffsetDateTime requestedDatetime,
            @JsonProperty("updated_datetime") OffsetDateTime updatedDatetime,
            String address,
            Double lat,
            @JsonProperty("long") Double lon) {}

    /** The answer to POST requests. */
    public record Created(
            @JsonProperty("service_request_id") String serviceRequestId,
            @JsonProperty("service_notice") String serviceNotice,
            @JsonProperty("account_id") String accountId) {}

    public List<ServiceType> services() {
        return jdbc.sql(
                        """
                        SELECT s.code, s.name, s.name_en, big.name AS big_name FROM incident_category s
                        JOIN incident_category big ON big.code = s.parent_code ORDER BY s.code""")
                .query((rs, n) -> new ServiceType(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("name_en"),
                        false,
                        "realtime",
                        rs.getString("name_en"),
                        rs.getString("big_name")))
                .list();
    }

    /** The scope of a client's API key, if the key is known. */
    public Optional<Scope> client(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) return Optional.empty();
        return jdbc.sql("SELECT street_code FROM open311_client WHERE key_sha256 = :h")
                .param("h", sha256(apiKey))
                .query(String.class)
                .optional()
                .map(street -> new Scope(CLIENT_ROLE, street, null));
    }

    /** Registers a client for a street and returns its new API key (shown once; only its hash is kept). */
    public String newKey(String name, String streetCode) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        int streets = jdbc.sql("SELECT count(*) FROM street WHERE code = :s")
                .param("s", streetCode)
                .query(Integer.class)
                .single();
        if (streets == 0) throw new BadParameterException("street", "no street " + streetCode);
        jdbc.sql("INSERT INTO open311_client (key_sha256, name, street_code) VALUES (:h, :n, :s)")
                .param("h", sha256(key))
                .param("n", name)
                .param("s", streetCode)
                .update();
        return key;
    }

    /**
     * GET requests: by ids, or by service code, status and reported time (default the last 90 days, at most 1000,
     * newest first, as GeoReport v2 says).
     */
    public List<ServiceRequest> requests(
            List<String> ids,
            String serviceCode,
            String status,
            OffsetDateTime start,
            OffsetDateTime end,
            Scope scope) {
        if (status != null && !status.equals("open") && !status.equals("closed")) {
            throw new BadParameterException("status", "status is open or closed");
        }
        OffsetDateTime to = end == null ? OffsetDateTime.now() : end;
        OffsetDateTime from = start == null ? to.minusDays(90) : start;
        String sql = REQUEST_COLUMNS
                + (ids == null
                        ? """
                         AND i.reported_at >= :from AND i.reported_at <= :to
                         AND (CAST(:code AS text) IS NULL OR i.category_code = :code)
                         AND (CAST(:status AS text) IS NULL
                              OR (:status = 'closed') = (i.status IN ('resolved', 'closed')))"""
                        : " AND i.external_id = ANY(:ids)")
                + " ORDER BY i.reported_at DESC, i.id LIMIT 1000";
        var spec = ScopeSql.bind(jdbc.sql(sql), scope);
        if (ids == null) {
            spec = spec.param("from", from)
                    .param("to", to)
                    .param("code", serviceCode)
                    .param("status", status);
        } else {
            spec = spec.param("ids", ids.toArray(String[]::new));
        }
        return spec.query(Open311Service::request).list();
    }

    public ServiceRequest request(String id, Scope scope) {
        return requests(List.of(id), null, null, null, null, scope).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("service_request_id", "no service request " + id));
    }

    private static ServiceRequest request(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String status = rs.getString("status");
        return new ServiceRequest(
                rs.getString("external_id"),
                "resolved".equals(status) || "closed".equals(status) ? "closed" : "open",
                status,
                rs.getString("service_name"),
                rs.getString("category_code"),
                rs.getString("description"),
                rs.getString("department"),
                rs.getObject("reported_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("address"),
                rs.getObject("lat", Double.class),
                rs.getObject("lon", Double.class));
    }

    static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
