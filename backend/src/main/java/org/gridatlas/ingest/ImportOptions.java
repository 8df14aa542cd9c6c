package org.gridatlas.ingest;

import java.util.Map;
import org.gridatlas.geo.Datum;

/**
 * How to read a file, as the user said (each may be left out).
 *
 * @param format csv, xlsx or geojson; null = from the file name
 * @param sheet the .xlsx sheet; null = the first
 * @param datum the datum of the coordinates (converted to WGS84)
 * @param mapping field → the file's column header, over the built-in synonyms
 * @param skipBadRows store the good rows and report the bad ones, instead of refusing the whole file
 */
public record ImportOptions(
        String format, String sheet, Datum datum, Map<String, String> mapping, boolean skipBadRows) {
    public static final ImportOptions DEFAULT = new ImportOptions(null, null, Datum.wgs84, Map.of(), false);

    /** The format to read: the one given, else from the file name's extension, else the kind's. */
    public String formatFor(String fileName, ImportKind kind) {
        if (format != null && !format.isBlank()) return format.strip().toLowerCase(java.util.Locale.ROOT);
        String n = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".xlsx")) return "xlsx";
        if (n.endsWith(".geojson") || n.endsWith(".json")) return "geojson";
        if (n.endsWith(".csv") || n.endsWith(".txt")) return "csv";
        return kind.format();
    }
}
