package org.gridatlas.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/** Geometries to the database as extended WKB (with the SRID), read there with ST_GeomFromEWKB. */
public final class Wkb {
    private Wkb() {}

    public static byte[] ewkb(Geometry g) {
        if (g == null) return null;
        if (g.getSRID() == 0) g.setSRID(4326);
        return new WKBWriter(2, true).write(g);
    }
}
