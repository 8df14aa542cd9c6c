package org.gridatlas.performance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Handling performance of one grid, community or street in a period (definitions in {@link PerformanceService}).
 * Rates are fractions 0..1, null when their denominator is 0.
 *
 * @param unit grid, community or street
 * @param code the unit's code
 * @param name the unit's name (grid of the published plan), or null when unknown
 * @param incidents incidents reported in the period
 * @param responseRate accepted within the deadline / incidents
 * @param resolutionRate resolved / incidents
 * @param satisfactionRate satisfaction ≥ 4 / rated
 * @param rated incidents with a satisfaction score
 * @param closed closed incidents
 * @param medianHoursToClose median of closed − reported over closed incidents, hours
 * @param communityShare share of community-level resolutions among resolved incidents with a level (target 0.7)
 * @param departmentShare share of functional-department resolutions (target 0.2)
 * @param streetShare share of street-level resolutions (target 0.1)
 * @param levelMixGap half the sum of absolute differences from 70/20/10 (0 = on target, 1 = opposite)
 * @param rank 1 = best by the requested sort
 */
public record HandlingPerformance(
        String unit,
        String code,
        String name,
        long incidents,
        Double responseRate,
        Double resolutionRate,
        Double satisfactionRate,
        long rated,
        long closed,
        Double medianHoursToClose,
        Double communityShare,
        Double departmentShare,
        Double streetShare,
        Double levelMixGap,
        int rank) {

    static HandlingPerformance of(
            String unit,
            String code,
            String name,
            long incidents,
            long responded,
            long resolved,
            long rated,
            long satisfied,
            long closed,
            Double medianHours,
            long byCommunity,
            long byDepartment,
            long byStreet) {
        long levels = byCommunity + byDepartment + byStreet;
        Double c = ratio(byCommunity, levels), d = ratio(byDepartment, levels), s = ratio(byStreet, levels);
        Double gap = levels == 0 ? null : (Math.abs(c - 0.7) + Math.abs(d - 0.2) + Math.abs(s - 0.1)) / 2;
        return new HandlingPerformance(
                unit,
                code,
                name,
                incidents,
                ratio(responded, incidents),
                ratio(resolved, incidents),
                ratio(satisfied, rated),
                rated,
                closed,
                medianHours,
                c,
                d,
                s,
                gap,
                0);
    }

    static Double ratio(long a, long b) {
        return b == 0 ? null : (double) a / b;
    }

    static List<HandlingPerformance> ranked(List<HandlingPerformance> rows, String sort) {
        Function<HandlingPerformance, Double> key =
                switch (sort) {
                    case "responseRate" -> HandlingPerformance::responseRate;
                    case "satisfactionRate" -> HandlingPerformance::satisfactionRate;
                    case "medianHoursToClose" -> HandlingPerformance::medianHoursToClose;
                    case "levelMixGap" -> HandlingPerformance::levelMixGap;
                    case "incidents" -> r -> (double) r.incidents();
                    default -> HandlingPerformance::resolutionRate;
                };
        boolean lowIsGood = sort.equals("medianHoursToClose") || sort.equals("levelMixGap");
        Comparator<Double> order = lowIsGood ? Comparator.naturalOrder() : Comparator.reverseOrder();
        List<HandlingPerformance> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(key, Comparator.nullsLast(order)).thenComparing(HandlingPerformance::code));
        List<HandlingPerformance> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            HandlingPerformance r = sorted.get(i);
            out.add(new HandlingPerformance(
                    r.unit,
                    r.code,
                    r.name,
                    r.incidents,
                    r.responseRate,
                    r.resolutionRate,
                    r.satisfactionRate,
                    r.rated,
                    r.closed,
                    r.medianHoursToClose,
                    r.communityShare,
                    r.departmentShare,
                    r.streetShare,
                    r.levelMixGap,
                    i + 1));
        }
        return out;
    }
}
