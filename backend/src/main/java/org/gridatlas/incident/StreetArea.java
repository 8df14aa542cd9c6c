package org.gridatlas.incident;

import java.util.ArrayList;
import java.util.List;
import org.gridatlas.geo.Datum;
import org.gridatlas.geo.LonLat;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the incidents of an import may lie: the streets of the user's scope grown by a margin of about
 * {@value #MARGIN_M} m (an incident on the boundary road or just across it is real; one kilometres away is a wrong
 * datum, swapped coordinates or a typo). Also decides whether a point came with lon and lat the wrong way round.
 */
final class StreetArea {
    static final int MARGIN_M = 1000;
    private static final double MARGIN_DEG =
            MARGIN_M / 111_000.0 / Math.cos(Math.toRadians(30)); // ≥ 1 km E–W south of 30°N..45°N
    private static final GeometryFactory WGS84 = new GeometryFactory();
    private final List<PreparedGeometry> areas;
    private final String names;

    private StreetArea(List<PreparedGeometry> areas, String names) {
        this.areas = areas;
        this.names = names;
    }

    static StreetArea of(JdbcClient jdbc, Scope scope) {
        List<PreparedGeometry> areas = new ArrayList<>();
        List<String> names = new ArrayList<>();
        ScopeSql.bind(
                        jdbc.sql("SELECT code, name, ST_AsBinary(geom) AS wkb FROM street WHERE (" + ScopeSql.STREET
                                + " OR code = :scope_street) ORDER BY code"),
                        scope)
                .query(rs -> {
                    areas.add(PreparedGeometryFactory.prepare(
                            read(rs.getBytes("wkb")).buffer(MARGIN_DEG, 4)));
                    names.add(rs.getString("name") + " (" + rs.getString("code") + ")");
                });
        return new StreetArea(areas, String.join(", ", names));
    }

    /** No street is known (an empty database): only the ranges of lon/lat are checked. */
    boolean unknown() {
        return areas.isEmpty();
    }

    boolean contains(LonLat p) {
        if (unknown()) return Math.abs(p.lon()) <= 180 && Math.abs(p.lat()) <= 90;
        var point = WGS84.createPoint(new org.locationtech.jts.geom.Coordinate(p.lon(), p.lat()));
        return areas.stream().anyMatch(a -> a.covers(point));
    }

    String names() {
        return names;
    }

    /** The WGS84 location of a pair of numbers as given, or swapped when only the swapped pair makes sense. */
    Placed place(double lon, double lat, Datum datum) {
        LonLat given = datum.toWgs84(new LonLat(lon, lat));
        if (Math.abs(lat) <= 90 && contains(given)) return new Placed(given, false);
        if (Math.abs(lon) <= 90) {
            LonLat swapped = datum.toWgs84(new LonLat(lat, lon));
            if (contains(swapped)) return new Placed(swapped, true);
        }
        return null;
    }

    record Placed(LonLat point, boolean swapped) {}

    private static Geometry read(byte[] wkb) {
        try {
            return new WKBReader(WGS84).read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
