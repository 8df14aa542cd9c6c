package org.gridatlas.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The workload index of full-time workers (docs/coverage.md). For each term t (households, buildings, storeys without
 * lift, area, incidents per month) the worker's figure x_t is divided by the median m_t of that figure over the ranked
 * workers; the index is Σ w_t · x_t / m_t (terms whose median is 0 are left out). Workers are ranked by index, the
 * heaviest first; an outlier has an index above {@link #OUTLIER_FACTOR} × the median index.
 *
 * <p>Plain Java over the figures SQL computed: O(n log n) for n workers.
 */
public final class Workload {
    public static final double OUTLIER_FACTOR = 1.5;

    private Workload() {}

    /** The workers with index, rank and outlier flag set for those with chief grids; others keep a null index. */
    public static List<WorkerWorkload> rank(List<WorkerWorkload> workers, WorkloadWeights w) {
        List<WorkerWorkload> ranked =
                workers.stream().filter(x -> !x.chiefGrids().isEmpty()).toList();
        double mh = median(ranked, WorkerWorkload::households);
        double mb = median(ranked, WorkerWorkload::buildings);
        double mf = median(ranked, WorkerWorkload::floorsWithoutLift);
        double ma = median(ranked, WorkerWorkload::areaM2);
        double mi = median(ranked, WorkerWorkload::incidentsPerMonth);
        List<WorkerWorkload> indexed = new ArrayList<>();
        for (WorkerWorkload x : ranked) {
            double index = term(w.households(), x.households(), mh)
                    + term(w.buildings(), x.buildings(), mb)
                    + term(w.floorsWithoutLift(), x.floorsWithoutLift(), mf)
                    + term(w.area(), x.areaM2(), ma)
                    + term(w.incidents(), x.incidentsPerMonth(), mi);
            indexed.add(with(x, Math.round(index * 1000) / 1000.0, null, false));
        }
        double medianIndex = median(indexed, WorkerWorkload::index);
        indexed.sort(Comparator.comparing(WorkerWorkload::index).reversed().thenComparing(WorkerWorkload::code));
        java.util.Map<String, WorkerWorkload> byCode = new java.util.HashMap<>();
        for (int i = 0; i < indexed.size(); i++) {
            WorkerWorkload x = indexed.get(i);
            byCode.put(x.code(), with(x, x.index(), i + 1, x.index() > OUTLIER_FACTOR * medianIndex));
        }
        return workers.stream().map(x -> byCode.getOrDefault(x.code(), x)).toList();
    }

    private static double term(double weight, double value, double median) {
        return weight == 0 || median == 0 ? 0 : weight * value / median;
    }

    /** The median (mean of the two middle values for an even count); 0 for no values. */
    static <T> double median(List<T> items, ToDoubleFunction<T> f) {
        double[] v = items.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) return 0;
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    static double median(double... values) {
        double[] v = values.clone();
        Arrays.sort(v);
        if (v.length == 0) return 0;
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private static WorkerWorkload with(WorkerWorkload x, Double index, Integer rank, boolean outlier) {
        return new WorkerWorkload(
                x.code(),
                x.name(),
                x.phone(),
                x.kind(),
                x.communityCode(),
                x.grids(),
                x.chiefGrids(),
                x.roles(),
                x.households(),
                x.buildings(),
                x.floorsWithoutLift(),
                x.areaM2(),
                x.incidentsPerMonth(),
                index,
                rank,
                outlier,
                x.geometry());
    }
}
