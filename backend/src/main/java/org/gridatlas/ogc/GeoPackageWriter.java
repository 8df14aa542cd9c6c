package org.gridatlas.ogc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import tools.jackson.databind.JsonNode;

/**
 * Writes one feature table as an OGC GeoPackage 1.3 (an SQLite file) with the SQLite JDBC driver, no GDAL: the
 * required metadata tables (gpkg_spatial_ref_sys with EPSG:4326, gpkg_contents, gpkg_geometry_columns), the
 * application id and version, and geometries in GeoPackage binary (a "GP" header with SRS id and envelope, then
 * little-endian WKB).
 */
final class GeoPackageWriter {
    private static final String WGS84_WKT = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,"
            + "298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
            + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
            + "AUTHORITY[\"EPSG\",\"4326\"]]";

    private GeoPackageWriter() {}

    static byte[] write(String tableName, OgcExports.ExportTable table) {
        try {
            Path file = Files.createTempFile("gridatlas-", ".gpkg");
            try {
                Files.delete(file); // SQLite creates it
                try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                    db.setAutoCommit(false);
                    metadata(db);
                    features(db, tableName, table);
                    db.commit();
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the GeoPackage", e);
        }
    }

    private static void metadata(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA application_id = 1196444487"); // 'GPKG'
            s.execute("PRAGMA user_version = 10300");
            s.execute(
                    """
                    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
                      organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
                      description TEXT)""");
            s.execute(
                    "INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL)");
            s.execute(
                    "INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL)");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, '" + WGS84_WKT
                    + "', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')");
            s.execute(
                    """
                    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
                      identifier TEXT UNIQUE, description TEXT DEFAULT '',
                      last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""");
            s.execute(
                    """
                    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
                      geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""");
        }
    }

    private static void features(Connection db, String tableName, OgcExports.ExportTable table) throws SQLException {
        List<String> columns = table.columns();
        List<String> types =
                columns.stream().map(c -> sqlType(table, columns.indexOf(c))).toList();
        StringBuilder create = new StringBuilder("CREATE TABLE \"" + tableName
                + "\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, " + "feature_id TEXT, geom GEOMETRY");
        for (int i = 0; i < columns.size(); i++)
            create.append(", \"").append(columns.get(i)).append("\" ").append(types.get(i));
        Envelope extent = new Envelope();
        table.features().forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
        String geometryType = table.features().isEmpty()
                ? "GEOMETRY"
                : table.features().get(0).geometry().getGeometryType().toUpperCase();
        try (Statement s = db.createStatement()) {
            s.execute(create.append(")").toString());
        }
        try (PreparedStatement contents = db.prepareStatement(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) "
                        + "VALUES (?, 'features', ?, ?, ?, ?, ?, 4326)")) {
            contents.setString(1, tableName);
            contents.setString(2, tableName);
            contents.setDouble(3, extent.getMinX());
            contents.setDouble(4, extent.getMinY());
            contents.setDouble(5, extent.getMaxX());
            contents.setDouble(6, extent.getMaxY());
            contents.executeUpdate();
        }
        try (PreparedStatement gc =
                db.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)")) {
            gc.setString(1, tableName);
            gc.setString(2, geometryType);
            gc.executeUpdate();
        }
        insert(db, tableName, table, types);
    }

    private static void insert(Connection db, String tableName, OgcExports.ExportTable table, List<String> types)
            throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO \"" + tableName + "\" (feature_id, geom");
        table.columns().forEach(c -> sql.append(", \"").append(c).append('"'));
        sql.append(") VALUES (?, ?")
                .append(", ?".repeat(table.columns().size()))
                .append(")");
        try (PreparedStatement ps = db.prepareStatement(sql.toString())) {
            for (OgcExports.ExportFeature f : table.features()) {
                ps.setString(1, f.id());
                ps.setBytes(2, gpkgGeometry(f.geometry()));
                for (int i = 0; i < f.values().size(); i++)
                    bind(ps, i + 3, f.values().get(i), types.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, int index, JsonNode v, String type) throws SQLException {
        if (v == null || v.isNull()) ps.setObject(index, null);
        else if (type.equals("INTEGER")) ps.setLong(index, v.asLong());
        else if (type.equals("REAL")) ps.setDouble(index, v.asDouble());
        else if (type.equals("BOOLEAN")) ps.setInt(index, v.asBoolean() ? 1 : 0);
        else ps.setString(index, v.asString());
    }

    /** The column type from the values: INTEGER, REAL, BOOLEAN, else TEXT. */
    private static String sqlType(OgcExports.ExportTable table, int column) {
        String type = null;
        for (OgcExports.ExportFeature f : table.features()) {
            JsonNode v = f.values().get(column);
            if (v == null || v.isNull()) continue;
            String t = v.isIntegralNumber() ? "INTEGER" : v.isNumber() ? "REAL" : v.isBoolean() ? "BOOLEAN" : "TEXT";
            if (type == null || type.equals("INTEGER") && t.equals("REAL")) type = t;
            else if (!type.equals(t) && !(type.equals("REAL") && t.equals("INTEGER"))) return "TEXT";
        }
        return type == null ? "TEXT" : type;
    }

    /** GeoPackage binary: magic, version 0, flags (little endian, xy envelope), SRS id, envelope, then WKB. */
    static byte[] gpkgGeometry(Geometry g) {
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(g);
        Envelope e = g.getEnvelopeInternal();
        ByteBuffer b = ByteBuffer.allocate(8 + 32 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0b0000_0011);
        b.putInt(4326);
        b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        b.put(wkb);
        return b.array();
    }
}
