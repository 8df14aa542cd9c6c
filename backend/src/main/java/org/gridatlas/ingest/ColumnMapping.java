package org.gridatlas.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which column of a file holds which field of a record. Headers are matched against the field names and their
 * Chinese and English synonyms (工单编号/事件编号/id → external_id, 上报时间/受理时间 → ..., 经度 → lon), ignoring case,
 * spaces, full-width forms and a unit in brackets ("经度(°)"); a user's explicit mapping (field → header) wins over
 * the synonyms. Problems name the file's own header, so a user finds the column in the file.
 */
public final class ColumnMapping {
    private static final Pattern UNIT = Pattern.compile("[(（\\[【].*?[)）\\]】]");
    private final Map<String, Integer> index;
    private final Map<String, String> header;

    private ColumnMapping(Map<String, Integer> index, Map<String, String> header) {
        this.index = index;
        this.header = header;
    }

    /**
     * @param headers the file's header row
     * @param synonyms field → accepted header spellings (the field name itself is always accepted)
     * @param explicit field → header given by the user; a header not in the file is a problem of the file
     */
    public static ColumnMapping resolve(
            List<String> headers, Map<String, List<String>> synonyms, Map<String, String> explicit, Problems problems) {
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) byKey.putIfAbsent(key(headers.get(i)), i);
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, String> header = new HashMap<>();
        explicit.forEach((field, column) -> {
            if (!synonyms.containsKey(field)) {
                problems.add(0, "mapping", "'" + field + "' is not a field; fields are " + synonyms.keySet());
                return;
            }
            Integer i = byKey.get(key(column));
            if (i == null) problems.add(0, "mapping", "column '" + column + "' for " + field + " is not in the file");
            else index.put(field, i);
        });
        synonyms.forEach((field, names) -> {
            if (index.containsKey(field)) return;
            List<String> candidates = new ArrayList<>(names);
            candidates.add(0, field);
            for (String name : candidates) {
                Integer i = byKey.get(key(name));
                if (i != null && !index.containsValue(i)) {
                    index.put(field, i);
                    break;
                }
            }
        });
        index.forEach((field, i) -> header.put(field, headers.get(i).strip()));
        return new ColumnMapping(index, header);
    }

    /** Parses a mapping parameter {@code field=header;field=header} (also accepts commas and new lines). */
    public static Map<String, String> parseExplicit(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return m;
        for (String pair : text.split("[;\\n,]")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            if (eq < 1) throw new IllegalArgumentException("'" + pair.strip() + "' is not field=column");
            m.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return m;
    }

    public boolean has(String field) {
        return index.containsKey(field);
    }

    /** The fields of {@code required} no column was found for. */
    public List<String> missing(Set<String> required) {
        return required.stream().filter(f -> !index.containsKey(f)).sorted().toList();
    }

    /** The value of a field in a row, or null when the file has no such column. */
    public String value(List<String> row, String field) {
        Integer i = index.get(field);
        return i == null || i >= row.size() ? null : row.get(i);
    }

    /** How a problem names the field: the file's header (e.g. 上报时间), which is the field name for our format. */
    public String label(String field) {
        return header.getOrDefault(field, field);
    }

    /** Field → the file's header, for the mapping preview. */
    public Map<String, String> headers() {
        Map<String, String> m = new LinkedHashMap<>();
        index.keySet().forEach(f -> m.put(f, header.get(f)));
        return m;
    }

    static String key(String header) {
        String s = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC);
        s = UNIT.matcher(s).replaceAll("");
        return s.replaceAll("[\\s_\\-:：*]", "").toLowerCase(Locale.ROOT);
    }
}
