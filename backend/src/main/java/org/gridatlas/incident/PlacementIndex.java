package org.gridatlas.incident;

import java.time.OffsetDateTime;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The communities and the grids of every non-draft plan, held in memory for one import (loaded once, a few
 * thousand polygons at district scale) in JTS STR-trees of prepared polygons, so a million points are placed in
 * the import's thread instead of by a spatial join per row in the database. Same rules as {@link IncidentPlacement}:
 * a point on a boundary belongs to both sides and the lower code wins; the grid is read from the plan in force at
 * the incident's reported time (published at or before it, not archived then).
 */
final class PlacementIndex {
    private static final GeometryFactory WGS84 = new GeometryFactory();
    private final STRtree communities = new STRtree();
    private final STRtree grids = new STRtree();

    /** A community polygon. */
    private record Community(String code, String streetCode, PreparedGeometry geom) {}

    /** A grid polygon of a plan and the time window the plan was in force ({@code archived} null: still is). */
    private record Grid(
            String code, long planId, OffsetDateTime published, OffsetDateTime archived, PreparedGeometry geom) {
        boolean inForceAt(OffsetDateTime t) {
            return published != null && !published.isAfter(t) && (archived == null || archived.isAfter(t));
        }
    }

    /**
     * Where a point lies; fields are null where no polygon holds it.
     *
     * @param gridPlanId the plan {@code gridCode} was read from
     */
    record Place(String streetCode, String communityCode, String gridCode, Long gridPlanId) {
        static final Place NONE = new Place(null, null, null, null);
    }

    private PlacementIndex() {}

    static PlacementIndex load(JdbcClient jdbc) {
        PlacementIndex index = new PlacementIndex();
        WKBReader wkb = new WKBReader(WGS84);
        jdbc.sql("SELECT code, street_code, ST_AsBinary(geom) AS wkb FROM community WHERE geom IS NOT NULL")
                .query(rs -> {
                    var g = read(wkb, rs.getBytes("wkb"));
                    index.communities.insert(
                            g.getEnvelopeInternal(),
                            new Community(
                                    rs.getString("code"),
                                    rs.getString("street_code"),
                                    PreparedGeometryFactory.prepare(g)));
                });
        jdbc.sql(
                        """
                        SELECT g.code, g.plan_id, p.published_at, p.archived_at, ST_AsBinary(g.geom) AS wkb
                        FROM grid g JOIN boundary_plan p ON p.id = g.plan_id
                        WHERE p.status <> 'draft' AND p.published_at IS NOT NULL AND g.geom IS NOT NULL""")
                .query(rs -> {
                    var g = read(wkb, rs.getBytes("wkb"));
                    index.grids.insert(
                            g.getEnvelopeInternal(),
                            new Grid(
                                    rs.getString("code"),
                                    rs.getLong("plan_id"),
                                    rs.getObject("published_at", OffsetDateTime.class),
                                    rs.getObject("archived_at", OffsetDateTime.class),
                                    PreparedGeometryFactory.prepare(g)));
                });
        index.communities.build();
        index.grids.build();
        return index;
    }

    /** The street, community and grid (of the plan in force at {@code reportedAt}) of a WGS84 point. */
    Place place(double lon, double lat, OffsetDateTime reportedAt) {
        Point p = WGS84.createPoint(new Coordinate(lon, lat));
        Envelope at = p.getEnvelopeInternal();
        Community community = null;
        for (Object o : (List<?>) communities.query(at)) {
            Community c = (Community) o;
            if ((community == null || c.code().compareTo(community.code()) < 0)
                    && c.geom().intersects(p)) {
                community = c;
            }
        }
        Grid grid = null;
        for (Object o : (List<?>) grids.query(at)) {
            Grid g = (Grid) o;
            if ((grid == null || g.code().compareTo(grid.code()) < 0)
                    && g.inForceAt(reportedAt)
                    && g.geom().intersects(p)) {
                grid = g;
            }
        }
        if (community == null && grid == null) return Place.NONE;
        return new Place(
                community == null ? null : community.streetCode(),
                community == null ? null : community.code(),
                grid == null ? null : grid.code(),
                grid == null ? null : grid.planId());
    }

    private static org.locationtech.jts.geom.Geometry read(WKBReader wkb, byte[] bytes) {
        try {
            return wkb.read(bytes);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
