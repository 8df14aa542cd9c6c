package org.gridatlas.heatmap;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the heat map on incidents: weighted points for a Web-Mercator rectangle, exact or snapped to pixels (the
 * pre-aggregated blocks are in {@link HeatmapBlocks}). Every query carries the user's scope and binds
 * the filter; column names chosen by the weight come from a fixed switch, never from the request.
 *
 * <p>A point's weight is already divided by the months of its period (and negative for the comparison period in the
 * difference mode), so the kernel sum is directly in incidents per km² per month.
 */
@Repository
class HeatmapRepository {
    static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    /**
     * The incident filter of a heat-map request on table alias {@code i} (time, categories, sources, statuses,
     * levels, scope), bound by {@link #bindIncidentFilter}; shared with the hot-spot aggregates.
     */
    static final String INCIDENT_FILTER =
            """
            ((i.reported_at >= :a_t0 AND i.reported_at < :a_t1)
                   OR (CAST(:b_t0 AS timestamptz) IS NOT NULL AND i.reported_at >= :b_t0 AND i.reported_at < :b_t1))
              AND (cardinality(CAST(:cats AS text[])) = 0 OR i.category_big = ANY (CAST(:cats AS text[]))
                   OR i.category_code = ANY (CAST(:cats AS text[])))
              AND (cardinality(CAST(:sources AS text[])) = 0 OR i.source = ANY (CAST(:sources AS text[])))
              AND (cardinality(CAST(:statuses AS text[])) = 0 OR i.status = ANY (CAST(:statuses AS text[])))
              AND (cardinality(CAST(:levels AS text[])) = 0 OR i.resolution_level = ANY (CAST(:levels AS text[])))
              AND (%1$s OR i.street_code = :scope_street) AND (%2$s OR i.community_code = :scope_community)
            """
                    .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY);

    private static final String INCIDENT_WHERE =
            """
            FROM incident i
            WHERE i.location && ST_MakeEnvelope(:lon0, :lat0, :lon1, :lat1, 4326)
              AND """
                    + INCIDENT_FILTER;

    /** Exact positions (co-located incidents summed): for zoom 15 and above and for exports. */
    private static final String POINTS = "SELECT ST_X(i.location) AS lon, ST_Y(i.location) AS lat, sum(%1$s * "
            + "CASE WHEN i.reported_at >= :a_t0 AND i.reported_at < :a_t1 THEN :a_w ELSE :b_w END) AS w "
            + INCIDENT_WHERE + " GROUP BY 1, 2";

    /** Positions snapped to the pixels of a zoom: for filters the cells do not carry, zoomed out. */
    private static final String SNAPPED =
            "SELECT floor((ST_X(m.g) + :half) / :ps) AS cx, floor((:half - ST_Y(m.g)) / :ps) AS cy, "
                    + "sum(%1$s * CASE WHEN i.reported_at >= :a_t0 AND i.reported_at < :a_t1 THEN :a_w ELSE :b_w END) AS w "
                    + INCIDENT_WHERE.replace(
                            "FROM incident i",
                            "FROM incident i CROSS JOIN LATERAL (SELECT ST_Transform(i.location, 3857) AS g) m")
                    + " GROUP BY 1, 2";

    private final JdbcClient jdbc;

    HeatmapRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** First and last month with incidents in the scope (from the per-month street counts), or null. */
    MonthRange dataMonths(Scope scope) {
        var row = jdbc.sql(
                        """
                        SELECT min(month) AS a, max(month) AS b FROM (
                          SELECT month FROM heatmap_month_street
                          WHERE CAST(:street AS text) IS NULL OR street_code = :street
                          UNION ALL SELECT month FROM heatmap_dirty_month) m""")
                .param("street", scope.streetCode())
                .query((rs, i) ->
                        new LocalDate[] {rs.getObject("a", LocalDate.class), rs.getObject("b", LocalDate.class)})
                .single();
        return row[0] == null ? null : new MonthRange(YearMonth.from(row[0]), YearMonth.from(row[1]));
    }

    /** Incidents in the Mercator rectangle: exact positions, or snapped to the pixels of zoom {@code snapZoom}. */
    WeightedPoints incidents(
            Scope scope, HeatmapFilter f, Integer snapZoom, double minX, double minY, double maxX, double maxY) {
        WeightedPoints out = new WeightedPoints();
        String weight = weightExpression(f.weight());
        var spec = jdbc.sql((snapZoom == null ? POINTS : SNAPPED).formatted(weight))
                .param("lon0", WebMercator.lon(minX))
                .param("lat0", WebMercator.lat(minY))
                .param("lon1", WebMercator.lon(maxX))
                .param("lat1", WebMercator.lat(maxY));
        bindIncidentFilter(spec, scope, f);
        if (snapZoom != null) {
            double ps = WebMercator.pixelSize(snapZoom);
            spec = spec.param("half", WebMercator.HALF).param("ps", ps);
            ScopeSql.bind(spec, scope).query(rs -> {
                out.add(
                        WebMercator.pixelX(snapZoom, rs.getLong(1) + 0.5),
                        WebMercator.pixelY(snapZoom, rs.getLong(2) + 0.5),
                        rs.getDouble(3));
            });
        } else {
            spec.query(rs -> {
                out.addLonLat(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3));
            });
        }
        return out;
    }

    /** Binds the parameters of {@link #INCIDENT_FILTER} and the scope. */
    static JdbcClient.StatementSpec bindIncidentFilter(JdbcClient.StatementSpec spec, Scope scope, HeatmapFilter f) {
        spec.param("cats", f.categories().toArray(new String[0]))
                .param("sources", f.sources().toArray(new String[0]))
                .param("statuses", f.statuses().toArray(new String[0]))
                .param("levels", f.levels().toArray(new String[0]))
                .param("a_t0", start(f.period().from()))
                .param("a_t1", start(f.period().to().plusMonths(1)))
                .param("b_t0", f.compare() == null ? null : start(f.compare().from()))
                .param(
                        "b_t1",
                        f.compare() == null ? null : start(f.compare().to().plusMonths(1)))
                .param("a_w", 1.0 / f.period().months())
                .param("b_w", f.compare() == null ? 0.0 : -1.0 / f.compare().months());
        return ScopeSql.bind(spec, scope);
    }

    private static OffsetDateTime start(YearMonth m) {
        return m.atDay(1).atStartOfDay(CALENDAR).toOffsetDateTime();
    }

    private static String weightExpression(String weight) {
        return switch (weight) {
            case "open" -> "CASE WHEN i.status <> 'closed' THEN 1 ELSE 0 END";
            case "dissatisfied" -> "CASE WHEN i.satisfaction <= 2 THEN 1 ELSE 0 END";
            default -> "1";
        };
    }
}
