package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The planted faults of a street, exactly as the coverage analysis should find them. Areas are in m² computed in
 * UTM 51N; points are lon/lat interior points; WKT is in lon/lat.
 */
public record Faults(
        List<Gap> gaps,
        List<Overlap> overlaps,
        List<UnstaffedGrid> gridsWithoutWorkers,
        List<StraddlingBuilding> straddlingBuildings,
        List<AddressOnlyIncident> incidentsWithoutCoordinates,
        List<MisplacedLeader> misplacedBuildingLeaders) {

    /** An empty, appendable set. */
    static Faults empty() {
        return new Faults(
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>());
    }

    void addAll(Faults other) {
        gaps.addAll(other.gaps);
        overlaps.addAll(other.overlaps);
        gridsWithoutWorkers.addAll(other.gridsWithoutWorkers);
        straddlingBuildings.addAll(other.straddlingBuildings);
        incidentsWithoutCoordinates.addAll(other.incidentsWithoutCoordinates);
        misplacedBuildingLeaders.addAll(other.misplacedBuildingLeaders);
    }

    /** Part of a community covered by none of its grids (a green parcel without buildings). */
    public record Gap(String communityCode, double areaM2, double lon, double lat, String wkt) {}

    /** Part of {@code neighbourGridCode} also covered by {@code gridCode}, which reaches into it. */
    public record Overlap(
            String gridCode, String neighbourGridCode, double areaM2, double lon, double lat, String wkt) {}

    /** A grid with no assignment of any worker. */
    public record UnstaffedGrid(String gridCode, String communityCode) {}

    /** A building whose footprint lies in two grids; shares of its footprint area, larger first. */
    public record StraddlingBuilding(String buildingCode, List<GridShare> shares) {}

    public record GridShare(String gridCode, double share) {}

    /**
     * An incident with an address but no coordinates.
     *
     * @param variant {@code exact}, {@code fullwidth_digits}, {@code dong} (栋 for 幢), {@code spaces} or
     *     {@code no_road} (compound and building only)
     */
    public record AddressOnlyIncident(String externalId, String buildingCode, String address, String variant) {}

    /** A building leader whose assignment names a grid other than the one the building lies in. */
    public record MisplacedLeader(
            String workerCode, String buildingCode, String assignedGridCode, String buildingGridCode) {}
}
