package org.gridatlas.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The simulated year (2025-12-01 .. 2026-11-30, Asia/Shanghai +08:00) and its rhythms: busier weekdays than
 * weekends, quieter public holidays, and per source the hours at which reports come in. Times are seconds since the
 * start of the year.
 */
final class IncidentCalendar {
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 12, 1);
    static final int DAYS = 365;
    static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    /** "Now" for the statuses: the end of the simulated year. */
    static final long NOW = DAYS * 86_400L;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    /** Weekday factors, Monday first: Mondays bring the weekend's backlog. */
    private static final double[] WEEKDAY = {1.12, 1.05, 1.03, 1.02, 1.0, 0.86, 0.82};

    /** Reports per hour of day, by source. */
    private static final double[] HOTLINE_HOURS = {
        0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 3.2, 4.2, 4.0, 3.4, 2.6, 2.8, 3.3, 3.4, 3.1, 2.8, 2.6, 3.0, 3.2, 2.7,
        1.8, 0.9
    };

    private static final double[] PATROL_HOURS = {
        0, 0, 0, 0, 0, 0, 0.1, 0.8, 3.5, 4.5, 4.2, 2.5, 0.8, 1.5, 3.8, 4.2, 3.6, 1.8, 0.4, 0.2, 0.1, 0, 0, 0
    };
    private static final double[] SNAPSHOT_HOURS = {
        0.1, 0, 0, 0, 0, 0.1, 0.5, 1.6, 2.5, 2.6, 2.4, 2.0, 1.8, 1.9, 2.2, 2.3, 2.4, 2.6, 2.4, 2.2, 1.8, 1.2, 0.6, 0.2
    };
    private static final double[] VIDEO_HOURS = {
        0.4, 0.3, 0.3, 0.3, 0.3, 0.5, 0.9, 1.5, 2.0, 2.1, 2.0, 1.9, 1.7, 1.8, 1.9, 2.0, 2.1, 2.2, 2.0, 1.8, 1.5, 1.1,
        0.8, 0.5
    };
    private static final double[] DESK_HOURS = {
        0, 0, 0, 0, 0, 0, 0, 0, 2.0, 4.0, 4.0, 1.0, 0, 1.5, 4.0, 4.0, 2.5, 0, 0, 0, 0, 0, 0, 0
    };

    private IncidentCalendar() {}

    static LocalDate day(int index) {
        return FIRST_DAY.plusDays(index);
    }

    static boolean weekend(int dayIndex) {
        DayOfWeek d = day(dayIndex).getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** Relative number of reports on a day: weekday rhythm and public holidays (approximate 2026 calendar). */
    static double dayWeight(int dayIndex) {
        LocalDate date = day(dayIndex);
        return WEEKDAY[date.getDayOfWeek().getValue() - 1] * holiday(date);
    }

    private static double holiday(LocalDate date) {
        MonthDay md = MonthDay.from(date);
        if (between(md, 2, 15, 2, 23)) {
            return 0.6; // Spring Festival
        }
        if (between(md, 10, 1, 10, 7) || between(md, 1, 1, 1, 3)) {
            return 0.8;
        }
        if (between(md, 4, 4, 4, 6)
                || between(md, 5, 1, 5, 5)
                || between(md, 6, 19, 6, 21)
                || between(md, 9, 25, 9, 27)) {
            return 0.85;
        }
        return 1.0;
    }

    private static boolean between(MonthDay md, int m1, int d1, int m2, int d2) {
        return !md.isBefore(MonthDay.of(m1, d1)) && !md.isAfter(MonthDay.of(m2, d2));
    }

    static double[] hours(String source) {
        return switch (source) {
            case "hotline_12345" -> HOTLINE_HOURS;
            case "patrol" -> PATROL_HOURS;
            case "snapshot" -> SNAPSHOT_HOURS;
            case "video" -> VIDEO_HOURS;
            default -> DESK_HOURS;
        };
    }

    /** A report time on a day: hour by the source's profile, then any minute and second. */
    static long reportTime(int dayIndex, String source, Rng rng) {
        int hour = rng.weighted(hours(source));
        return dayIndex * 86_400L + hour * 3_600L + rng.nextInt(3_600);
    }

    /** Hour of day of a time. */
    static int hourOf(long seconds) {
        return (int) ((seconds % 86_400) / 3_600);
    }

    /** The next morning's start of office work (07:30) after a time at night. */
    static long nextMorning(long seconds) {
        long dayStart = seconds - seconds % 86_400;
        long morning = dayStart + 7 * 3_600 + 1_800;
        return seconds < morning ? morning : morning + 86_400;
    }

    /** ISO-8601 with seconds and offset, e.g. 2026-03-13T08:05:00+08:00. */
    static String format(OffsetDateTime time) {
        return ISO.format(time);
    }

    static OffsetDateTime toDateTime(long seconds) {
        return LocalDateTime.of(FIRST_DAY.getYear(), FIRST_DAY.getMonth(), FIRST_DAY.getDayOfMonth(), 0, 0)
                .plus(seconds, ChronoUnit.SECONDS)
                .atOffset(OFFSET);
    }
}
