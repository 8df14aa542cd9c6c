package org.gridatlas.heatmap;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.gridatlas.api.BadParameterException;

/**
 * An inclusive range of calendar months (Asia/Shanghai calendar, as the heatmap_cell months).
 *
 * @param from first month
 * @param to last month, not before {@code from}
 */
record MonthRange(YearMonth from, YearMonth to) {

    /** Parses {@code from}/{@code to} as YYYY-MM; either may be null (filled in by {@code defaults}). */
    static MonthRange parse(String fromName, String from, String toName, String to, MonthRange defaults) {
        YearMonth a = month(fromName, from, defaults == null ? null : defaults.from());
        YearMonth b = month(toName, to, defaults == null ? null : defaults.to());
        if (a == null || b == null) return null;
        if (b.isBefore(a))
            throw new BadParameterException(
                    toName, "'" + toName + "' (" + b + ") is before '" + fromName + "' (" + a + ")");
        return new MonthRange(a, b);
    }

    private static YearMonth month(String name, String text, YearMonth fallback) {
        if (text == null || text.isBlank()) return fallback;
        try {
            YearMonth m = YearMonth.parse(text.trim().length() > 7 ? text.trim().substring(0, 7) : text.trim());
            if (m.getYear() < 1900 || m.getYear() > 2200)
                throw new BadParameterException(name, "'" + text + "' is not a plausible month");
            return m;
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "'" + text + "' is not a month such as 2026-03 (YYYY-MM)");
        }
    }

    int months() {
        return (int) ChronoUnit.MONTHS.between(from, to) + 1;
    }

    /** The range of the same length just before this one (the default comparison period). */
    MonthRange previous() {
        int n = months();
        return new MonthRange(from.minusMonths(n), from.minusMonths(1));
    }

    java.time.LocalDate firstDay() {
        return from.atDay(1);
    }

    java.time.LocalDate lastMonthFirstDay() {
        return to.atDay(1);
    }
}
