package org.gridatlas.sample;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Streams an RFC 7946 FeatureCollection, one feature per line: lon/lat with seven decimals, exterior rings
 * counter-clockwise and holes clockwise, no {@code crs} member, properties in the order given (null ones left out).
 */
final class GeoJsonFeatureWriter implements Closeable {
    private final BufferedWriter out;
    private boolean first = true;

    GeoJsonFeatureWriter(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
    }

    void write(Map<String, Object> properties, Geometry geometry) throws IOException {
        StringBuilder sb = new StringBuilder(512);
        if (!first) {
            sb.append(",\n");
        }
        first = false;
        sb.append("{\"type\":\"Feature\",\"properties\":{");
        boolean firstProperty = true;
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            if (e.getValue() != null) {
                sb.append(firstProperty ? "" : ",");
                string(sb, e.getKey()).append(':');
                value(sb, e.getValue());
                firstProperty = false;
            }
        }
        sb.append("},\"geometry\":");
        geometry(sb, geometry).append('}');
        out.write(sb.toString());
    }

    private static void value(StringBuilder sb, Object value) {
        if (value instanceof String s) {
            string(sb, s);
        } else {
            sb.append(value); // Integer, Long, Boolean
        }
    }

    static StringBuilder string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"');
    }

    private static StringBuilder geometry(StringBuilder sb, Geometry g) {
        if (g instanceof Polygon p) {
            sb.append("{\"type\":\"Polygon\",\"coordinates\":");
            return polygon(sb, p).append('}');
        }
        if (g instanceof MultiPolygon mp) {
            sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                polygon(sb.append(i == 0 ? "" : ","), (Polygon) mp.getGeometryN(i));
            }
            return sb.append("]}");
        }
        throw new IllegalArgumentException("only (multi)polygons are written: " + g.getGeometryType());
    }

    private static StringBuilder polygon(StringBuilder sb, Polygon p) {
        sb.append('[');
        ring(sb, p.getExteriorRing(), true);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(sb.append(','), p.getInteriorRingN(i), false);
        }
        return sb.append(']');
    }

    /** A ring in the orientation RFC 7946 asks for: exterior counter-clockwise, holes clockwise. */
    private static void ring(StringBuilder sb, LinearRing ring, boolean exterior) {
        Coordinate[] cs = ring.getCoordinates();
        boolean reverse = Orientation.isCCW(cs) != exterior;
        sb.append('[');
        for (int i = 0; i < cs.length; i++) {
            Coordinate c = cs[reverse ? cs.length - 1 - i : i];
            sb.append(i == 0 ? "[" : ",[");
            Decimal7.append(sb, c.x).append(',');
            Decimal7.append(sb, c.y).append(']');
        }
        sb.append(']');
    }

    @Override
    public void close() throws IOException {
        out.write("\n]}\n");
        out.close();
    }
}
