package org.gridatlas.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A time instant or interval as the OGC API {@code datetime} parameter gives it (RFC 3339): {@code 2026-03-13T08:05:00Z},
 * {@code start/end}, {@code ../end}, {@code start/..}. An instant is the interval [t, t]; an open end is null.
 *
 * @param start inclusive start, or null for unbounded
 * @param end inclusive end, or null for unbounded
 */
public record TimeInterval(OffsetDateTime start, OffsetDateTime end) {

    public static TimeInterval parse(String parameter, String value) {
        if (value == null || value.isBlank()) return null;
        String[] parts = value.split("/", -1);
        if (parts.length > 2) throw new BadParameterException(parameter, "datetime has more than one '/'");
        OffsetDateTime start = end(parameter, parts[0]);
        OffsetDateTime end = parts.length == 2 ? end(parameter, parts[1]) : start;
        if (parts.length == 1 && start == null) {
            throw new BadParameterException(parameter, "datetime '..' needs a start or an end");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new BadParameterException(parameter, "datetime interval ends before it starts");
        }
        return new TimeInterval(start, end);
    }

    private static OffsetDateTime end(String parameter, String text) {
        if (text.isEmpty() || text.equals("..")) return null;
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(
                    parameter, "'" + text + "' is not an RFC 3339 date-time such as 2026-03-13T08:05:00+08:00");
        }
    }
}
