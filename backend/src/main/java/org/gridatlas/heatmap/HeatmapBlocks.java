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
 * The pre-aggregated heat-map pyramid (heatmap_block, V9__heatmap_blocks.sql): per zoom level 8–14, category slice
 * and month, the non-empty Web-Mercator pixel cells of a 64×64-cell block packed into one bytea. A tile reads the
 * blocks under its extent and margin — a few hundred rows at most for a 12-month range, whatever the number of
 * incidents — and sums the months here, so the kernel sees each cell once.
 */
@Repository
class HeatmapBlocks {
    static final int BLOCK_SHIFT = 6;
    private static final int RECORD_BYTES = 18;

    private static final String READ =
            """
            SELECT month, bx, by, data FROM heatmap_block
            WHERE level = :level AND cat = ANY (CAST(:cats AS text[]))
              AND bx BETWEEN :bx0 AND :bx1 AND by BETWEEN :by0 AND :by1
              AND (month BETWEEN :a_from AND :a_to
                   OR (CAST(:b_from AS date) IS NOT NULL AND month BETWEEN :b_from AND :b_to))""";

    private final JdbcClient jdbc;
    private final Map<String, Integer> streetIds = new ConcurrentHashMap<>();

    HeatmapBlocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Months whose blocks are out of date (marked by the incident triggers), newest first. */
    List<LocalDate> dirtyMonths() {
        return jdbc.sql("SELECT month FROM heatmap_dirty_month ORDER BY month DESC")
                .query(LocalDate.class)
                .list();
    }

    /** Whether a month of the filter's period or comparison period is out of date. */
    boolean dirty(HeatmapFilter f) {
        return jdbc.sql(
                        """
                SELECT EXISTS (SELECT 1 FROM heatmap_dirty_month
                  WHERE month BETWEEN :a_from AND :a_to
                     OR (CAST(:b_from AS date) IS NOT NULL AND month BETWEEN :b_from AND :b_to))""")
                .param("a_from", f.period().firstDay())
                .param("a_to", f.period().lastMonthFirstDay())
                .param("b_from", f.compare() == null ? null : f.compare().firstDay())
                .param("b_to", f.compare() == null ? null : f.compare().lastMonthFirstDay())
                .query(Boolean.class)
                .single();
    }

    /** Rebuilds one month's blocks in its own transaction; returns the blocks written. */
    int refreshMonth(LocalDate month) {
        return jdbc.sql("SELECT heatmap_refresh_month(:m)")
                .param("m", month)
                .query(Integer.class)
                .single();
    }

    /** Rebuilds every dirty month now (tests, maintenance); returns the months rebuilt. */
    int refreshAll() {
        return jdbc.sql("SELECT heatmap_refresh()").query(Integer.class).single();
    }

    /**
     * Cells of one level whose centres fall in the Mercator rectangle, at their centres, months summed with the
     * period's weights (negative for the comparison period), restricted to the scope's street.
     */
    WeightedPoints read(Scope scope, HeatmapFilter f, int level, double minX, double minY, double maxX, double maxY) {
        double ps = WebMercator.pixelSize(level);
        long cx0 = (long) Math.floor((minX + WebMercator.HALF) / ps);
        long cx1 = (long) Math.floor((maxX + WebMercator.HALF) / ps);
        long cy0 = (long) Math.floor((WebMercator.HALF - maxY) / ps);
        long cy1 = (long) Math.floor((WebMercator.HALF - minY) / ps);
        Integer street = scope.streetCode() == null ? null : streetId(scope.streetCode());
        CellSums sums = new CellSums(cx0, cy0, cx1, cy1);
        if (scope.streetCode() != null && street == null) return sums.points(level); // no incident of the street yet
        double aw = 1.0 / f.period().months();
        double bw = f.compare() == null ? 0.0 : -1.0 / f.compare().months();
        LocalDate aFrom = f.period().firstDay(), aTo = f.period().lastMonthFirstDay();
        int valueOffset = 6 + 4 * weightIndex(f.weight());
        jdbc.sql(READ)
                .param("level", level)
                .param(
                        "cats",
                        f.categories().isEmpty()
                                ? new String[] {"*"}
                                : f.categories().toArray(new String[0]))
                .param("bx0", cx0 >> BLOCK_SHIFT)
                .param("bx1", cx1 >> BLOCK_SHIFT)
                .param("by0", cy0 >> BLOCK_SHIFT)
                .param("by1", cy1 >> BLOCK_SHIFT)
                .param("a_from", aFrom)
                .param("a_to", aTo)
                .param("b_from", f.compare() == null ? null : f.compare().firstDay())
                .param("b_to", f.compare() == null ? null : f.compare().lastMonthFirstDay())
                .query(rs -> {
                    LocalDate month = rs.getObject(1, LocalDate.class);
                    double w = !month.isBefore(aFrom) && !month.isAfter(aTo) ? aw : bw;
                    long baseX = rs.getLong(2) << BLOCK_SHIFT, baseY = rs.getLong(3) << BLOCK_SHIFT;
                    ByteBuffer data = ByteBuffer.wrap(rs.getBytes(4));
                    for (int at = 0; at + RECORD_BYTES <= data.limit(); at += RECORD_BYTES) {
                        int pos = data.getShort(at) & 0xFFFF;
                        long cx = baseX + (pos >> BLOCK_SHIFT), cy = baseY + (pos & 63);
                        if (cx < cx0 || cx > cx1 || cy < cy0 || cy > cy1) continue;
                        if (street != null && data.getInt(at + 2) != street) continue;
                        int n = data.getInt(at + valueOffset);
                        if (n != 0) sums.add(cx, cy, n * w);
                    }
                });
        return sums.points(level);
    }

    private Integer streetId(String code) {
        Integer id = streetIds.get(code);
        if (id == null) {
            id = jdbc.sql("SELECT id FROM heatmap_street WHERE code = :c")
                    .param("c", code)
                    .query(Integer.class)
                    .optional()
                    .orElse(null);
            if (id != null) streetIds.put(code, id); // ids never change; a miss is not cached
        }
        return id;
    }

    /** Position of the weight's count after the cell position and street id: n, n_open, n_dissatisfied. */
    private static int weightIndex(String weight) {
        return switch (weight) {
            case "open" -> 1;
            case "dissatisfied" -> 2;
            default -> 0;
        };
    }

    /**
     * Weights summed per cell, then the cells at their centres. A tile's cells (its 256×256 pixels plus the margin)
     * are summed in a dense array indexed by position — a 12-month zoom-11 tile at district scale adds several
     * hundred thousand records, and direct indexing is several times cheaper than hashing them; rectangles too large
     * for an array (zoom 0–7 read at level 8, large exports) use open addressing on the packed cell key.
     */
    static final class CellSums {
        /** Largest rectangle summed in a dense array (8 MB of doubles). */
        static final long DENSE_MAX_CELLS = 1 << 20;

        private final long cx0, cy0;
        private final int width;
        private final double[] dense;
        private long[] keys;
        private double[] values;
        private boolean[] used;
        private int size;

        CellSums(long cx0, long cy0, long cx1, long cy1) {
            this.cx0 = cx0;
            this.cy0 = cy0;
            long w = cx1 - cx0 + 1, h = cy1 - cy0 + 1;
            if (w > 0 && h > 0 && w * h <= DENSE_MAX_CELLS) {
                width = (int) w;
                dense = new double[(int) (w * h)];
            } else {
                width = 0;
                dense = null;
                keys = new long[1024];
                values = new double[1024];
                used = new boolean[1024];
            }
        }

        void add(long cx, long cy, double w) {
            if (dense != null) {
                dense[(int) ((cy - cy0) * width + (cx - cx0))] += w;
                return;
            }
            if (2 * (size + 1) > keys.length) grow();
            long key = (cx << 32) | cy;
            int i = slot(keys, used, key);
            if (!used[i]) {
                used[i] = true;
                keys[i] = key;
                size++;
            }
            values[i] += w;
        }

        WeightedPoints points(int level) {
            WeightedPoints out = new WeightedPoints();
            if (dense != null) {
                for (int k = 0; k < dense.length; k++) {
                    if (dense[k] != 0) {
                        out.add(
                                WebMercator.pixelX(level, cx0 + k % width + 0.5),
                                WebMercator.pixelY(level, cy0 + k / width + 0.5),
                                dense[k]);
                    }
                }
                return out;
            }
            for (int i = 0; i < keys.length; i++) {
                if (used[i] && values[i] != 0) {
                    out.add(
                            WebMercator.pixelX(level, (keys[i] >>> 32) + 0.5),
                            WebMercator.pixelY(level, (keys[i] & 0xFFFFFFFFL) + 0.5),
                            values[i]);
                }
            }
            return out;
        }

        private static int slot(long[] keys, boolean[] used, long key) {
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (used[i] && keys[i] != key) i = (i + 1) & mask;
            return i;
        }

        private static long mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            return k;
        }

        private void grow() {
            long[] oldKeys = keys;
            double[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            values = new double[keys.length];
            used = new boolean[keys.length];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    int j = slot(keys, used, oldKeys[i]);
                    used[j] = true;
                    keys[j] = oldKeys[i];
                    values[j] = oldValues[i];
                }
            }
        }
    }
}
