package org.gridatlas.worker;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.ingest.Codes;
import org.gridatlas.ingest.Fields;
import org.gridatlas.ingest.ImportCounts;
import org.gridatlas.ingest.ImportKind;
import org.gridatlas.ingest.Importer;
import org.gridatlas.ingest.RecordLoader;
import org.gridatlas.security.Scope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Duties of workers on grids (by grid code, which survives plan changes) or buildings, from CSV. A duty is known by
 * worker, role, grid or building and start date: importing it again updates it.
 */
@Component
class AssignmentImporter implements Importer {
    static final Set<String> ROLES =
            Set.of("grid_chief", "instructor", "part_time", "building_leader", "party_member", "volunteer", "mobile");
    private static final String UPSERT =
            """
            INSERT INTO assignment (worker_id, grid_code, building_id, role, households, valid_from, valid_to)
            VALUES (:worker, :grid, :building, :role, :households, :from, :to)
            ON CONFLICT (worker_id, role, coalesce(grid_code, ''), coalesce(building_id, 0), valid_from)
            DO UPDATE SET households = excluded.households, valid_to = excluded.valid_to""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    AssignmentImporter(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    private record WorkerRef(long id, String communityCode) {}

    @Override
    public ImportKind kind() {
        return ImportKind.assignments;
    }

    @Override
    public boolean allowedFor(Scope scope) {
        return !Scope.SUPERVISOR.equals(scope.role());
    }

    @Override
    public ImportCounts load(Source source, Context context) {
        Map<String, WorkerRef> workers = new HashMap<>();
        jdbc.sql("SELECT id, code, community_code FROM worker").query(rs -> {
            workers.put(rs.getString(2), new WorkerRef(rs.getLong(1), rs.getString(3)));
        });
        Map<String, Long> buildings = new HashMap<>();
        jdbc.sql("SELECT id, code FROM building").query(rs -> {
            buildings.put(rs.getString(2), rs.getLong(1));
        });
        return RecordLoader.csv(
                source.in(),
                source.charset(),
                Set.of("worker_code", "role", "valid_from"),
                1000,
                (row, fields) -> parse(fields, context.scope(), workers, buildings),
                this::upsert);
    }

    private MapSqlParameterSource parse(
            Fields fields, Scope scope, Map<String, WorkerRef> workers, Map<String, Long> buildings) {
        String workerCode = fields.text("worker_code", true);
        String grid = fields.text("grid_code", false);
        String buildingCode = fields.text("building_code", false);
        String role = fields.oneOf("role", ROLES, true);
        Integer households = fields.integer("households", false, 0, 10_000);
        LocalDate from = fields.date("valid_from", true);
        LocalDate to = fields.date("valid_to", false);
        WorkerRef worker = workerCode == null ? null : workers.get(workerCode);
        if (workerCode != null && worker == null) fields.problem("worker_code", "unknown worker " + workerCode);
        if (grid != null && !Codes.GRID.matcher(grid).matches()) {
            fields.problem("grid_code", "'" + grid + "' is not a 15-digit grid code");
        }
        if (grid == null && buildingCode == null) fields.problem("grid_code", "grid_code or building_code is required");
        Long building = buildingCode == null ? null : buildings.get(buildingCode);
        if (buildingCode != null && building == null)
            fields.problem("building_code", "unknown building " + buildingCode);
        if (from != null && to != null && to.isBefore(from)) fields.problem("valid_to", "is before valid_from");
        if (worker != null && !scope.covers(worker.communityCode())) {
            fields.problem("worker_code", "worker " + workerCode + " is outside your scope");
        }
        if (worker == null || role == null || from == null || (grid == null && building == null)) return null;
        return new MapSqlParameterSource()
                .addValue("worker", worker.id())
                .addValue("grid", grid)
                .addValue("building", building)
                .addValue("role", role)
                .addValue("households", households)
                .addValue("from", from)
                .addValue("to", to);
    }

    private int upsert(List<MapSqlParameterSource> batch) {
        int existing = 0;
        for (MapSqlParameterSource p : batch) {
            existing += jdbc.sql(
                            """
                            SELECT count(*) FROM assignment WHERE worker_id = :worker AND role = :role
                              AND coalesce(grid_code, '') = coalesce(CAST(:grid AS text), '')
                              AND coalesce(building_id, 0) = coalesce(CAST(:building AS bigint), 0)
                              AND valid_from = :from""")
                    .param("worker", p.getValue("worker"))
                    .param("role", p.getValue("role"))
                    .param("grid", p.getValue("grid"))
                    .param("building", p.getValue("building"))
                    .param("from", p.getValue("from"))
                    .query(Integer.class)
                    .single();
        }
        named.batchUpdate(UPSERT, batch.toArray(MapSqlParameterSource[]::new));
        return existing;
    }
}
