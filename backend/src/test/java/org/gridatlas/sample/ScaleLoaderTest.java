package org.gridatlas.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.gridatlas.support.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The COPY scale loader into a schema of its own (migrated by Flyway, so the sample street of the other tests is
 * untouched): what lands in the tables is compared with the same street generated again in memory, and the
 * placement of every incident with PostGIS's own ST_Intersects against the loaded grids.
 */
class ScaleLoaderTest extends PostgisIntegrationTest {
    private static final String SCHEMA = "scale_loader_test";

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String user;

    @Value("${spring.datasource.password}")
    String password;

    /** Collects the generated streets in memory. */
    private static final class Collect implements SampleSink {
        final List<StreetSample> streets = new ArrayList<>();

        @Override
        public void accept(StreetSample street) {
            streets.add(street);
        }

        @Override
        public void finish(Manifest manifest) {}

        @Override
        public void close() {}
    }

    private Connection connect() throws Exception {
        Connection db = DriverManager.getConnection(url, user, password);
        try (Statement s = db.createStatement()) {
            s.execute("SET search_path = " + SCHEMA + ", public");
        }
        return db;
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection db = connect();
                Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static long one(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void loadsAStreetWithCopyAsGeneratedAndPlacesIncidentsAsPostgisDoes() throws Exception {
        try (Connection db = connect();
                Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas(SCHEMA)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        GeneratorOptions options = new GeneratorOptions(7L, 1, Path.of("unused"), 3_000);
        Collect expected = new Collect();
        SampleStreetGenerator.generate(options, expected);
        StreetSample street = expected.streets.get(0);

        try (Connection db = connect()) {
            ScaleLoader.load(db, "streets-1", options);

            assertThat(one(db, "SELECT count(*) FROM street")).isEqualTo(1);
            assertThat(one(db, "SELECT count(*) FROM community"))
                    .isEqualTo(street.communities().size());
            assertThat(one(db, "SELECT count(*) FROM grid"))
                    .isEqualTo(street.grids().size());
            assertThat(one(db, "SELECT count(*) FROM building"))
                    .isEqualTo(street.buildings().size());
            assertThat(one(db, "SELECT sum(households) FROM building"))
                    .isEqualTo(street.buildings().stream()
                            .mapToLong(BuildingFeature::households)
                            .sum());
            assertThat(one(db, "SELECT count(*) FROM worker"))
                    .isEqualTo(street.workers().size());
            assertThat(one(db, "SELECT count(*) FROM assignment"))
                    .isEqualTo(street.assignments().size());
            assertThat(one(db, "SELECT count(*) FROM incident"))
                    .isEqualTo(street.incidents().size());
            long located =
                    street.incidents().stream().filter(i -> i.lon() != null).count();
            assertThat(one(db, "SELECT count(*) FROM incident WHERE location IS NOT NULL"))
                    .isEqualTo(located);
            // every located incident: the grid PostGIS finds (lowest code where grids overlap) is the one stored
            assertThat(
                            one(
                                    db,
                                    """
                            SELECT count(*) FROM incident i
                            WHERE i.location IS NOT NULL AND i.grid_code IS DISTINCT FROM
                              (SELECT min(g.code) FROM grid g WHERE ST_Intersects(g.geom, i.location))"""))
                    .isZero();
            assertThat(
                            one(
                                    db,
                                    """
                            SELECT count(*) FROM incident i
                            WHERE i.location IS NOT NULL AND i.community_code IS DISTINCT FROM
                              (SELECT min(c.code) FROM community c WHERE ST_Intersects(c.geom, i.location))"""))
                    .isZero();
            assertThat(one(db, "SELECT count(*) FROM incident WHERE grid_code IS NOT NULL"))
                    .isGreaterThan(located * 9 / 10);
            // building leaders' duties point at the building of the same code
            long leaders = street.assignments().stream()
                    .filter(a -> a.buildingCode() != null)
                    .count();
            assertThat(one(db, "SELECT count(*) FROM assignment a JOIN building b ON b.id = a.building_id"))
                    .isEqualTo(leaders);
            // sequences moved past the explicit ids: a new building gets a fresh id
            assertThat(one(db, "SELECT nextval('building_id_seq')"))
                    .isGreaterThan(one(db, "SELECT max(id) FROM building"));

            ScaleLoader.load(db, "streets-1", options); // the second run reuses the data set
            assertThat(one(db, "SELECT count(*) FROM incident"))
                    .isEqualTo(street.incidents().size());
            assertThat(one(db, "SELECT count(*) FROM scale_dataset")).isEqualTo(1);
            assertThat(one(
                            db,
                            "SELECT count(*) FROM pg_indexes WHERE tablename = 'incident' AND schemaname = '" + SCHEMA
                                    + "'"))
                    .as("incident indexes rebuilt after the load")
                    .isEqualTo(one(
                            db,
                            "SELECT count(*) FROM pg_indexes WHERE tablename = 'incident'"
                                    + " AND schemaname = 'public'"));
        }
    }
}
