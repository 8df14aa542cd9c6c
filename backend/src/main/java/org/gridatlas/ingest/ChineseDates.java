package org.gridatlas.ingest;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times Chinese office exports write: {@code 2024-03-13 08:05}, {@code 2024/3/13 8:05:00},
 * {@code 2024年3月13日}, {@code 2024年3月13日 8时5分}, {@code 2024.3.13}, ISO-8601 with or without offset. A time
 * without an offset is local time in {@code Asia/Shanghai} (China has one time zone and no daylight saving since
 * 1991); a date alone is midnight.
 */
public final class ChineseDates {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2})?");

    private ChineseDates() {}

    /** The instant written, or null when the text is not a time in one of the forms above. */
    public static OffsetDateTime parse(String text) {
        if (text == null || text.isBlank()) return null;
        OffsetDateTime fast = iso(text);
        if (fast != null) return fast;
        Matcher m = TIME.matcher(canonical(text));
        if (!m.matches()) return null;
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                    m.group(7) == null ? 0 : nanos(m.group(7)));
            if (m.group(8) == null) return local.atZone(CHINA).toOffsetDateTime();
            String offset = m.group(8);
            if (offset.length() == 5) offset = offset.substring(0, 3) + ":" + offset.substring(3);
            return local.atOffset(ZoneOffset.of(offset));
        } catch (DateTimeException e) {
            return null; // 2024-02-30, 25:00 ...
        }
    }

    /**
     * The fast path for the form machines write, {@code 2024-03-13T08:05:00+08:00} or {@code 2024-03-13 08:05:00}
     * (19 or 25 ASCII characters; a large export is almost always in it): read digit by digit, without the
     * normalisation and regular expressions of the general path. Null when the text is in any other form.
     */
    static OffsetDateTime iso(String t) {
        int n = t.length();
        if (n != 19 && n != 25) return null;
        if (t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != 'T' && t.charAt(10) != ' ')) return null;
        if (t.charAt(13) != ':' || t.charAt(16) != ':') return null;
        int year = digits(t, 0, 4), month = digits(t, 5, 2), day = digits(t, 8, 2);
        int hour = digits(t, 11, 2), minute = digits(t, 14, 2), second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) return null;
        ZoneOffset offset = null;
        if (n == 25) {
            char sign = t.charAt(19);
            int oh = digits(t, 20, 2), om = digits(t, 23, 2);
            if ((sign != '+' && sign != '-') || t.charAt(22) != ':' || (oh | om) < 0) return null;
            int total = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
            if (Math.abs(total) > 18 * 3600) return null;
            offset = ZoneOffset.ofTotalSeconds(total);
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
            return offset == null ? local.atZone(CHINA).toOffsetDateTime() : local.atOffset(offset);
        } catch (DateTimeException e) {
            return null; // 2024-02-30, 25:00 ...: the general path says the same
        }
    }

    /** The number written by {@code len} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Full-width to half-width, Chinese date words and slashes/dots to the ISO separators. */
    private static String canonical(String text) {
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC);
        s = s.replace('年', '-').replace('月', '-').replace('/', '-');
        s = s.replaceAll("^(\\d{4})\\.(\\d{1,2})\\.(\\d{1,2})", "$1-$2-$3");
        s = s.replace("日", " ")
                .replace('时', ':')
                .replace('点', ':')
                .replace("分", ":")
                .replace("秒", "");
        s = s.replaceAll(":\\s*$", "").replaceAll(":(?=\\s|$)", "").strip();
        return s.replaceAll("\\s+", " ");
    }

    private static int nanos(String fraction) {
        return Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
}
