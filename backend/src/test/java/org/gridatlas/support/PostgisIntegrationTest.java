package org.gridatlas.support;

import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, against the real PostGIS test database
 * that scripts/test prepares, with the sample street loaded once per test run (the Spring context is shared by
 * every test class that extends this one).
 *
 * <p>The database comes from SPRING_DATASOURCE_URL (or GRIDATLAS_TEST_JDBC_URL). There is no fallback to a mock or
 * an in-memory database: without a URL the tests fail and say how to get one.
 */
@Tag("integration")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gridatlas.sample.load=true", "gridatlas.sample.dir=../gis-data/sample"})
public abstract class PostgisIntegrationTest {
    public static final String DEMO_PASSWORD = "demo";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) url = System.getenv("GRIDATLAS_TEST_JDBC_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("No PostGIS test database: run the tests with scripts/test (it starts the "
                    + "project's private PostGIS cluster), or set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME "
                    + "and SPRING_DATASOURCE_PASSWORD to a PostGIS database the tests may fill.");
        }
        String jdbcUrl = url;
        registry.add("spring.datasource.url", () -> jdbcUrl);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** An HTTP client signed in as the given demo user (HTTP Basic). */
    protected Api as(String user) {
        return new Api(baseUrl(), user, DEMO_PASSWORD);
    }

    /** An HTTP client with no credentials. */
    protected Api anonymous() {
        return new Api(baseUrl(), null, null);
    }

    protected int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
