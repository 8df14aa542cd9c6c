package org.gridatlas.coverage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One coverage fault, with the geometry the map shows.
 *
 * <p>Kinds: {@code gap} (part of a community in no grid), {@code overlap} (two grids; {@code relatedCode} the second),
 * {@code outside_community} (part of a grid beyond its community), {@code building_outside} (a building in no grid;
 * {@code relatedCode} the building), {@code split_building} (a footprint across grids; {@code gridCode} the grid it
 * is counted in, {@code detail} the shares), {@code unstaffed_grid} (no full-time worker), {@code worker_without_grid}
 * ({@code relatedCode} the worker; no geometry), {@code leader_outside_grid} ({@code relatedCode} the worker,
 * {@code gridCode} the grid of the duty, {@code detail} the building and the grid it lies in; geometry the building).
 *
 * @param areaM2 area of the fault's geometry in m², when it is a polygon
 * @param households households concerned (buildings), else null
 * @param detail extra JSON (shares of a split building, the building of a leader), or null
 * @param geometry GeoJSON text, or null (a worker has no place)
 */
public record CoverageFault(
        String kind,
        String gridCode,
        String relatedCode,
        String communityCode,
        Double areaM2,
        Integer households,
        @JsonRawValue String detail,
        @JsonIgnore String geometry) {
    public static final String GAP = "gap";
    public static final String OVERLAP = "overlap";
    public static final String OUTSIDE_COMMUNITY = "outside_community";
    public static final String BUILDING_OUTSIDE = "building_outside";
    public static final String SPLIT_BUILDING = "split_building";
    public static final String UNSTAFFED_GRID = "unstaffed_grid";
    public static final String WORKER_WITHOUT_GRID = "worker_without_grid";
    public static final String LEADER_OUTSIDE_GRID = "leader_outside_grid";
}
