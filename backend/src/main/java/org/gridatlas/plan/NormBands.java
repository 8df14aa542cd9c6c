package org.gridatlas.plan;

import java.util.Map;
import org.gridatlas.coverage.NormBand;

/**
 * The norm bands an edit's impact is read against (table norm_band: the street's rows, else the deployment's).
 *
 * @param householdsMin fewest households a grid should have (default 300)
 * @param householdsMax most households a grid should have (default 500)
 * @param perWorkerMin fewest households per full-time worker (default 160)
 * @param perWorkerMax most households per full-time worker (default 300)
 */
public record NormBands(double householdsMin, double householdsMax, double perWorkerMin, double perWorkerMax) {
    /** The bands in force for a street (org.gridatlas.coverage.NormBandStore), with the defaults where none is stored. */
    static NormBands of(Map<String, NormBand> bands) {
        NormBand households = bands.getOrDefault(
                NormBand.HOUSEHOLDS_PER_GRID, new NormBand(NormBand.HOUSEHOLDS_PER_GRID, 300, 500, null));
        NormBand perWorker = bands.getOrDefault(
                NormBand.HOUSEHOLDS_PER_FULL_TIME_WORKER,
                new NormBand(NormBand.HOUSEHOLDS_PER_FULL_TIME_WORKER, 160, 300, null));
        return new NormBands(households.min(), households.max(), perWorker.min(), perWorker.max());
    }

    /** below, within or above a band. */
    static String status(double value, double min, double max) {
        return value < min ? "below" : value > max ? "above" : "within";
    }
}
