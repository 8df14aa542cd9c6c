package org.gridatlas.ingest;

import java.util.regex.Pattern;

/** Formats of the statistical area codes (DESIGN.md): district 6, street 9, community 12, grid 15 digits. */
public final class Codes {
    public static final Pattern DISTRICT = Pattern.compile("[0-9]{6}");
    public static final Pattern STREET = Pattern.compile("[0-9]{9}");
    public static final Pattern COMMUNITY = Pattern.compile("[0-9]{12}");
    public static final Pattern GRID = Pattern.compile("[0-9]{15}");

    private Codes() {}
}
