package org.gridatlas.plan;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import java.util.Map;

/** What the plan API answers. Geometries are GeoJSON in WGS84. */
public final class PlanViews {
    private PlanViews() {}

    /**
     * A broken rule, placed on the map.
     *
     * @param areaM2 area of the fault in m²
     */
    public record ViolationView(
            String kind, List<String> grids, String building, double areaM2, @JsonRawValue String geometry) {}

    /**
     * The answer to an edit, previewed or saved.
     *
     * @param applied whether the edit was saved
     * @param version the plan version after the edit (unchanged by a preview)
     * @param created code of a grid the edit created
     * @param introduced rules the edit would break (a saved edit with these was accepted with its faults flagged)
     * @param existing faults the plan had before the edit, which it does not make worse
     * @param grids the changed grids after the edit, as a FeatureCollection (removed grids are absent)
     */
    public record EditOutcome(
            long plan,
            boolean applied,
            int version,
            String community,
            String created,
            EditImpact impact,
            List<ViolationView> introduced,
            List<ViolationView> existing,
            @JsonRawValue String grids) {}

    /** The faults of a plan, per community. */
    public record Validation(long plan, Map<String, List<ViolationView>> communities) {}

    /**
     * Two plans side by side.
     *
     * @param changedAreas FeatureCollection of the ground that changes grid, with from, to and area_m2
     */
    public record Comparison(long plan, long with, EditImpact impact, @JsonRawValue String changedAreas) {}

    /**
     * A published plan.
     *
     * @param renumbered provisional code of a new grid → its code under the numbering rule
     * @param changedGrids grids of the old plan whose area changed or that are gone
     * @param assignmentsToReview current worker duties on those grids (worker code, kind, role, grid)
     * @param incidents the incidents re-assigned to the new plan's grids (recorded in plan_incident_reassignment)
     */
    public record Publication(
            long plan,
            Long archived,
            Map<String, String> renumbered,
            List<String> changedGrids,
            List<Map<String, Object>> assignmentsToReview,
            Reassignment incidents) {}

    /**
     * Incidents placed on a newly published plan.
     *
     * @param effectiveFrom start of the plan's validity (ISO 8601): incidents reported from then on were re-placed
     * @param incidents how many were re-placed (now read from the new plan)
     * @param moved how many of them changed grid code
     * @param byGrid counts per old → new grid (null: no grid)
     */
    public record Reassignment(String effectiveFrom, int incidents, int moved, List<GridMove> byGrid) {}

    /** Incidents re-placed from one grid to another (the same code when only the plan they are read from changed). */
    public record GridMove(String from, String to, int incidents) {}

    /** One entry of a plan's history. */
    public record HistoryEntry(int seq, String kind, String author, String at, @JsonRawValue String payload) {}
}
