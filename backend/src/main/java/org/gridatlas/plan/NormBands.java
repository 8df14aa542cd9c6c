package org.gridatlas.plan;

/**
 * The norm bands an edit's impact is read against (table norm_band: the street's rows, else the deployment's).
 *
 * @param householdsMin fewest households a grid should have (default 300)
 * @param householdsMax most households a grid should have (default 500)
 * @param perWorkerMin fewest households per full-time worker (default 160)
 * @param perWorkerMax most households per full-time worker (default 300)
 */
public record NormBands(double householdsMin, double householdsMax, double perWorkerMin, double perWorkerMax) {
    /** below, within or above a band. */
    static String status(double value, double min, double max) {
        return value < min ? "below" : value > max ? "above" : "within";
    }
}
