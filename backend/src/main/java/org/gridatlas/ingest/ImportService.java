package org.gridatlas.ingest;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.NotFoundException;
import org.gridatlas.security.Scope;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import: records the job, runs the kind's importer in one transaction (all or nothing), and keeps the
 * summary and the rejected rows for the reject report. The sample street is loaded through the same path.
 */
@Service
public class ImportService {
    private final Map<ImportKind, Importer> importers = new EnumMap<>(ImportKind.class);
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ImportService(List<Importer> importers, JdbcClient jdbc, TransactionTemplate tx) {
        importers.forEach(i -> this.importers.put(i.kind(), i));
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public ImportSummary run(
            ImportKind kind, String fileName, InputStream in, Charset charset, String username, Scope scope) {
        Importer importer = importers.get(kind);
        if (importer == null) throw new IllegalStateException("no importer for " + kind);
        if (!importer.allowedFor(scope)) {
            throw new AccessDeniedException("role " + scope.role() + " may not import " + kind);
        }
        long job = jdbc.sql(
                        """
                        INSERT INTO import_job (kind, format, file_name, created_by, street_code)
                        VALUES (:k, :f, :n, :u, :s) RETURNING id""")
                .param("k", kind.name())
                .param("f", kind.format())
                .param("n", fileName)
                .param("u", username)
                .param("s", scope.streetCode())
                .query(Long.class)
                .single();
        try {
            ImportCounts c = tx.execute(s -> importer.load(
                    new Importer.Source(in, charset, fileName), new Importer.Context(job, scope, username)));
            jdbc.sql(
                            """
                            UPDATE import_job SET status = 'succeeded', finished_at = now(), rows_total = :r, rows_done = :r,
                              inserted = :i, updated = :u, unmatched = :m WHERE id = :id""")
                    .param("r", c.read())
                    .param("i", c.inserted())
                    .param("u", c.updated())
                    .param("m", c.unmatched())
                    .param("id", job)
                    .update();
            return find(job, scope);
        } catch (ImportRejectedException e) {
            fail(job, e);
            throw e.withJob(job);
        } catch (DataAccessException e) {
            // A constraint of the data model that the importer's checks did not foresee: still the file's fault.
            ImportRejectedException rejected = new ImportRejectedException(List.of(new RowProblem(
                    0,
                    null,
                    "refused by the data model: " + e.getMostSpecificCause().getMessage())));
            fail(job, rejected);
            throw rejected.withJob(job);
        }
    }

    private void fail(long job, ImportRejectedException e) {
        jdbc.sql(
                        """
                        UPDATE import_job SET status = 'failed', finished_at = now(), rejected = :n, message = :m
                        WHERE id = :id""")
                .param("n", e.problems().size())
                .param("m", e.getMessage())
                .param("id", job)
                .update();
        for (RowProblem p : e.problems()) {
            jdbc.sql("INSERT INTO import_reject (job_id, row_number, field, reason) VALUES (:j, :r, :f, :why)")
                    .param("j", job)
                    .param("r", p.row())
                    .param("f", p.field())
                    .param("why", p.reason())
                    .update();
        }
    }

    public ImportSummary find(long id, Scope scope) {
        List<RowProblem> rejects = jdbc.sql(
                        "SELECT row_number, field, reason FROM import_reject WHERE job_id = :j ORDER BY row_number, id")
                .param("j", id)
                .query((rs, i) -> new RowProblem(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
        return jdbc.sql(
                        """
                        SELECT id, kind, format, file_name, status, coalesce(rows_total, 0) AS read, inserted, updated,
                               rejected, unmatched, created_by, started_at, finished_at, message, street_code
                        FROM import_job WHERE id = :id""")
                .param("id", id)
                .query((rs, i) -> {
                    String street = rs.getString("street_code");
                    if (scope.streetCode() != null && !scope.streetCode().equals(street)) return null;
                    return new ImportSummary(
                            rs.getLong("id"),
                            rs.getString("kind"),
                            rs.getString("format"),
                            rs.getString("file_name"),
                            rs.getString("status"),
                            rs.getInt("read"),
                            rs.getInt("inserted"),
                            rs.getInt("updated"),
                            rs.getInt("rejected"),
                            rs.getInt("unmatched"),
                            rs.getString("created_by"),
                            rs.getObject("started_at", java.time.OffsetDateTime.class),
                            rs.getObject("finished_at", java.time.OffsetDateTime.class),
                            rs.getString("message"),
                            rejects);
                })
                .optional()
                .filter(java.util.Objects::nonNull)
                .orElseThrow(() -> new NotFoundException("id", "no import " + id + " in your scope"));
    }
}
