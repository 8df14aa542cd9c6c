package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Accumulates the manifest street by street. */
final class ManifestBuilder {
    static final List<String> FILES = List.of(
            "streets.geojson",
            "communities.geojson",
            "grids.geojson",
            "buildings.geojson",
            "workers.csv",
            "assignments.csv",
            "incidents.csv",
            "manifest.json");

    private final GeneratorOptions options;
    private final List<AreaTotals> communities = new ArrayList<>();
    private final List<AreaTotals> grids = new ArrayList<>();
    private final Faults faults = Faults.empty();
    private final Map<String, Map<String, Integer>> summary = new TreeMap<>();
    private int streets;
    private int buildings;
    private int workers;
    private int assignments;
    private int incidents;
    private int withoutCoordinates;
    private long households;
    private long residents;

    ManifestBuilder(GeneratorOptions options) {
        this.options = options;
    }

    void add(StreetSample s) {
        streets++;
        buildings += s.buildings().size();
        workers += s.workers().size();
        assignments += s.assignments().size();
        incidents += s.incidents().size();
        communities.addAll(s.communityTotals());
        grids.addAll(s.gridTotals());
        faults.addAll(s.faults());
        for (BuildingFeature b : s.buildings()) {
            households += b.households();
            residents += b.residents();
            count("buildings_by_type", b.type());
        }
        for (IncidentRow i : s.incidents()) {
            withoutCoordinates += i.lon() == null ? 1 : 0;
            count("incidents_by_source", i.source());
            count("incidents_by_status", i.status());
            if (i.resolutionLevel() != null) {
                count("resolution_levels", i.resolutionLevel());
            }
        }
        s.workers().forEach(w -> count("workers_by_kind", w.kind()));
    }

    private void count(String table, String key) {
        summary.computeIfAbsent(table, t -> new TreeMap<>()).merge(key, 1, Integer::sum);
    }

    Manifest build() {
        Manifest.Period period = new Manifest.Period(
                IncidentCalendar.FIRST_DAY.toString(),
                IncidentCalendar.day(IncidentCalendar.DAYS - 1).toString(),
                IncidentCalendar.format(IncidentCalendar.toDateTime(IncidentCalendar.NOW)),
                "Asia/Shanghai");
        Manifest.Counts counts = new Manifest.Counts(
                streets,
                communities.size(),
                grids.size(),
                buildings,
                workers,
                assignments,
                incidents,
                withoutCoordinates);
        return new Manifest(
                SampleStreetGenerator.class.getName(),
                options.command(),
                options.seed(),
                options.scale(),
                options.incidentsPerStreet(),
                period,
                "EPSG:4326 (lon/lat, RFC 7946); metric work in EPSG:32651",
                FILES,
                counts,
                households,
                residents,
                communities,
                grids,
                summary,
                faults);
    }
}
