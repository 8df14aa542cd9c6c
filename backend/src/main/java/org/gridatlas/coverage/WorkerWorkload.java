package org.gridatlas.coverage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A worker with their grids and, for full-time workers (a current grid_chief duty), their workload: each grid's
 * figures divided by the number of full-time workers of that grid, summed over the worker's grids.
 *
 * @param name personal data: shown to the staff roles of the scope, never in GeoJSON
 * @param phone personal data: null unless the role calls workers ({@link org.gridatlas.security.Scope#seesWorkerPhones})
 * @param grids codes of the grids of the worker's current duties in the plan
 * @param chiefGrids the grids where the worker is the full-time worker (网格长)
 * @param areaM2 area to patrol in m²
 * @param incidentsPerMonth incidents per month in the chief grids over the period
 * @param index workload index (1.0 = the median worker when the weights sum to 1), null when not ranked
 * @param rank 1 = heaviest, null when not ranked
 * @param outlier index above 1.5 × the median index of the ranked workers
 * @param geometry union of the worker's grids as GeoJSON text when asked for
 */
public record WorkerWorkload(
        String code,
        String name,
        String phone,
        String kind,
        String communityCode,
        List<String> grids,
        List<String> chiefGrids,
        List<String> roles,
        double households,
        double buildings,
        double floorsWithoutLift,
        double areaM2,
        double incidentsPerMonth,
        Double index,
        Integer rank,
        boolean outlier,
        @JsonIgnore String geometry) {}
