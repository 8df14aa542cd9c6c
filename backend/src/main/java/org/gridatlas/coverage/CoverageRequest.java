package org.gridatlas.coverage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridatlas.api.BadParameterException;

/**
 * What a coverage computation is asked for.
 *
 * @param planId a boundary plan (draft or published), or null for the published plan of every street in scope
 * @param community a 12-digit community code to limit the work to, or null for the whole scope
 * @param tolerance share of a footprint (0–0.5) that may lie in another grid before the building is reported as split
 * @param from first day of the incident period (inclusive, Asia/Shanghai)
 * @param to last day of the incident period (inclusive)
 * @param weights the workload index weights
 * @param bands norm bands given with the request, by metric; they replace the stored ones
 * @param minFaultAreaM2 gaps, overlaps and overreaches smaller than this (m²) are rounding, not faults
 */
public record CoverageRequest(
        Long planId,
        String community,
        double tolerance,
        LocalDate from,
        LocalDate to,
        WorkloadWeights weights,
        Map<String, NormBand> bands,
        double minFaultAreaM2) {
    public static final double DEFAULT_TOLERANCE = 0.05;
    public static final double DEFAULT_MIN_FAULT_AREA_M2 = 1.0;
    /** The default incident period: the three months before today. */
    public static final int DEFAULT_PERIOD_MONTHS = 3;

    /** The published plan, the whole scope, default tolerance, weights, bands and period. */
    public static CoverageRequest defaults() {
        LocalDate today = LocalDate.now(CoverageService.ZONE);
        return new CoverageRequest(
                null,
                null,
                DEFAULT_TOLERANCE,
                today.minusMonths(DEFAULT_PERIOD_MONTHS),
                today,
                WorkloadWeights.DEFAULT,
                Map.of(),
                DEFAULT_MIN_FAULT_AREA_M2);
    }

    /** Same request on another plan / community. */
    public CoverageRequest with(Long plan, String communityCode) {
        return new CoverageRequest(plan, communityCode, tolerance, from, to, weights, bands, minFaultAreaM2);
    }

    /**
     * Parses the query parameters of the coverage endpoints; every mistake names its parameter.
     *
     * @param bandTexts "min,max" per metric name (the parameter is named after the metric)
     */
    public static CoverageRequest parse(
            Long plan,
            String community,
            Double tolerance,
            String from,
            String to,
            String weights,
            Map<String, String> bandTexts) {
        if (community != null && !community.matches("[0-9]{12}")) {
            throw new BadParameterException("community", "a community code has 12 digits, got '" + community + "'");
        }
        double tol = tolerance == null ? DEFAULT_TOLERANCE : tolerance;
        if (!(tol >= 0 && tol < 0.5)) {
            throw new BadParameterException("tolerance", "tolerance is a share of the footprint in [0, 0.5)");
        }
        LocalDate end = date("to", to, LocalDate.now(CoverageService.ZONE));
        LocalDate start = date("from", from, end.minusMonths(DEFAULT_PERIOD_MONTHS));
        if (start.isAfter(end)) throw new BadParameterException("from", "from " + start + " is after to " + end);
        Map<String, NormBand> bands = new LinkedHashMap<>();
        bandTexts.forEach((metric, text) -> {
            if (text != null && !text.isBlank()) bands.put(metric, band(metric, text));
        });
        return new CoverageRequest(
                plan, community, tol, start, end, WorkloadWeights.parse(weights), bands, DEFAULT_MIN_FAULT_AREA_M2);
    }

    private static LocalDate date(String parameter, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) return fallback;
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter, "'" + text + "' is not a date such as 2026-03-01");
        }
    }

    /** A band given as "min,max" (or "min,max,target"). */
    static NormBand band(String metric, String text) {
        String[] parts = text.split(",", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new BadParameterException(metric, "a norm band is 'min,max' or 'min,max,target', got '" + text + "'");
        }
        double min = number(metric, parts[0]);
        double max = number(metric, parts[1]);
        if (min > max)
            throw new BadParameterException(metric, "norm band min " + parts[0].trim() + " > max " + parts[1].trim());
        Double target = parts.length == 3 && !parts[2].isBlank() ? number(metric, parts[2]) : null;
        if (target != null && (target < min || target > max)) {
            throw new BadParameterException(metric, "norm band target lies outside [min, max]");
        }
        return new NormBand(metric, min, max, target);
    }

    private static double number(String metric, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v) || v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new BadParameterException(metric, "'" + text.trim() + "' is not a number >= 0");
        }
    }
}
