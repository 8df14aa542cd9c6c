package org.gridatlas.tile;

import org.gridatlas.api.BadParameterException;
import org.gridatlas.api.NotFoundException;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Dense layers as Mapbox Vector Tiles (ST_AsMVT, extent 4096, buffer 64) in Web Mercator tiles. The tile envelope
 * is turned into EPSG:4326 once so the GiST indexes on the stored geometries are used.
 *
 * <p>Per zoom: ST_AsMVTGeom snaps every geometry to the tile's 4096 grid; grids are simplified to about a quarter
 * pixel before (ST_Simplify keeping collapsed parts); buildings are not (a footprint has a handful of vertices, and
 * ST_SimplifyPreserveTopology tripled the time of a z15 tile in the benchmark) and are not sent below
 * {@link #BUILDING_MIN_ZOOM} (a city's footprints are unreadable there); below {@link #INCIDENT_POINT_ZOOM}
 * incidents are counted per cell of 64 tile units (1/64 of the tile) and sent as one point with {@code count}.
 *
 * <p>Incident points are tested with ST_Intersects, not only {@code &&}: index boxes are rounded outwards, and a
 * tile must hold exactly its points (a point on an edge belongs to both tiles). {@code OFFSET 0} keeps the planner
 * from inlining the subquery, which evaluated ST_AsMVTGeom twice per row (filter and output).
 *
 * <p>No personal data is in any tile: reporter names and phones, descriptions and addresses of incidents, and
 * worker data are never selected.
 */
@Service
public class TileService {
    public static final int MAX_ZOOM = 22;
    public static final int BUILDING_MIN_ZOOM = 13;
    public static final int INCIDENT_POINT_ZOOM = 16;

    /** Common parts: the tile envelope in 3857 and 4326, the simplification tolerance in metres. */
    private static final String BOUNDS =
            """
            WITH bounds AS (
              SELECT ST_TileEnvelope(:z, :x, :y) AS m, ST_Transform(ST_TileEnvelope(:z, :x, :y), 4326) AS d,
                     40075016.68 / (256 * 4 * 2 ^ :z) AS tolerance)
            """;

    private static final String BUILDINGS = BOUNDS
            + """
            SELECT ST_AsMVT(t, 'buildings', 4096, 'geom') FROM (
              SELECT b.code, b.type, b.floors, b.households, b.residents, b.community_code,
                ST_AsMVTGeom(ST_Transform(b.footprint, 3857), bounds.m, 4096, 64, true) AS geom
              FROM building b, bounds
              WHERE b.footprint && bounds.d
                AND (%s OR left(b.community_code, 9) = :scope_street) AND (%s OR b.community_code = :scope_community)
              OFFSET 0
            ) t WHERE geom IS NOT NULL"""
                    .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY);

    private static final String GRIDS = BOUNDS
            + """
            SELECT ST_AsMVT(t, 'grids', 4096, 'geom') FROM (
              SELECT g.code, g.name, g.community_code,
                ST_AsMVTGeom(ST_Simplify(ST_Transform(g.geom, 3857), bounds.tolerance, true),
                             bounds.m, 4096, 64, true) AS geom
              FROM grid g JOIN boundary_plan p ON p.id = g.plan_id AND p.status = 'published', bounds
              WHERE g.geom && bounds.d
                AND (%s OR p.street_code = :scope_street) AND (%s OR g.community_code = :scope_community)
              OFFSET 0
            ) t WHERE geom IS NOT NULL"""
                    .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY);

    private static final String INCIDENT_FILTER =
            """
            FROM incident i, bounds
            WHERE ST_Intersects(i.location, bounds.d)
              AND (%s OR i.street_code = :scope_street) AND (%s OR i.community_code = :scope_community)"""
                    .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY);

    private static final String INCIDENT_POINTS = BOUNDS
            + """
            SELECT ST_AsMVT(t, 'incidents', 4096, 'geom') FROM (
              SELECT i.external_id, i.category_big, i.category_code, i.status, i.source,
                to_char(i.reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS reported_on, 1 AS count,
                ST_AsMVTGeom(ST_Transform(i.location, 3857), bounds.m, 4096, 64, true) AS geom
              %s
              OFFSET 0
            ) t WHERE geom IS NOT NULL"""
                    .formatted(INCIDENT_FILTER);

    private static final String INCIDENT_CELLS = BOUNDS
            + """
            SELECT ST_AsMVT(t, 'incidents', 4096, 'geom') FROM (
              SELECT count(*)::int AS count, ST_SnapToGrid(geom, 64, 64) AS geom FROM (
                SELECT ST_AsMVTGeom(ST_Transform(i.location, 3857), bounds.m, 4096, 0, true) AS geom
                %s
              ) p WHERE geom IS NOT NULL
              GROUP BY ST_SnapToGrid(geom, 64, 64)
            ) t"""
                    .formatted(INCIDENT_FILTER);

    private final JdbcClient jdbc;

    TileService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tile as MVT bytes (possibly empty: a valid tile with no layer). */
    public byte[] tile(Scope scope, String layer, int z, int x, int y) {
        check(z, x, y);
        String sql =
                switch (layer) {
                    case "buildings" -> z < BUILDING_MIN_ZOOM ? null : BUILDINGS;
                    case "grids" -> GRIDS;
                    case "incidents" -> z < INCIDENT_POINT_ZOOM ? INCIDENT_CELLS : INCIDENT_POINTS;
                    default ->
                        throw new NotFoundException(
                                "layer", "no tile layer '" + layer + "'; layers: buildings, grids, incidents");
                };
        if (sql == null) return new byte[0];
        byte[] tile = ScopeSql.bind(jdbc.sql(sql), scope)
                .param("z", z)
                .param("x", x)
                .param("y", y)
                .query(byte[].class)
                .single();
        return tile == null ? new byte[0] : tile;
    }

    static void check(int z, int x, int y) {
        if (z < 0 || z > MAX_ZOOM) throw new BadParameterException("z", "zoom must be 0–" + MAX_ZOOM + ": " + z);
        long n = 1L << z;
        if (x < 0 || x >= n)
            throw new BadParameterException("x", "x must be 0–" + (n - 1) + " at zoom " + z + ": " + x);
        if (y < 0 || y >= n)
            throw new BadParameterException("y", "y must be 0–" + (n - 1) + " at zoom " + z + ": " + y);
    }
}
