package org.gridatlas.heatmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Aggregates of incidents per hexagon (side length in metres) or per grid of the published plan, with households,
 * the rate per 1,000 households and Getis-Ord Gi* hot/cold spots ({@link GiStar}). Hexagons are PostGIS'
 * ST_HexagonGrid in the UTM zone of the scope's area (metres), covering the scope's communities, empty ones included
 * (the zeros are part of the statistic). Incidents are assigned to hexagons by arithmetic on their projected
 * coordinates (the nearest of the 3×3 candidate cells that covers them), never by a join of every point with every
 * hexagon.
 */
@Service
public class HotspotService {
    static final int MIN_HEX = 50;
    static final int MAX_HEX = 5000;

    private static final String AREA =
            """
            WITH area AS (
              SELECT ST_Union(c.geom) AS g FROM community c
              WHERE (%1$s OR c.street_code = :scope_street) AND (%2$s OR c.code = :scope_community)
            ), zone AS (
              SELECT g, CASE WHEN ST_Y(ST_Centroid(g)) >= 0 THEN 32600 ELSE 32700 END
                        + floor((ST_X(ST_Centroid(g)) + 180) / 6)::int + 1 AS srid FROM area WHERE g IS NOT NULL
            )"""
                    .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY);

    private static final String HEXAGONS = AREA
            + """
            , hex AS (
              SELECT h.i, h.j, h.geom, zone.srid FROM zone, ST_HexagonGrid(:size, ST_Transform(zone.g, zone.srid)) h
              WHERE ST_Intersects(h.geom, ST_Transform(zone.g, zone.srid))
            ), located AS (   -- distinct incident positions with their counts
              SELECT ST_Transform(i.location, (SELECT srid FROM zone)) AS p, count(*) AS n
              FROM incident i WHERE i.location IS NOT NULL AND %1$s
              GROUP BY i.location
            ), houses AS (
              SELECT ST_Transform(b.point, (SELECT srid FROM zone)) AS p, b.households AS n
              FROM building b
              WHERE (%2$s OR left(b.community_code, 9) = :scope_street) AND (%3$s OR b.community_code = :scope_community)
            ), assigned AS (
              SELECT c.i, c.j, x.n, x.kind FROM (
                SELECT p, n, 'incident' AS kind FROM located UNION ALL SELECT p, n, 'house' FROM houses) x
              CROSS JOIN LATERAL (
                SELECT ci AS i, cj AS j
                FROM generate_series(round(ST_X(x.p) / (1.5 * :size))::int - 1, round(ST_X(x.p) / (1.5 * :size))::int + 1) ci
                CROSS JOIN generate_series(round(ST_Y(x.p) / (sqrt(3) * :size))::int - 1,
                                           round(ST_Y(x.p) / (sqrt(3) * :size))::int + 1) cj
                WHERE ST_Covers(ST_Hexagon(:size, ci, cj), ST_SetSRID(x.p, 0))
                ORDER BY ci, cj LIMIT 1) c
            ), sums AS (
              SELECT i, j, sum(n) FILTER (WHERE kind = 'incident') AS incidents, sum(n) FILTER (WHERE kind = 'house') AS households
              FROM assigned GROUP BY i, j
            )
            SELECT hex.i || ':' || hex.j AS id, NULL AS name, ST_AsGeoJSON(ST_Transform(hex.geom, 4326), 7) AS geometry,
                   coalesce(s.incidents, 0) AS incidents, coalesce(s.households, 0) AS households,
                   ST_X(ST_Centroid(hex.geom)) AS x, ST_Y(ST_Centroid(hex.geom)) AS y, NULL::text[] AS neighbours
            FROM hex LEFT JOIN sums s ON s.i = hex.i AND s.j = hex.j
            ORDER BY hex.i, hex.j"""
                    .formatted(HeatmapRepository.INCIDENT_FILTER, ScopeSql.STREET, ScopeSql.COMMUNITY);

    private static final String GRIDS =
            """
            WITH g AS (
              SELECT g.code, g.name, g.geom FROM grid g JOIN boundary_plan p ON p.id = g.plan_id AND p.status = 'published'
              JOIN community c ON c.code = g.community_code
              WHERE (%2$s OR c.street_code = :scope_street) AND (%3$s OR g.community_code = :scope_community)
            ), counts AS (
              SELECT i.grid_code, count(*) AS n FROM incident i WHERE %1$s GROUP BY i.grid_code
            )
            SELECT g.code AS id, g.name, ST_AsGeoJSON(g.geom, 7) AS geometry, coalesce(counts.n, 0) AS incidents,
                   (SELECT coalesce(sum(b.households), 0) FROM building b WHERE ST_Intersects(g.geom, b.point)) AS households,
                   0.0 AS x, 0.0 AS y,
                   ARRAY(SELECT o.code FROM g o WHERE o.code <> g.code AND ST_Intersects(o.geom, g.geom) ORDER BY o.code) AS neighbours
            FROM g LEFT JOIN counts ON counts.grid_code = g.code
            ORDER BY g.code"""
                    .formatted(HeatmapRepository.INCIDENT_FILTER, ScopeSql.STREET, ScopeSql.COMMUNITY);

    private final JdbcClient jdbc;

    HotspotService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One unit of the aggregate.
     *
     * @param id hexagon "i:j" or grid code
     * @param name grid name, null for hexagons
     * @param geometry GeoJSON geometry (lon/lat)
     * @param incidents incidents in the period
     * @param households households of the buildings whose point lies in the unit
     * @param ratePer1000Households incidents × 1000 / households, null without households
     * @param gi the Gi* statistic of the incidents
     */
    record Unit(
            String id,
            String name,
            String geometry,
            long incidents,
            long households,
            Double ratePer1000Households,
            GiStar.Result gi) {}

    private record Row(
            String id,
            String name,
            String geometry,
            long incidents,
            long households,
            double x,
            double y,
            String[] neighbours) {}

    /** Units with their counts, rates and Gi*; unit = "hexagon" (with size in metres) or "grid". */
    List<Unit> units(Scope scope, HeatmapFilter f, String unit, Integer size) {
        List<Row> rows;
        if ("grid".equals(unit)) {
            rows = query(GRIDS, scope, f, 0).list();
        } else if (unit == null || unit.isBlank() || "hexagon".equals(unit)) {
            int s = size == null ? 200 : size;
            if (s < MIN_HEX || s > MAX_HEX)
                throw new BadParameterException(
                        "size", "hexagon size must be between " + MIN_HEX + " and " + MAX_HEX + " metres");
            rows = query(HEXAGONS, scope, f, s).list();
        } else {
            throw new BadParameterException("unit", "unit must be hexagon or grid");
        }
        return withGiStar(rows, "grid".equals(unit) ? 0 : size == null ? 200 : size);
    }

    private JdbcClient.MappedQuerySpec<Row> query(String sql, Scope scope, HeatmapFilter f, int size) {
        var spec = jdbc.sql(sql);
        if (size > 0) spec = spec.param("size", (double) size);
        return HeatmapRepository.bindIncidentFilter(spec, scope, f)
                .query((rs, n) -> new Row(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("geometry"),
                        rs.getLong("incidents"),
                        rs.getLong("households"),
                        rs.getDouble("x"),
                        rs.getDouble("y"),
                        rs.getArray("neighbours") == null
                                ? null
                                : (String[]) rs.getArray("neighbours").getArray()));
    }

    /** size = hexagon side in metres (neighbours are the six cells at √3·size), 0 for grids (neighbours from SQL). */
    private static List<Unit> withGiStar(List<Row> rows, int size) {
        int n = rows.size();
        double[] x = new double[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            x[i] = rows.get(i).incidents();
            index.put(rows.get(i).id(), i);
        }
        int[][] neighbours = size > 0 ? hexNeighbours(rows, size) : new int[n][];
        if (size == 0) {
            for (int i = 0; i < n; i++) {
                neighbours[i] = java.util.Arrays.stream(rows.get(i).neighbours())
                        .filter(index::containsKey)
                        .mapToInt(index::get)
                        .toArray();
            }
        }
        GiStar.Result[] gi = n == 0 ? new GiStar.Result[0] : GiStar.compute(x, neighbours);
        List<Unit> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            Double rate = r.households() > 0 ? r.incidents() * 1000.0 / r.households() : null;
            out.add(new Unit(r.id(), r.name(), r.geometry(), r.incidents(), r.households(), rate, gi[i]));
        }
        return out;
    }

    /**
     * Hexagons "i:j": the adjacent cells are among the 8 with i and j within ±1, and are those whose centre lies at
     * the spacing of the tiling, √3·size.
     */
    private static int[][] hexNeighbours(List<Row> rows, int size) {
        Map<Long, Integer> byCell = new HashMap<>();
        int n = rows.size();
        int[][] cells = new int[n][2];
        for (int k = 0; k < n; k++) {
            String[] ij = rows.get(k).id().split(":");
            cells[k][0] = Integer.parseInt(ij[0]);
            cells[k][1] = Integer.parseInt(ij[1]);
            byCell.put(key(cells[k][0], cells[k][1]), k);
        }
        double spacing = Math.sqrt(3) * size;
        int[][] out = new int[n][];
        for (int k = 0; k < n; k++) {
            List<Integer> nb = new ArrayList<>();
            for (int di = -1; di <= 1; di++) {
                for (int dj = -1; dj <= 1; dj++) {
                    Integer other = byCell.get(key(cells[k][0] + di, cells[k][1] + dj));
                    if (other == null || other == k) continue;
                    double dx = rows.get(other).x() - rows.get(k).x(),
                            dy = rows.get(other).y() - rows.get(k).y();
                    if (Math.hypot(dx, dy) < 1.01 * spacing) nb.add(other);
                }
            }
            out[k] = nb.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static long key(int i, int j) {
        return ((long) i << 32) ^ (j & 0xffffffffL);
    }
}
