package org.gridatlas.sample;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads generated files back with ordinary readers (Jackson, JTS's GeoJSON reader, Commons CSV, GeoTools), so the
 * tests check the files themselves and not the generator's own bookkeeping.
 */
final class SampleFiles {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static MathTransform toUtm;

    /** A GeoJSON feature: its properties and its geometry in lon/lat. */
    record Feature(JsonNode properties, Geometry geometry) {
        String text(String key) {
            return properties.path(key).asString(null);
        }
    }

    private SampleFiles() {}

    static List<Feature> features(Path file) throws ParseException {
        GeoJsonReader reader = new GeoJsonReader();
        List<Feature> features = new ArrayList<>();
        for (JsonNode f : JSON.readTree(file).get("features")) {
            features.add(new Feature(
                    f.get("properties"), reader.read(f.get("geometry").toString())));
        }
        return features;
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }

    static JsonNode manifest(Path dir) {
        return JSON.readTree(dir.resolve("manifest.json"));
    }

    /** The geometry in UTM 51N metres, for areas. */
    static synchronized Geometry utm(Geometry lonLat) throws Exception {
        if (toUtm == null) {
            toUtm = CRS.findMathTransform(CRS.decode("EPSG:4326", true), CRS.decode("EPSG:32651", true), true);
        }
        return JTS.transform(lonLat, toUtm);
    }

    static double areaM2(Geometry lonLat) throws Exception {
        return lonLat.isEmpty() ? 0 : utm(lonLat).getArea();
    }
}
