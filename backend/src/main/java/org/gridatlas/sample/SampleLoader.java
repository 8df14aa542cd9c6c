package org.gridatlas.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridatlas.ingest.ImportKind;
import org.gridatlas.ingest.ImportService;
import org.gridatlas.ingest.ImportSummary;
import org.gridatlas.security.Scope;
import org.gridatlas.security.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the sample street (gis-data/sample) through the same import code users use, file by file, and creates the
 * demo users. Runs when {@code gridatlas.sample.load=true} (scripts/run and the tests); a second start finds the
 * sample loaded and only refreshes the demo users, so nothing is duplicated.
 */
@Component
@ConditionalOnProperty(name = "gridatlas.sample.load", havingValue = "true")
class SampleLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(SampleLoader.class);
    /** In load order: each file refers to the ones before it. */
    private static final List<ImportKind> ORDER = List.of(
            ImportKind.streets,
            ImportKind.communities,
            ImportKind.grids,
            ImportKind.buildings,
            ImportKind.workers,
            ImportKind.assignments,
            ImportKind.incidents);

    private static final String LOADER = "sample-loader";

    private final ImportService imports;
    private final UserStore users;
    private final JdbcClient jdbc;
    private final Path dir;
    private final String demoPassword;

    SampleLoader(
            ImportService imports,
            UserStore users,
            JdbcClient jdbc,
            @Value("${gridatlas.sample.dir}") String dir,
            @Value("${gridatlas.sample.demo-password}") String demoPassword) {
        this.imports = imports;
        this.users = users;
        this.jdbc = jdbc;
        this.dir = Path.of(dir); // a file system path, not a Spring resource
        this.demoPassword = demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (loaded()) {
            log.info("sample street already loaded; reusing it");
        } else {
            long start = System.nanoTime();
            Scope admin = new Scope(Scope.ADMIN, null, null);
            for (ImportKind kind : ORDER) {
                Path file = dir.resolve(kind.name() + "." + kind.format());
                try (InputStream in = Files.newInputStream(file)) {
                    ImportSummary s = imports.run(kind, file.toString(), in, StandardCharsets.UTF_8, LOADER, admin);
                    log.info("sample {}: {} read, {} inserted, {} updated", kind, s.read(), s.inserted(), s.updated());
                }
            }
            log.info("sample street loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
        }
        createDemoUsers();
    }

    /** The last file of the sample was imported successfully by the loader. */
    private boolean loaded() {
        return jdbc.sql(
                                """
                        SELECT count(*) FROM import_job WHERE created_by = :u AND kind = 'incidents'
                          AND status = 'succeeded'""")
                        .param("u", LOADER)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private void createDemoUsers() {
        List<String> streets = jdbc.sql("SELECT code FROM street ORDER BY code")
                .query(String.class)
                .list();
        if (streets.isEmpty()) return;
        String street = streets.get(0);
        users.save("admin", demoPassword, new Scope(Scope.ADMIN, street, null), true);
        users.save("planner", demoPassword, new Scope(Scope.PLANNER, street, null), true);
        users.save("supervisor", demoPassword, new Scope(Scope.SUPERVISOR, street, null), true);
        List<String> communities = jdbc.sql("SELECT code FROM community WHERE street_code = :s ORDER BY code")
                .param("s", street)
                .query(String.class)
                .list();
        for (String c : communities) {
            users.save("chief-" + c, demoPassword, new Scope(Scope.GRID_CHIEF, street, c), true);
        }
        log.info(
                "demo users: admin, planner, supervisor, chief-<community code> x{} (street {})",
                communities.size(),
                street);
    }
}
