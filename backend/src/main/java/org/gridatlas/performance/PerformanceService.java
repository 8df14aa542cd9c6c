package org.gridatlas.performance;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Handling performance per grid, community or street for the incidents reported in a period — the "三率" of the
 * 12345 hotline rankings and the 721 resolution-level mix (definitions in docs/heatmap.md):
 *
 * <ul>
 *   <li>response rate (响应率) = incidents accepted within {@code responseHours} of their report / incidents;
 *   <li>resolution rate (解决率) = incidents resolved (resolved_at set) / incidents;
 *   <li>satisfaction rate (满意率) = rated incidents with satisfaction 4 or 5 / rated incidents;
 *   <li>median hours to close = median of closed_at − reported_at over the closed incidents;
 *   <li>level mix = shares of community / department / street among the resolved incidents with a level, against
 *       the 70 / 20 / 10 target ("721").
 * </ul>
 *
 * One set-based statement per request, filtered by the user's scope.
 */
@Service
public class PerformanceService {
    static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");
    static final Set<String> UNITS = Set.of("grid", "community", "street");
    static final Set<String> SORTS = Set.of(
            "responseRate", "resolutionRate", "satisfactionRate", "medianHoursToClose", "incidents", "levelMixGap");

    private static final String SQL =
            """
            SELECT %1$s AS code, count(*) AS incidents,
              count(*) FILTER (WHERE i.accepted_at IS NOT NULL AND i.accepted_at <= i.reported_at + CAST(:response_hours AS float8) * interval '1 hour') AS responded,
              count(*) FILTER (WHERE i.resolved_at IS NOT NULL) AS resolved,
              count(*) FILTER (WHERE i.satisfaction IS NOT NULL) AS rated,
              count(*) FILTER (WHERE i.satisfaction >= 4) AS satisfied,
              count(*) FILTER (WHERE i.closed_at IS NOT NULL) AS closed,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.closed_at - i.reported_at) / 3600)
                FILTER (WHERE i.closed_at IS NOT NULL) AS median_hours,
              count(*) FILTER (WHERE i.resolved_at IS NOT NULL AND i.resolution_level = 'community') AS by_community,
              count(*) FILTER (WHERE i.resolved_at IS NOT NULL AND i.resolution_level = 'department') AS by_department,
              count(*) FILTER (WHERE i.resolved_at IS NOT NULL AND i.resolution_level = 'street') AS by_street
            FROM incident i
            WHERE %1$s IS NOT NULL AND i.reported_at >= :t0 AND i.reported_at < :t1
              AND (cardinality(CAST(:cats AS text[])) = 0 OR i.category_big = ANY (CAST(:cats AS text[]))
                   OR i.category_code = ANY (CAST(:cats AS text[])))
              AND (cardinality(CAST(:sources AS text[])) = 0 OR i.source = ANY (CAST(:sources AS text[])))
              AND (%2$s OR i.street_code = :scope_street) AND (%3$s OR i.community_code = :scope_community)
            GROUP BY 1""";

    private static final String NAMES =
            """
            SELECT code, name FROM street UNION ALL SELECT code, name FROM community
            UNION ALL SELECT g.code, g.name FROM grid g JOIN boundary_plan p ON p.id = g.plan_id AND p.status = 'published'""";

    private final JdbcClient jdbc;

    PerformanceService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The request, checked.
     *
     * @param unit grid, community or street
     * @param from first month (inclusive)
     * @param to last month (inclusive)
     * @param responseHours the response deadline in hours (default 24)
     */
    public record Query(
            String unit,
            YearMonth from,
            YearMonth to,
            List<String> categories,
            List<String> sources,
            double responseHours,
            String sort) {}

    /** Checks the raw parameters; from/to default to the last 12 months before now. */
    public Query query(
            String unit,
            String from,
            String to,
            String category,
            String source,
            String responseHours,
            String sort,
            Set<String> knownCategories,
            Set<String> knownSources) {
        String u = unit == null || unit.isBlank() ? "grid" : unit;
        if (!UNITS.contains(u)) throw new BadParameterException("by", "by must be grid, community or street");
        YearMonth now = YearMonth.now(CALENDAR);
        YearMonth a = month("from", from, now.minusMonths(11));
        YearMonth b = month("to", to, now);
        if (b.isBefore(a)) throw new BadParameterException("to", "'to' (" + b + ") is before 'from' (" + a + ")");
        double hours = 24;
        if (responseHours != null && !responseHours.isBlank()) {
            try {
                hours = Double.parseDouble(responseHours);
            } catch (NumberFormatException e) {
                hours = -1;
            }
            if (!(hours > 0 && hours <= 24 * 30))
                throw new BadParameterException(
                        "responseHours", "responseHours must be a number of hours between 0 and 720");
        }
        String s = sort == null || sort.isBlank() ? "resolutionRate" : sort;
        if (!SORTS.contains(s))
            throw new BadParameterException(
                    "sort", "sort must be one of " + String.join(", ", new java.util.TreeSet<>(SORTS)));
        return new Query(
                u, a, b, list("category", category, knownCategories), list("source", source, knownSources), hours, s);
    }

    private static List<String> list(String name, String value, Set<String> known) {
        if (value == null || value.isBlank()) return List.of();
        List<String> out = java.util.Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
        for (String v : out)
            if (!known.contains(v)) throw new BadParameterException(name, "unknown " + name + " '" + v + "'");
        return out;
    }

    private static YearMonth month(String name, String text, YearMonth fallback) {
        if (text == null || text.isBlank()) return fallback;
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "'" + text + "' is not a month such as 2026-03 (YYYY-MM)");
        }
    }

    /** Rows of the ranking, best first by the sort metric (lowest first for hours to close and the 721 gap). */
    public List<HandlingPerformance> ranking(Scope scope, Query q) {
        String column =
                switch (q.unit()) {
                    case "street" -> "i.street_code";
                    case "community" -> "i.community_code";
                    default -> "i.grid_code";
                };
        java.util.Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql(NAMES).query(rs -> {
            names.putIfAbsent(rs.getString(1), rs.getString(2));
        });
        List<HandlingPerformance> rows = ScopeSql.bind(
                        jdbc.sql(SQL.formatted(column, ScopeSql.STREET, ScopeSql.COMMUNITY)), scope)
                .param("response_hours", q.responseHours())
                .param("t0", start(q.from()))
                .param("t1", start(q.to().plusMonths(1)))
                .param("cats", q.categories().toArray(new String[0]))
                .param("sources", q.sources().toArray(new String[0]))
                .query((rs, n) -> HandlingPerformance.of(
                        q.unit(),
                        rs.getString("code"),
                        names.get(rs.getString("code")),
                        rs.getLong("incidents"),
                        rs.getLong("responded"),
                        rs.getLong("resolved"),
                        rs.getLong("rated"),
                        rs.getLong("satisfied"),
                        rs.getLong("closed"),
                        (Double) rs.getObject("median_hours"),
                        rs.getLong("by_community"),
                        rs.getLong("by_department"),
                        rs.getLong("by_street")))
                .list();
        return HandlingPerformance.ranked(rows, q.sort());
    }

    private static OffsetDateTime start(YearMonth m) {
        return m.atDay(1).atStartOfDay(CALENDAR).toOffsetDateTime();
    }
}
