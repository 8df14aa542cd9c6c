package org.gridatlas.heatmap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gridatlas.api.BadParameterException;

/**
 * What a heat map counts: incidents reported in a month range, optionally of some categories, sources, statuses and
 * resolution levels, each counting 1 or only when open / dissatisfied; the surface is per month of the range.
 *
 * @param period the months counted (inclusive)
 * @param compare the comparison months for the difference mode (this period minus that one), or null
 * @param categories big (2-digit) or small (4-digit) category codes; empty = every category
 * @param sources incident sources; empty = every source
 * @param statuses lifecycle statuses; empty = every status
 * @param levels resolution levels (community, department, street); empty = any
 * @param weight count (every incident 1), open (not closed), dissatisfied (satisfaction 1–2)
 * @param radius kernel radius in ground metres
 */
record HeatmapFilter(
        MonthRange period,
        MonthRange compare,
        List<String> categories,
        List<String> sources,
        List<String> statuses,
        List<String> levels,
        String weight,
        double radius) {
    static final double DEFAULT_RADIUS = 150;
    static final double MIN_RADIUS = 10;
    static final double MAX_RADIUS = 5000;
    static final Set<String> SOURCES = Set.of("hotline_12345", "patrol", "snapshot", "video", "desk", "other");
    static final Set<String> STATUSES = Set.of("reported", "accepted", "dispatched", "resolved", "closed");
    static final Set<String> LEVELS = Set.of("community", "department", "street");
    static final Set<String> WEIGHTS = Set.of("count", "open", "dissatisfied");

    /** Whether only filters the pre-aggregated cells carry are set (time, category, weight). */
    boolean aggregatable() {
        return sources.isEmpty() && statuses.isEmpty() && levels.isEmpty();
    }

    boolean difference() {
        return compare != null;
    }

    /** Parses a comma-separated list, checking each value against the allowed set; null/blank = empty. */
    static List<String> list(String parameter, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (String v : value.split(",")) {
            String s = v.trim();
            if (s.isEmpty()) continue;
            if (!allowed.contains(s)) {
                throw new BadParameterException(
                        parameter,
                        "unknown " + parameter + " '" + s + "'; allowed: "
                                + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** Categories: drops a small class whose big class is also asked for (it would count twice). */
    static List<String> categories(String value, Set<String> known) {
        List<String> codes = list("category", value, known);
        List<String> out = new ArrayList<>();
        for (String c : codes) if (c.length() == 2 || !codes.contains(c.substring(0, 2))) out.add(c);
        return out;
    }

    static double radius(String value) {
        if (value == null || value.isBlank()) return DEFAULT_RADIUS;
        double r;
        try {
            r = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException("radius", "'" + value + "' is not a number of metres");
        }
        if (!(r >= MIN_RADIUS && r <= MAX_RADIUS)) {
            throw new BadParameterException(
                    "radius", "radius must be between " + (int) MIN_RADIUS + " and " + (int) MAX_RADIUS + " metres");
        }
        return r;
    }

    static String weight(String value) {
        if (value == null || value.isBlank()) return "count";
        return list("weight", value, WEIGHTS).get(0);
    }
}
