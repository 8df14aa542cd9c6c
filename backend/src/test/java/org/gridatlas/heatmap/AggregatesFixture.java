package org.gridatlas.heatmap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hand-built street for the aggregate tests, far from the sample (100.50–100.51°E, 30.00–30.01°N): street
 * 990000001, one community 990000001001, a published plan with two grids (A west half, B east half), three
 * buildings (A: 100 + 150 households, B: 200) and seven incidents in March 2001 (A: 5, B: 2) whose lifecycle times
 * give the 三率 by hand (see {@code PerformanceApiTest}).
 */
public final class AggregatesFixture {
    public static final String STREET = "990000001";
    public static final String COMMUNITY = "990000001001";
    public static final String GRID_A = "990000001001001";
    public static final String GRID_B = "990000001001002";

    private AggregatesFixture() {}

    static String box(double x0, double y0, double x1, double y1) {
        return "MULTIPOLYGON(((%1$s %2$s,%3$s %2$s,%3$s %4$s,%1$s %4$s,%1$s %2$s)))".formatted(x0, y0, x1, y1);
    }

    public static void insert(JdbcClient jdbc) {
        remove(jdbc);
        String all = box(100.50, 30.00, 100.51, 30.01);
        jdbc.sql(
                        "INSERT INTO street (code, name, district_code, district_name, geom) VALUES ('990000001', '测试街道', '990000', '测试区', ST_GeomFromText(:g, 4326))")
                .param("g", all)
                .update();
        jdbc.sql(
                        "INSERT INTO community (code, street_code, name, geom) VALUES ('990000001001', '990000001', '测试社区', ST_GeomFromText(:g, 4326))")
                .param("g", all)
                .update();
        long plan = jdbc.sql(
                        "INSERT INTO boundary_plan (street_code, name, status, author, published_at) VALUES ('990000001', '测试方案', 'published', 'test', now()) RETURNING id")
                .query(Long.class)
                .single();
        grid(jdbc, plan, GRID_A, "甲网格", box(100.50, 30.00, 100.505, 30.01));
        grid(jdbc, plan, GRID_B, "乙网格", box(100.505, 30.00, 100.51, 30.01));
        building(jdbc, "FIXB1", box(100.5010, 30.0010, 100.5012, 30.0012), 100);
        building(jdbc, "FIXB2", box(100.5030, 30.0060, 100.5032, 30.0062), 150);
        building(jdbc, "FIXB3", box(100.5080, 30.0040, 100.5082, 30.0042), 200);
        // id, grid, building, lon, lat, reported, accepted, dispatched, resolved, closed, status, level, satisfaction
        incident(
                jdbc,
                "A1",
                GRID_A,
                "FIXB1",
                100.5011,
                30.0011,
                "2001-03-01 08:00",
                "2001-03-01 09:00",
                null,
                "2001-03-01 20:00",
                "2001-03-02 08:00",
                "closed",
                "community",
                5);
        incident(
                jdbc,
                "A2",
                GRID_A,
                "FIXB1",
                100.5011,
                30.0011,
                "2001-03-02 08:00",
                "2001-03-03 10:00",
                null,
                "2001-03-04 08:00",
                "2001-03-04 08:00",
                "closed",
                "department",
                2);
        incident(
                jdbc,
                "A3",
                GRID_A,
                "FIXB2",
                100.5031,
                30.0061,
                "2001-03-03 08:00",
                "2001-03-03 08:30",
                null,
                "2001-03-03 14:00",
                "2001-03-03 20:00",
                "closed",
                "community",
                4);
        incident(
                jdbc,
                "A4",
                GRID_A,
                "FIXB2",
                100.5031,
                30.0061,
                "2001-03-04 08:00",
                "2001-03-04 09:00",
                "2001-03-04 10:00",
                null,
                null,
                "dispatched",
                null,
                null);
        incident(
                jdbc,
                "A5",
                GRID_A,
                null,
                100.5020,
                30.0030,
                "2001-03-05 08:00",
                null,
                null,
                null,
                null,
                "reported",
                null,
                null);
        incident(
                jdbc,
                "B1",
                GRID_B,
                "FIXB3",
                100.5081,
                30.0041,
                "2001-03-06 08:00",
                "2001-03-06 10:00",
                null,
                "2001-03-07 08:00",
                "2001-03-08 08:00",
                "closed",
                "street",
                null);
        incident(
                jdbc,
                "B2",
                GRID_B,
                "FIXB3",
                100.5081,
                30.0041,
                "2001-03-07 08:00",
                "2001-03-07 09:00",
                null,
                "2001-03-07 18:00",
                null,
                "resolved",
                "community",
                3);
    }

    public static void remove(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM incident WHERE street_code = '990000001'").update();
        jdbc.sql("DELETE FROM building WHERE community_code = '990000001001'").update();
        jdbc.sql("DELETE FROM boundary_plan WHERE street_code = '990000001'").update();
        jdbc.sql("DELETE FROM community WHERE code = '990000001001'").update();
        jdbc.sql("DELETE FROM street WHERE code = '990000001'").update();
    }

    private static void grid(JdbcClient jdbc, long plan, String code, String name, String wkt) {
        jdbc.sql(
                        "INSERT INTO grid (plan_id, code, community_code, name, geom) VALUES (:p, :c, '990000001001', :n, ST_GeomFromText(:g, 4326))")
                .param("p", plan)
                .param("c", code)
                .param("n", name)
                .param("g", wkt)
                .update();
    }

    private static void building(JdbcClient jdbc, String code, String wkt, int households) {
        jdbc.sql(
                        """
                INSERT INTO building (code, community_code, address, address_norm, type, floors, households, residents, footprint)
                VALUES (:c, '990000001001', :c, :c, 'other', 6, :h, :h, ST_GeomFromText(:g, 4326))""")
                .param("c", code)
                .param("h", households)
                .param("g", wkt)
                .update();
    }

    private static void incident(
            JdbcClient jdbc,
            String id,
            String grid,
            String building,
            double lon,
            double lat,
            String reported,
            String accepted,
            String dispatched,
            String resolved,
            String closed,
            String status,
            String level,
            Integer satisfaction) {
        jdbc.sql(
                        """
                INSERT INTO incident (external_id, source, category_code, category_big, reported_at, accepted_at, dispatched_at,
                  resolved_at, closed_at, status, resolution_level, satisfaction, location, geocode_quality, street_code,
                  community_code, grid_code, building_id)
                VALUES (:id, 'hotline_12345', '1101', '11', CAST(:r AS timestamp) AT TIME ZONE 'Asia/Shanghai',
                  CAST(:a AS timestamp) AT TIME ZONE 'Asia/Shanghai', CAST(:d AS timestamp) AT TIME ZONE 'Asia/Shanghai',
                  CAST(:s AS timestamp) AT TIME ZONE 'Asia/Shanghai', CAST(:c AS timestamp) AT TIME ZONE 'Asia/Shanghai',
                  :status, :level, :sat, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 'coordinates', '990000001',
                  '990000001001', :grid, (SELECT id FROM building WHERE code = :building))""")
                .param("id", "HSFIX-" + id)
                .param("r", reported)
                .param("a", accepted)
                .param("d", dispatched)
                .param("s", resolved)
                .param("c", closed)
                .param("status", status)
                .param("level", level)
                .param("sat", satisfaction)
                .param("lon", lon)
                .param("lat", lat)
                .param("grid", grid)
                .param("building", building)
                .update();
    }
}
