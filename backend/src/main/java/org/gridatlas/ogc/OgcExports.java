package org.gridatlas.ogc;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exports a GIS user expects for any collection and filter: CSV with the geometry as WKT in a column named
 * {@code WKT} (which GDAL/QGIS take as the geometry), and GeoPackage ({@link GeoPackageWriter}).
 */
@Component
class OgcExports {

    /** One feature read back from GeoJSON: its id, geometry and properties in column order. */
    record ExportFeature(String id, Geometry geometry, List<JsonNode> values) {}

    /** The features of a collection with the union of their property names, in first-seen order. */
    record ExportTable(List<String> columns, List<ExportFeature> features) {}

    ResponseEntity<byte[]> export(String format, String collectionId, String featureCollection) {
        ExportTable table = table(featureCollection);
        byte[] body = format.equals("csv") ? csv(table) : GeoPackageWriter.write(collectionId.replace('-', '_'), table);
        String ext = format.equals("csv") ? "csv" : "gpkg";
        MediaType type = format.equals("csv")
                ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.parseMediaType("application/geopackage+sqlite3");
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("gridatlas-" + collectionId + "." + ext)
                                .build()
                                .toString())
                .body(body);
    }

    static ExportTable table(String featureCollection) {
        JsonNode fc = JsonMapper.builder().build().readTree(featureCollection);
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode f : fc.get("features")) names.addAll(f.get("properties").propertyNames());
        List<String> columns = List.copyOf(names);
        GeoJsonReader reader = new GeoJsonReader();
        List<ExportFeature> features = new ArrayList<>();
        for (JsonNode f : fc.get("features")) {
            List<JsonNode> values = new ArrayList<>();
            for (String c : columns) values.add(f.get("properties").get(c));
            try {
                Geometry g = reader.read(f.get("geometry").toString());
                g.setSRID(4326);
                features.add(new ExportFeature(f.get("id").asString(), g, values));
            } catch (ParseException e) {
                throw new IllegalStateException("the service wrote a geometry it cannot read back", e);
            }
        }
        return new ExportTable(columns, features);
    }

    private static byte[] csv(ExportTable table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT.print(out)) {
            List<String> header = new ArrayList<>(List.of("id", "WKT"));
            header.addAll(table.columns());
            csv.printRecord(header);
            WKTWriter wkt = new WKTWriter();
            for (ExportFeature f : table.features()) {
                List<String> row = new ArrayList<>(List.of(f.id(), wkt.write(f.geometry())));
                for (JsonNode v : f.values()) row.add(v == null || v.isNull() ? "" : v.asString());
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
