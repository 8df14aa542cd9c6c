package org.gridatlas.coverage;

import javax.sql.DataSource;
import org.gridatlas.security.Scope;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Loads the hand-built community of fixtures/coverage (README there) before each test and removes it after. */
abstract class CoverageFixtureBase extends PostgisIntegrationTest {
    /** A planner of the fixture's street. */
    static final Scope STREET = new Scope(Scope.PLANNER, "330299001", null);

    static final String G1 = "330299001001001", G2 = "330299001001002", G3 = "330299001001003", G4 = "330299001001004";

    /** A WKT in fixture units (1 = 0.001°) placed at 120° E, 30° N, as the fixture's own shapes are. */
    static final String U = "ST_Multi(ST_SetSRID(ST_Affine(ST_GeomFromText(:wkt), 0.001, 0, 0, 0.001, 120, 30), 4326))";

    @Autowired
    CoverageService service;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void load() {
        run("cleanup.sql");
        run("community.sql");
    }

    /** The drafts a test made first (grids and history refer to them), then the fixture's own plans 990001/990002. */
    @AfterEach
    void remove() {
        String drafts = "(SELECT id FROM boundary_plan WHERE street_code = '330299001' AND id NOT IN (990001, 990002))";
        jdbc.sql("DELETE FROM grid WHERE plan_id IN " + drafts).update();
        jdbc.sql("DELETE FROM plan_event WHERE plan_id IN " + drafts).update();
        jdbc.sql("DELETE FROM boundary_plan WHERE id IN " + drafts).update();
        run("cleanup.sql");
    }

    void run(String file) {
        new ResourceDatabasePopulator(new ClassPathResource("fixtures/coverage/" + file)).execute(dataSource);
    }
}
