package org.gridatlas.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The fixture street 330299001 of the plan tests (fixtures/plan/three-grids.sql: one community of three grids with
 * hand-placed buildings) and its planner {@code planner-fixture}, added before and removed after each test.
 */
final class ThreeGridsFixture {
    static final String PLANNER = "planner-fixture";

    private ThreeGridsFixture() {}

    /** Removes any leftover, then loads the street and its planner with the given password. */
    static void load(JdbcClient jdbc, String password) throws IOException {
        remove(jdbc);
        jdbc.sql(new ClassPathResource("fixtures/plan/three-grids.sql").getContentAsString(StandardCharsets.UTF_8))
                .update();
        jdbc.sql("INSERT INTO app_user (username, password_hash, role, street_code)" + " VALUES ('" + PLANNER
                        + "', :h, 'planner', '330299001')")
                .param("h", new BCryptPasswordEncoder().encode(password))
                .update();
    }

    /** A GeoJSON feature: code (or null for none) and a geometry. */
    static String feature(String code, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{" + (code == null ? "" : "\"code\":\"" + code + "\"")
                + "},\"geometry\":" + geometry + "}";
    }

    /** The strip x0–x1 m of the community's full height (0–100 m), as GeoJSON in WGS84. */
    static String strip(JdbcClient jdbc, double x0, double x1) {
        return jdbc.sql("SELECT ST_AsGeoJSON(fixture_box(:a, 0, :b, 100), 9)")
                .param("a", x0)
                .param("b", x1)
                .query(String.class)
                .single();
    }

    /** A plan file (GeoJSON FeatureCollection) of the features, written into {@code dir}. */
    static Path planFile(Path dir, String name, String... features) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        return f;
    }

    /** Deletes the street with everything on it (plans, buildings, workers, the planner). */
    static void remove(JdbcClient jdbc) {
        for (String sql : List.of(
                "DELETE FROM app_user WHERE username = '" + PLANNER + "'",
                "DELETE FROM worker WHERE community_code = '330299001001'",
                "DELETE FROM building WHERE community_code = '330299001001'",
                "DELETE FROM boundary_plan WHERE street_code = '330299001'",
                "DELETE FROM community WHERE street_code = '330299001'",
                "DELETE FROM street WHERE code = '330299001'")) {
            jdbc.sql(sql).update();
        }
    }
}
