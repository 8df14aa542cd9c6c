package org.gridatlas.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed access to the fields of one record (a CSV row or the properties of a GeoJSON feature); every value that
 * does not parse is recorded as a problem naming the row and the field, and a neutral value is returned so the
 * remaining fields are still checked.
 */
public final class Fields {
    private final int row;
    private final Function<String, String> raw;
    private final Problems problems;
    private final Function<String, String> label;

    public Fields(int row, Function<String, String> raw, Problems problems) {
        this(row, raw, problems, Function.identity());
    }

    /** @param label how a problem names a field: the file's own header for a mapped file */
    public Fields(int row, Function<String, String> raw, Problems problems, Function<String, String> label) {
        this.row = row;
        this.raw = raw;
        this.problems = problems;
        this.label = label;
    }

    public int row() {
        return row;
    }

    public void problem(String field, String reason) {
        problems.add(row, label.apply(field), reason);
    }

    /** Trimmed text, or null when empty; a problem when required and empty. */
    public String text(String field, boolean required) {
        String v = raw.apply(field);
        v = v == null ? null : v.strip();
        if (v == null || v.isEmpty()) {
            if (required) problem(field, "is required");
            return null;
        }
        return v;
    }

    public String code(String field, Pattern format, String formatText) {
        String v = text(field, true);
        if (v != null && !format.matcher(v).matches()) {
            problem(field, "'" + v + "' is not " + formatText);
            return null;
        }
        return v;
    }

    public String oneOf(String field, Set<String> allowed, boolean required) {
        String v = text(field, required);
        if (v != null && !allowed.contains(v)) {
            problem(
                    field,
                    "'" + v + "' is not one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return v;
    }

    public Integer integer(String field, boolean required, int min, int max) {
        String v = text(field, required);
        if (v == null) return null;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                problem(field, "'" + v + "' is outside " + min + ".." + max);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problem(field, "'" + v + "' is not a whole number");
            return null;
        }
    }

    public Double decimal(String field, boolean required, double min, double max) {
        String v = text(field, required);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) {
                problem(field, "'" + v + "' is outside " + min + ".." + max);
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problem(field, "'" + v + "' is not a number");
            return null;
        }
    }

    public Boolean bool(String field, boolean required) {
        String v = text(field, required);
        if (v == null) return null;
        return switch (v.toLowerCase()) {
            case "true", "1", "yes", "y", "是", "有" -> true;
            case "false", "0", "no", "n", "否", "无" -> false;
            default -> {
                problem(field, "'" + v + "' is not true/false");
                yield null;
            }
        };
    }

    public LocalDate date(String field, boolean required) {
        String v = text(field, required);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problem(field, "'" + v + "' is not a date YYYY-MM-DD");
            return null;
        }
    }

    public OffsetDateTime timestamp(String field, boolean required) {
        String v = text(field, required);
        if (v == null) return null;
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            problem(field, "'" + v + "' is not a time with offset like 2026-03-13T08:05:00+08:00");
            return null;
        }
    }
}
