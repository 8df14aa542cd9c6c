package org.gridatlas.heatmap;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridatlas.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Exact incident positions packed per month and zoom-14 block (heatmap_point_block, V17__heatmap_point_blocks.sql),
 * for tiles of zoom 15 and above: a tile with its margin reads 1–16 rows per month instead of thousands of incident
 * heap pages. Each record carries the exact lon/lat and every field the filters and scopes read, so every filter and
 * scope is applied here, record by record, with the same meaning as {@link HeatmapRepository#INCIDENT_FILTER}.
 */
@Repository
class HeatmapPointBlocks {
    /** Zoom whose pixels the blocks are cut from (64×64 of them: one zoom-16 tile). */
    static final int BLOCK_LEVEL = 14;

    private static final int RECORD_BYTES = 34;
    /** The 1-based codes of heatmap_point_code (V17); 0 is null. */
    static final List<String> SOURCES = List.of("hotline_12345", "patrol", "snapshot", "video", "desk", "other");

    static final List<String> STATUSES = List.of("reported", "accepted", "dispatched", "resolved", "closed");
    static final List<String> LEVELS = List.of("community", "department", "street");
    private static final int CLOSED = STATUSES.indexOf("closed") + 1;

    private static final String READ =
            """
            SELECT month, data FROM heatmap_point_block
            WHERE bx BETWEEN :bx0 AND :bx1 AND by BETWEEN :by0 AND :by1
              AND (month BETWEEN :a_from AND :a_to
                   OR (CAST(:b_from AS date) IS NOT NULL AND month BETWEEN :b_from AND :b_to))""";

    private final JdbcClient jdbc;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();

    HeatmapPointBlocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Incidents at their exact positions in the Mercator rectangle, months weighted as in {@link
     * HeatmapRepository#incidents} (1 / months of the period, negative for the comparison period), filtered by the
     * filter and the scope.
     */
    WeightedPoints read(Scope scope, HeatmapFilter f, double minX, double minY, double maxX, double maxY) {
        WeightedPoints out = new WeightedPoints();
        read(scope, f, minX, minY, maxX, maxY, out::add);
        return out;
    }

    /**
     * The same incidents snapped to the centres of the pixels of zoom {@code snapZoom} and summed per pixel, as
     * {@link HeatmapRepository#incidents} with a snap zoom gives them: for filters and scopes the cell blocks do not
     * carry, at zooms where a tile covers few blocks (13–14).
     */
    WeightedPoints readSnapped(
            Scope scope, HeatmapFilter f, int snapZoom, double minX, double minY, double maxX, double maxY) {
        double ps = WebMercator.pixelSize(snapZoom);
        HeatmapBlocks.CellSums sums = new HeatmapBlocks.CellSums(
                (long) Math.floor((minX + WebMercator.HALF) / ps),
                (long) Math.floor((WebMercator.HALF - maxY) / ps),
                (long) Math.floor((maxX + WebMercator.HALF) / ps),
                (long) Math.floor((WebMercator.HALF - minY) / ps));
        read(
                scope,
                f,
                minX,
                minY,
                maxX,
                maxY,
                (x, y, w) -> sums.add(
                        (long) Math.floor((x + WebMercator.HALF) / ps),
                        (long) Math.floor((WebMercator.HALF - y) / ps),
                        w));
        return sums.points(snapZoom);
    }

    /** Receives the matching incidents: Mercator position and weight. */
    private interface Sink {
        void add(double x, double y, double w);
    }

    private void read(Scope scope, HeatmapFilter f, double minX, double minY, double maxX, double maxY, Sink out) {
        RecordFilter keep = recordFilter(scope, f);
        if (keep == null) return; // a scope or every category asked for has no incident yet
        double ps = WebMercator.pixelSize(BLOCK_LEVEL);
        long bx0 = (long) Math.floor((minX + WebMercator.HALF) / ps) >> HeatmapBlocks.BLOCK_SHIFT;
        long bx1 = (long) Math.floor((maxX + WebMercator.HALF) / ps) >> HeatmapBlocks.BLOCK_SHIFT;
        long by0 = (long) Math.floor((WebMercator.HALF - maxY) / ps) >> HeatmapBlocks.BLOCK_SHIFT;
        long by1 = (long) Math.floor((WebMercator.HALF - minY) / ps) >> HeatmapBlocks.BLOCK_SHIFT;
        double aw = 1.0 / f.period().months();
        double bw = f.compare() == null ? 0.0 : -1.0 / f.compare().months();
        LocalDate aFrom = f.period().firstDay(), aTo = f.period().lastMonthFirstDay();
        jdbc.sql(READ)
                .param("bx0", bx0)
                .param("bx1", bx1)
                .param("by0", by0)
                .param("by1", by1)
                .param("a_from", aFrom)
                .param("a_to", aTo)
                .param("b_from", f.compare() == null ? null : f.compare().firstDay())
                .param("b_to", f.compare() == null ? null : f.compare().lastMonthFirstDay())
                .query(rs -> {
                    LocalDate month = rs.getObject(1, LocalDate.class);
                    double w = !month.isBefore(aFrom) && !month.isAfter(aTo) ? aw : bw;
                    ByteBuffer data = ByteBuffer.wrap(rs.getBytes(2));
                    for (int at = 0; at + RECORD_BYTES <= data.limit(); at += RECORD_BYTES) {
                        int n = keep.weight(data, at);
                        if (n == 0) continue;
                        double x = WebMercator.x(data.getDouble(at));
                        if (x < minX || x > maxX) continue;
                        double y = WebMercator.y(data.getDouble(at + 8));
                        if (y < minY || y > maxY) continue;
                        out.add(x, y, n * w);
                    }
                });
    }

    /** The filter and scope as ids and bit masks over the records' fields, or null when nothing can match. */
    private RecordFilter recordFilter(Scope scope, HeatmapFilter f) {
        int street = 0, community = 0;
        if (scope.streetCode() != null && (street = id("heatmap_street", scope.streetCode())) == 0) return null;
        if (scope.communityCode() != null && (community = id("heatmap_community", scope.communityCode())) == 0)
            return null;
        boolean[] categories = null;
        if (!f.categories().isEmpty()) {
            categories = new boolean[Short.MAX_VALUE + 1];
            boolean any = false;
            for (String code : f.categories()) {
                int id = id("heatmap_category", code);
                if (id > 0) categories[id] = any = true;
            }
            if (!any) return null;
        }
        return new RecordFilter(
                street,
                community,
                categories,
                mask(f.sources(), SOURCES),
                mask(f.statuses(), STATUSES),
                mask(f.levels(), LEVELS),
                f.weight());
    }

    /** Bits 1.. of the allowed codes; all bits (every code and null) when the list is empty. */
    private static int mask(List<String> values, List<String> codes) {
        if (values.isEmpty()) return -1;
        int m = 0;
        for (String v : values) m |= 1 << (codes.indexOf(v) + 1);
        return m;
    }

    /** Id of a code in one of the id tables (ids never change), 0 when it has none yet (a miss is not cached). */
    private int id(String table, String code) {
        String key = table + ":" + code;
        Integer id = ids.get(key);
        if (id == null) {
            id = jdbc.sql("SELECT id FROM " + table + " WHERE code = :c") // table from the fixed names above
                    .param("c", code)
                    .query(Integer.class)
                    .optional()
                    .orElse(0);
            if (id != 0) ids.put(key, id);
        }
        return id;
    }

    /**
     * One request's filter over the packed records.
     *
     * @param street heatmap_street id the scope requires, 0 for any
     * @param community heatmap_community id the scope requires, 0 for any
     * @param categories allowed heatmap_category ids (small or big class), null for any
     * @param sources bit mask of allowed source codes
     * @param statuses bit mask of allowed status codes
     * @param levels bit mask of allowed resolution-level codes (bit 0: none)
     * @param weight count, open or dissatisfied
     */
    private record RecordFilter(
            int street, int community, boolean[] categories, int sources, int statuses, int levels, String weight) {

        /** The record's incidents counted by the weight, 0 when the record does not match. */
        int weight(ByteBuffer d, int at) {
            if (street != 0 && d.getInt(at + 16) != street) return 0;
            if (community != 0 && d.getInt(at + 20) != community) return 0;
            if (categories != null && !categories[d.getShort(at + 24)] && !categories[d.getShort(at + 26)]) return 0;
            int packed = d.getShort(at + 28);
            int status = (packed >> 5) & 7;
            if ((sources & (1 << (packed >> 8))) == 0
                    || (statuses & (1 << status)) == 0
                    || (levels & (1 << ((packed >> 3) & 3))) == 0) return 0;
            int n = d.getInt(at + 30);
            return switch (weight) {
                case "open" -> status != CLOSED ? n : 0;
                case "dissatisfied" -> (packed & 7) >= 1 && (packed & 7) <= 2 ? n : 0;
                default -> n;
            };
        }
    }
}
