package org.gridatlas.coverage;

import java.time.LocalDate;
import java.util.List;

/**
 * A whole coverage computation.
 *
 * @param planIds the plans computed (one per street)
 * @param tolerance split tolerance used (share of a footprint)
 * @param from first day of the incident period
 * @param to last day of the incident period
 * @param bands the norm bands applied, with the street they apply to (null = deployment default)
 */
public record Coverage(
        List<Long> planIds,
        double tolerance,
        LocalDate from,
        LocalDate to,
        WorkloadWeights weights,
        List<StreetBand> bands,
        List<GridCoverage> grids,
        List<WorkerWorkload> workers,
        List<CoverageFault> faults,
        List<AreaRollup> communities,
        List<AreaRollup> streets) {

    /** A norm band as applied to a street. */
    public record StreetBand(String streetCode, String metric, double min, double max, Double target) {}
}
