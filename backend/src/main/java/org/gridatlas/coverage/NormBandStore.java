package org.gridatlas.coverage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one reader and writer of the norm bands (table norm_band): a row with street_code NULL is the deployment's
 * band, a row with a street code replaces it for that street. Coverage and plan editing both read them here.
 */
@Repository
public class NormBandStore {
    /** The metrics a band may be stored for, in display order. */
    public static final List<String> METRICS = List.of(
            NormBand.HOUSEHOLDS_PER_GRID,
            NormBand.RESIDENTS_PER_GRID,
            NormBand.HOUSEHOLDS_PER_FULL_TIME_WORKER,
            NormBand.HOUSEHOLDS_PER_PARTY_MEMBER);

    private static final String IN_FORCE =
            """
            SELECT DISTINCT ON (s.code, n.metric) s.code AS street_code, n.metric, n.min_value, n.max_value, n.target,
                   n.street_code IS NOT NULL AS own
            FROM unnest(CAST(:streets AS text[])) AS s(code)
            JOIN norm_band n ON n.street_code IS NULL OR n.street_code = s.code
            ORDER BY s.code, n.metric, n.street_code NULLS LAST""";

    private static final String DEPLOYMENT =
            "SELECT NULL AS street_code, metric, min_value, max_value, target, false AS own FROM norm_band"
                    + " WHERE street_code IS NULL ORDER BY metric";

    /**
     * A band as stored, with where it comes from.
     *
     * @param streetCode the street it is in force for, or null for the deployment's bands
     * @param own whether the street has its own row (false: the deployment's band applies)
     */
    public record StoredBand(String streetCode, String metric, double min, double max, Double target, boolean own) {
        public NormBand band() {
            return new NormBand(metric, min, max, target);
        }
    }

    private final JdbcClient jdbc;

    NormBandStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The bands in force for each of the streets (by street, then metric). */
    public Map<String, Map<String, NormBand>> inForce(Collection<String> streets) {
        Map<String, Map<String, NormBand>> byStreet = new HashMap<>();
        rows(streets).forEach(b -> byStreet.computeIfAbsent(b.streetCode(), s -> new HashMap<>())
                .put(b.metric(), b.band()));
        return byStreet;
    }

    /** The bands in force for one street, by metric. */
    public Map<String, NormBand> inForce(String street) {
        return inForce(List.of(street)).getOrDefault(street, Map.of());
    }

    /** The bands in force for a street (null: the deployment's), each saying whether the street has its own row. */
    public List<StoredBand> stored(String street) {
        return street == null ? jdbc.sql(DEPLOYMENT).query(NormBandStore::row).list() : rows(List.of(street));
    }

    private List<StoredBand> rows(Collection<String> streets) {
        return jdbc.sql(IN_FORCE)
                .param("streets", streets.toArray(String[]::new))
                .query(NormBandStore::row)
                .list();
    }

    private static StoredBand row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        BigDecimal target = rs.getBigDecimal("target");
        return new StoredBand(
                rs.getString("street_code"),
                rs.getString("metric"),
                rs.getDouble("min_value"),
                rs.getDouble("max_value"),
                target == null ? null : target.doubleValue(),
                rs.getBoolean("own"));
    }

    /**
     * Stores bands for a street (null: the deployment's), replacing the street's rows of those metrics. Admins only:
     * an admin of every street for the deployment's bands, else the admin of that street.
     *
     * @param bands by metric: {"min": …, "max": …, "target": …}; every mistake names its field (metric.min …)
     */
    @Transactional
    public List<StoredBand> put(Scope scope, String street, Map<String, Map<String, Object>> bands) {
        if (!Scope.ADMIN.equals(scope.role())) throw new AccessDeniedException("norm bands are set by admins");
        if (street == null && scope.streetCode() != null) {
            throw new AccessDeniedException("the deployment's norm bands are set by an admin of every street");
        }
        if (street != null && !scope.coversStreet(street)) {
            throw new BadParameterException("street", "street " + street + " is not in your scope");
        }
        if (street != null
                && jdbc.sql("SELECT count(*) FROM street WHERE code = :s")
                                .param("s", street)
                                .query(Integer.class)
                                .single()
                        == 0) {
            throw new BadParameterException("street", "no street " + street);
        }
        if (bands == null || bands.isEmpty()) throw new BadParameterException("bands", "no band given");
        List<NormBand> parsed = new ArrayList<>();
        bands.forEach((metric, fields) -> parsed.add(band(metric, fields)));
        for (NormBand b : parsed) {
            jdbc.sql("DELETE FROM norm_band WHERE street_code IS NOT DISTINCT FROM :s AND metric = :m")
                    .param("s", street)
                    .param("m", b.metric())
                    .update();
            jdbc.sql("INSERT INTO norm_band (street_code, metric, min_value, max_value, target)"
                            + " VALUES (:s, :m, :min, :max, :target)")
                    .param("s", street)
                    .param("m", b.metric())
                    .param("min", b.min())
                    .param("max", b.max())
                    .param("target", b.target())
                    .update();
        }
        return stored(street);
    }

    /** A band from its JSON fields; a mistake names metric.field. */
    static NormBand band(String metric, Map<String, Object> fields) {
        if (!METRICS.contains(metric)) {
            throw new BadParameterException(metric, "unknown norm band '" + metric + "'; known: " + METRICS);
        }
        if (fields == null) throw new BadParameterException(metric, "a band is {\"min\": …, \"max\": …}");
        Map<String, Object> f = new LinkedHashMap<>(fields);
        for (String key : f.keySet()) {
            if (!List.of("min", "max", "target").contains(key)) {
                throw new BadParameterException(metric + "." + key, "a band has min, max and target only");
            }
        }
        double min = number(metric + ".min", f.get("min"), true);
        double max = number(metric + ".max", f.get("max"), true);
        if (min > max) {
            throw new BadParameterException(metric + ".min", "norm band min " + min + " > max " + max);
        }
        Double target = f.get("target") == null ? null : number(metric + ".target", f.get("target"), false);
        if (target != null && (target < min || target > max)) {
            throw new BadParameterException(metric + ".target", "target " + target + " lies outside [min, max]");
        }
        return new NormBand(metric, min, max, target);
    }

    private static double number(String field, Object value, boolean required) {
        if (value == null && required) throw new BadParameterException(field, field + " is required");
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < 0) {
            throw new BadParameterException(field, "'" + value + "' is not a number >= 0");
        }
        return n.doubleValue();
    }
}
