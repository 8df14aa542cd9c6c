package org.gridatlas.sample;

import java.util.List;
import java.util.Map;

/**
 * What a generator run produced: how to reproduce it, counts per file, totals, and the planted faults. Written as
 * manifest.json (snake_case keys).
 *
 * @param households total households of all buildings
 * @param residents total residents of all buildings
 * @param communities per-community totals, in code order
 * @param grids per-grid totals, in code order
 * @param summary a few distributions (building types, incident sources, statuses, resolution levels)
 */
public record Manifest(
        String generator,
        String command,
        long seed,
        int scale,
        int incidentsPerStreet,
        Period period,
        String crs,
        List<String> files,
        Counts counts,
        long households,
        long residents,
        List<AreaTotals> communities,
        List<AreaTotals> grids,
        Map<String, Map<String, Integer>> summary,
        Faults faults) {

    /** The simulated incident year; "now" decides which incidents are still open. */
    public record Period(String from, String to, String now, String timeZone) {}

    /** Records per file. */
    public record Counts(
            int streets,
            int communities,
            int grids,
            int buildings,
            int workers,
            int assignments,
            int incidents,
            int incidentsWithoutCoordinates) {}
}
