package org.gridatlas.sample;

import java.util.List;

/** Everything generated for one street, in EPSG:4326, ready for a {@link SampleSink}. */
public record StreetSample(
        StreetFeature street,
        List<CommunityFeature> communities,
        List<GridFeature> grids,
        List<BuildingFeature> buildings,
        List<WorkerRow> workers,
        List<AssignmentRow> assignments,
        List<IncidentRow> incidents,
        List<AreaTotals> communityTotals,
        List<AreaTotals> gridTotals,
        Faults faults) {}
