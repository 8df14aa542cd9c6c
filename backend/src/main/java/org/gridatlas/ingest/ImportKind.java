package org.gridatlas.ingest;

import java.util.Arrays;
import org.gridatlas.api.BadParameterException;

/** What a file holds; the formats are documented in gis-data/schemas/README.md. */
public enum ImportKind {
    streets("geojson"),
    communities("geojson"),
    grids("geojson"),
    buildings("geojson"),
    workers("csv"),
    assignments("csv"),
    incidents("csv");

    private final String format;

    ImportKind(String format) {
        this.format = format;
    }

    public String format() {
        return format;
    }

    public static ImportKind parse(String value) {
        return Arrays.stream(values())
                .filter(k -> k.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new BadParameterException(
                        "kind", "unknown kind '" + value + "'; one of " + Arrays.toString(values())));
    }
}
