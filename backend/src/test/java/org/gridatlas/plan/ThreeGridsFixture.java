package org.gridatlas.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
