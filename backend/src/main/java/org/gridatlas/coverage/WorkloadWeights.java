package org.gridatlas.coverage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gridatlas.api.BadParameterException;

/**
 * Weights of the workload index (docs/coverage.md): each term is the worker's figure divided by the median of that
 * figure over the ranked workers, so a worker at the median of everything has index 1.0 when the weights sum to 1.
 *
 * @param households weight of households in the worker's grids
 * @param buildings weight of buildings
 * @param floorsWithoutLift weight of storeys of residential buildings without a lift (stairs to climb)
 * @param area weight of the area to patrol (m²)
 * @param incidents weight of incidents per month in the worker's grids over the chosen period
 */
public record WorkloadWeights(
        double households, double buildings, double floorsWithoutLift, double area, double incidents) {
    public static final WorkloadWeights DEFAULT = new WorkloadWeights(0.4, 0.15, 0.15, 0.1, 0.2);
    static final String PARAMETER = "weights";

    /**
     * Parses {@code households:0.4,buildings:0.15,floors_without_lift:0.15,area:0.1,incidents:0.2}; terms left out
     * weigh 0 (or the default when the value is blank). Weights must be finite, not negative, and sum to more than 0.
     */
    public static WorkloadWeights parse(String text) {
        if (text == null || text.isBlank()) return DEFAULT;
        Map<String, Double> w = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split(":", -1);
            if (kv.length != 2) throw bad("'" + part + "' is not name:weight");
            String name = kv[0].trim();
            if (!java.util.Set.of("households", "buildings", "floors_without_lift", "area", "incidents")
                    .contains(name)) {
                throw bad("unknown term '" + name + "' (households, buildings, floors_without_lift, area, incidents)");
            }
            double v;
            try {
                v = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw bad("weight of " + name + " is not a number: '" + kv[1] + "'");
            }
            if (!Double.isFinite(v) || v < 0) throw bad("weight of " + name + " must be a finite number >= 0");
            w.put(name, v);
        }
        WorkloadWeights weights = new WorkloadWeights(
                w.getOrDefault("households", 0.0),
                w.getOrDefault("buildings", 0.0),
                w.getOrDefault("floors_without_lift", 0.0),
                w.getOrDefault("area", 0.0),
                w.getOrDefault("incidents", 0.0));
        if (weights.sum() <= 0) throw bad("the weights must sum to more than 0");
        return weights;
    }

    public double sum() {
        return households + buildings + floorsWithoutLift + area + incidents;
    }

    private static BadParameterException bad(String detail) {
        return new BadParameterException(PARAMETER, detail);
    }
}
