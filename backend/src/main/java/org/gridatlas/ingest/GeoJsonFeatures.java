package org.gridatlas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection feature by feature (streaming), turning each geometry into a JTS geometry in
 * EPSG:4326 and checking what the store requires: lon/lat degrees (RFC 7946; a {@code crs} member naming another
 * CRS is refused), polygonal where asked, and valid (OGC validity, the reason and place of the first error given).
 */
public final class GeoJsonFeatures {
    // reads one feature at a time from the stream, so what follows a feature is not "trailing"
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

    private GeoJsonFeatures() {}

    /**
     * One feature: its number (1 = first), its properties and its geometry as a MultiPolygon, or null when the
     * geometry was refused (the problem is then already recorded).
     */
    public record Feature(int number, JsonNode properties, MultiPolygon geometry) {
        public String text(String name) {
            JsonNode v = properties == null ? null : properties.get(name);
            if (v == null || v.isNull()) return null;
            return v.isValueNode() ? v.asString() : v.toString();
        }
    }

    /** Reads every feature; polygonal geometries are required (Polygon or MultiPolygon). */
    public static int readPolygons(InputStream in, Problems problems, Consumer<Feature> features) {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(0, null, "not a GeoJSON object");
                return 0;
            }
            int n = 0;
            boolean sawFeatures = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("crs".equals(name)) {
                    checkCrs(JSON.readTree(p), problems);
                } else if ("features".equals(name) && value == JsonToken.START_ARRAY) {
                    sawFeatures = true;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        n++;
                        JsonNode f = JSON.readTree(p);
                        MultiPolygon g = polygons(n, f.get("geometry"), problems);
                        features.accept(new Feature(n, f.get("properties"), g));
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawFeatures) problems.add(0, "features", "not a FeatureCollection: no features array");
            return n;
        } catch (JacksonException e) {
            problems.add(0, null, "not valid JSON: " + e.getOriginalMessage());
            return 0;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException) {
                problems.add(0, null, "could not read the file: " + e.getCause().getMessage());
                return 0;
            }
            throw e;
        }
    }

    /**
     * Reads a FeatureCollection of Points as rows of a table, for the importers of tabular kinds: the columns are
     * {@code lon} and {@code lat} (the Point's coordinates, empty for a feature without geometry, e.g. an incident
     * known by its address only), then the property names in the order they first appear; a feature bringing a new
     * property name hands the grown header to {@code header} again before its row (the first feature must carry
     * the required fields). The row's original text for the reject report is the feature's JSON. A geometry other than a Point is a problem of its row.
     *
     * @return the number of features read
     */
    public static int readPointRows(
            InputStream in, Problems problems, Tables.HeaderCheck header, Consumer<Tables.TableRow> rows) {
        java.util.List<String> head = new java.util.ArrayList<>();
        int[] n = {0};
        boolean[] stop = {false};
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(0, null, "not a GeoJSON object");
                return 0;
            }
            boolean sawFeatures = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME && !stop[0]) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("crs".equals(name)) {
                    checkCrs(JSON.readTree(p), problems);
                } else if ("features".equals(name) && value == JsonToken.START_ARRAY) {
                    sawFeatures = true;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode f = JSON.readTree(p);
                        Feature feature = new Feature(++n[0], f.get("properties"), null);
                        if (head.isEmpty()) {
                            head.add("lon");
                            head.add("lat");
                        }
                        // a property no earlier feature had becomes a new column: the mapping is resolved again
                        boolean grown = n[0] == 1;
                        if (feature.properties() != null) {
                            for (String key : feature.properties().propertyNames()) {
                                if (!head.contains(key)) {
                                    head.add(key);
                                    grown = true;
                                }
                            }
                        }
                        if (grown && !header.accept(java.util.List.copyOf(head))) {
                            stop[0] = true;
                            break;
                        }
                        java.util.List<String> values = new java.util.ArrayList<>(head.size());
                        if (!point(n[0], f.get("geometry"), values, problems)) {
                            problems.raw(n[0], f.toString());
                            continue;
                        }
                        for (int i = 2; i < head.size(); i++) values.add(feature.text(head.get(i)));
                        rows.accept(new Tables.TableRow(n[0], values, f.toString()));
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawFeatures && !stop[0]) problems.add(0, "features", "not a FeatureCollection: no features array");
            return n[0];
        } catch (JacksonException e) {
            problems.add(0, null, "not valid JSON: " + e.getOriginalMessage());
            return 0;
        }
    }

    /** Adds the lon and lat of a Point geometry (as written) or two nulls for no geometry; false on a problem. */
    private static boolean point(int n, JsonNode geometry, java.util.List<String> values, Problems problems) {
        if (geometry == null || geometry.isNull()) {
            values.add(null);
            values.add(null);
            return true;
        }
        JsonNode c = geometry.get("coordinates");
        if (!"Point".equals(geometry.path("type").asString(""))) {
            problems.add(
                    n,
                    "geometry",
                    "must be a Point, got " + geometry.path("type").asString("nothing"));
            return false;
        }
        if (c == null
                || !c.isArray()
                || c.size() < 2
                || !c.get(0).isNumber()
                || !c.get(1).isNumber()) {
            problems.add(n, "geometry", "a Point needs coordinates [lon, lat]");
            return false;
        }
        values.add(c.get(0).asString());
        values.add(c.get(1).asString());
        return true;
    }

    private static void checkCrs(JsonNode crs, Problems problems) {
        String name = crs.path("properties").path("name").asString("");
        boolean lonLat = name.endsWith("CRS84")
                || name.endsWith("EPSG::4326")
                || name.endsWith("EPSG:4326")
                || name.endsWith("EPSG::4490")
                || name.endsWith("EPSG:4490");
        if (!lonLat) {
            problems.add(
                    0,
                    "crs",
                    "coordinates must be WGS84/CGCS2000 lon/lat (EPSG:4326); the file declares '" + name
                            + "': reproject it first");
        }
    }

    static MultiPolygon polygons(int n, JsonNode geometry, Problems problems) {
        if (geometry == null || geometry.isNull()) {
            problems.add(n, "geometry", "is missing");
            return null;
        }
        Geometry g;
        try {
            g = new GeoJsonReader(WGS84).read(geometry.toString());
        } catch (ParseException | RuntimeException e) {
            problems.add(n, "geometry", "is not a GeoJSON geometry: " + e.getMessage());
            return null;
        }
        if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
            problems.add(n, "geometry", "must be a Polygon or MultiPolygon, got " + g.getGeometryType());
            return null;
        }
        if (g.isEmpty()) {
            problems.add(n, "geometry", "is empty");
            return null;
        }
        return lonLatPolygons(n, g, problems);
    }

    /**
     * A polygon or multipolygon of feature {@code n} read from any file format, checked the same way: in lon/lat
     * degrees and valid; as a multipolygon with SRID 4326, or null with the reason added to {@code problems}.
     */
    public static MultiPolygon lonLatPolygons(int n, Geometry g, Problems problems) {
        if (!WORLD.contains(g.getEnvelopeInternal())) {
            problems.add(
                    n,
                    "geometry",
                    "coordinates are not lon/lat degrees (EPSG:4326): projected coordinates "
                            + "or a wrong SRID? first point " + g.getCoordinate());
            return null;
        }
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) {
            problems.add(
                    n,
                    "geometry",
                    "is not a valid polygon: " + error.getMessage() + " at " + error.getCoordinate().x + " "
                            + error.getCoordinate().y);
            return null;
        }
        MultiPolygon mp = g instanceof Polygon poly ? WGS84.createMultiPolygon(new Polygon[] {poly}) : (MultiPolygon) g;
        mp.setSRID(4326);
        return mp;
    }
}
