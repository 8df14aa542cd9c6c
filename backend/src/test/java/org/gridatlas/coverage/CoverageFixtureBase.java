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

    @Autowired
    CoverageService service;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void load() {
        run("cleanup.sql");
        run("community.sql");
    }

    @AfterEach
    void remove() {
        run("cleanup.sql");
    }

    void run(String file) {
        new ResourceDatabasePopulator(new ClassPathResource("fixtures/coverage/" + file)).execute(dataSource);
    }
}
