package org.gridatlas.worker;

import java.util.Arrays;
import java.util.List;
import org.gridatlas.api.PageRequest;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Grid workers and their current duties, limited to the scope; phone numbers only for roles that call them. */
@Service
public class WorkerService {
    private final JdbcClient jdbc;

    WorkerService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A worker as listed.
     *
     * @param name personal data, shown to the staff roles of the scope
     * @param phone personal data, null unless the caller's role needs it ({@link Scope#seesWorkerPhones()})
     * @param grids codes of the grids of the worker's current duties
     * @param buildings number of buildings the worker leads (楼长)
     */
    public record Worker(
            String code,
            String name,
            String phone,
            String kind,
            String communityCode,
            List<String> grids,
            List<String> roles,
            int buildings) {}

    /** One page of workers. */
    public record WorkerPage(int numberMatched, int numberReturned, List<Worker> workers) {}

    public WorkerPage workers(Scope scope, String community, PageRequest page) {
        String where =
                """
                FROM worker w
                WHERE (%s OR left(w.community_code, 9) = :scope_street)
                  AND (%s OR w.community_code = :scope_community)
                  AND (CAST(:community AS text) IS NULL OR w.community_code = :community)"""
                        .formatted(ScopeSql.STREET, ScopeSql.COMMUNITY);
        int matched = ScopeSql.bind(jdbc.sql("SELECT count(*) " + where), scope)
                .param("community", community)
                .query(Integer.class)
                .single();
        boolean phones = scope.seesWorkerPhones();
        List<Worker> workers = ScopeSql.bind(
                        jdbc.sql(
                                """
                                SELECT w.code, w.name, w.phone, w.kind, w.community_code,
                                  coalesce(array_to_string(ARRAY(SELECT DISTINCT a.grid_code FROM assignment a
                                    WHERE a.worker_id = w.id AND a.grid_code IS NOT NULL AND (a.valid_to IS NULL
                                    OR a.valid_to >= current_date) ORDER BY 1), ','), '') AS grids,
                                  coalesce(array_to_string(ARRAY(SELECT DISTINCT a.role FROM assignment a
                                    WHERE a.worker_id = w.id ORDER BY 1), ','), '') AS roles,
                                  (SELECT count(*) FROM assignment a WHERE a.worker_id = w.id
                                    AND a.building_id IS NOT NULL) AS buildings
                                """
                                        + where + " ORDER BY w.code LIMIT :limit OFFSET :offset"),
                        scope)
                .param("community", community)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query((rs, i) -> new Worker(
                        rs.getString("code"),
                        rs.getString("name"),
                        phones ? rs.getString("phone") : null,
                        rs.getString("kind"),
                        rs.getString("community_code"),
                        split(rs.getString("grids")),
                        split(rs.getString("roles")),
                        rs.getInt("buildings")))
                .list();
        return new WorkerPage(matched, workers.size(), workers);
    }

    private static List<String> split(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
