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
