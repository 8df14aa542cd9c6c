package org.gridatlas.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridatlas.support.Api;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freshness of the heat-map blocks: an import through the API has its months rebuilt in the background without any
 * tile asking, and updates mark a month dirty only when a column the blocks are built from changed (V15). The
 * incidents are put in May 2003 and June 2003, months in which the sample street has none, so the expected counts
 * are the fixture's own.
 */
class HeatmapFreshnessTest extends PostgisIntegrationTest {
    private static final String STREET = "330212008";

    @TempDir
    Path tmp;

    @AfterEach
    void removeFixture() {
        jdbc.sql("DELETE FROM incident WHERE external_id LIKE 'HMFRESH-%'").update();
        jdbc.sql("SELECT heatmap_refresh()").query(Integer.class).single();
    }

    @Test
    void anImportThroughTheApiHasItsMonthRebuiltWithoutAnyTileRequest() throws Exception {
        double[] p = aPointOfTheStreet();
        Path csv = tmp.resolve("fresh.csv");
        StringBuilder rows = new StringBuilder("external_id,source,category_big,category_small,reported_at,lon,lat\n");
        for (int i = 0; i < 3; i++) {
            rows.append("HMFRESH-%d,巡查,市容环境,暴露垃圾,2003-05-1%dT09:00:00+08:00,%s,%s\n"
                    .formatted(i, i, Double.toString(p[0]), Double.toString(p[1])));
        }
        Files.writeString(csv, rows, StandardCharsets.UTF_8);
        Api.Answer a = as("supervisor").upload("/api/imports", csv, "kind", "incidents");
        assertThat(a.status()).as(a.body()).isEqualTo(201);

        // no tile is requested: the import's own event starts the background refresh
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && !rebuilt("2003-05-01", 3)) Thread.sleep(100);
        assertThat(count("SELECT count(*) FROM heatmap_dirty_month WHERE month = '2003-05-01'"))
                .isZero();
        // the three incidents are in the month's per-street count and in its zoom-14 blocks
        assertThat(monthCount("2003-05-01")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM heatmap_block WHERE month = '2003-05-01' AND level = 14 AND cat = '*'"))
                .isEqualTo(1);
        // and in one point block: the three share position and every field but the time, so one record of n = 3
        // (n is the int4 at byte 30 of the 34-byte record, V17)
        assertThat(count("SELECT count(*) FROM heatmap_point_block WHERE month = '2003-05-01' AND points = 1"))
                .isEqualTo(1);
        assertThat(count("SELECT ('x' || encode(substring(data FROM 31 FOR 4), 'hex'))::bit(32)::int"
                        + " FROM heatmap_point_block WHERE month = '2003-05-01'"))
                .isEqualTo(3);
    }

    @Test
    void anUpdateMarksItsMonthOnlyWhenAColumnOfTheBlocksChanged() {
        double[] p = aPointOfTheStreet();
        jdbc.sql(
                        """
                INSERT INTO incident (external_id, source, category_code, category_big, reported_at, status,
                  location, geocode_quality, street_code)
                VALUES ('HMFRESH-U', 'patrol', '0101', '01', '2003-06-10T09:00:00+08:00', 'reported',
                  ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 'coordinates', :street)""")
                .param("lon", p[0])
                .param("lat", p[1])
                .param("street", STREET)
                .update();
        jdbc.sql("SELECT heatmap_refresh_month('2003-06-01')")
                .query(Integer.class)
                .single();
        assertThat(dirty("2003-06-01")).isFalse();

        // a plan publish re-assigns grids: not in the blocks, the month stays clean
        jdbc.sql(
                        "UPDATE incident SET grid_code = '330212008001099', grid_plan_id = NULL WHERE external_id = 'HMFRESH-U'")
                .update();
        assertThat(dirty("2003-06-01")).isFalse();

        // a new community (the point blocks carry it for the grid chiefs) is
        jdbc.sql("UPDATE incident SET community_code = '330212008001' WHERE external_id = 'HMFRESH-U'")
                .update();
        assertThat(dirty("2003-06-01")).isTrue();
        jdbc.sql("SELECT heatmap_refresh_month('2003-06-01')")
                .query(Integer.class)
                .single();

        // a status change is (the open-incident weight counts it)
        jdbc.sql("UPDATE incident SET status = 'closed', closed_at = reported_at + interval '1 day',"
                        + " resolved_at = reported_at + interval '1 day', accepted_at = reported_at,"
                        + " dispatched_at = reported_at WHERE external_id = 'HMFRESH-U'")
                .update();
        assertThat(dirty("2003-06-01")).isTrue();

        // moving the report to another month marks both months
        jdbc.sql("SELECT heatmap_refresh_month('2003-06-01')")
                .query(Integer.class)
                .single();
        jdbc.sql("UPDATE incident SET reported_at = '2003-07-02T09:00:00+08:00', accepted_at = NULL,"
                        + " dispatched_at = NULL, resolved_at = NULL, closed_at = NULL, status = 'reported'"
                        + " WHERE external_id = 'HMFRESH-U'")
                .update();
        assertThat(dirty("2003-06-01")).isTrue();
        assertThat(dirty("2003-07-01")).isTrue();
    }

    private double[] aPointOfTheStreet() {
        return jdbc.sql(
                        """
                SELECT ST_X(location), ST_Y(location) FROM incident
                WHERE street_code = :s AND location IS NOT NULL AND external_id NOT LIKE 'HMFRESH-%'
                ORDER BY id LIMIT 1""")
                .param("s", STREET)
                .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .single();
    }

    private boolean rebuilt(String month, int expected) {
        return !dirty(month) && monthCount(month) == expected;
    }

    private boolean dirty(String month) {
        return count("SELECT count(*) FROM heatmap_dirty_month WHERE month = '" + month + "'") > 0;
    }

    private int monthCount(String month) {
        return count("SELECT coalesce(sum(n), 0)::int FROM heatmap_month_street WHERE month = '" + month
                + "' AND street_code = '" + STREET + "'");
    }
}
