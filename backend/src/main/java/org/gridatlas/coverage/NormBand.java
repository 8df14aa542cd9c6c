package org.gridatlas.coverage;

/**
 * A norm band of the field (DESIGN.md "Field facts"), from table norm_band or overridden by a request.
 *
 * @param metric households_per_grid, residents_per_grid, households_per_full_time_worker or
 *     households_per_party_member
 * @param min lowest value within the norm (inclusive)
 * @param max highest value within the norm (inclusive)
 * @param target the value aimed at, or null
 */
public record NormBand(String metric, double min, double max, Double target) {
    public static final String HOUSEHOLDS_PER_GRID = "households_per_grid";
    public static final String RESIDENTS_PER_GRID = "residents_per_grid";
    public static final String HOUSEHOLDS_PER_FULL_TIME_WORKER = "households_per_full_time_worker";
    public static final String HOUSEHOLDS_PER_PARTY_MEMBER = "households_per_party_member";

    /** below, within or above the band. */
    public String status(double value) {
        if (value < min) return "below";
        return value > max ? "above" : "within";
    }
}
