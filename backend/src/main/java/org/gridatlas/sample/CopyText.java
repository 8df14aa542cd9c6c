package org.gridatlas.sample;

import java.time.OffsetDateTime;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes), built in one
 * buffer per table and street. Geometries go as hex EWKB with SRID 4326, which PostGIS reads without a function.
 */
final class CopyText {
    private static final WKBWriter EWKB = new WKBWriter(2, true);
    private final StringBuilder out = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private int rows;

    CopyText add(Object value) {
        if (rowStarted) out.append('\t');
        rowStarted = true;
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Geometry g) {
            out.append(ewkb(g));
        } else if (value instanceof OffsetDateTime t) {
            out.append(t); // ISO 8601 with offset: timestamptz input
        } else {
            escape(value.toString());
        }
        return this;
    }

    CopyText end() {
        out.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    String text() {
        return out.toString();
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static String ewkb(Geometry g) {
        g.setSRID(4326);
        return WKBWriter.toHex(EWKB.write(g));
    }

    /** Polygons become one-part multipolygons: the area columns are typed MultiPolygon. */
    static MultiPolygon multi(Geometry g) {
        if (g instanceof MultiPolygon m) return m;
        GeometryFactory f = g.getFactory();
        MultiPolygon m = f.createMultiPolygon(new Polygon[] {(Polygon) g});
        m.setSRID(4326);
        return m;
    }
}
