package org.gridatlas.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.gridatlas.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL of import jobs and their rejected rows (tables import_job and import_reject). */
final class ImportJobs {
    /** Rows of the reject report shown inline in a job's summary; the CSV report has them all. */
    static final int INLINE_REJECTS = Problems.MAX;

    private final JdbcClient jdbc;

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A refused row for the report. @param raw the original row (personal columns masked) */
    public record Reject(int row, String field, String reason, String raw) {}

    long create(
            ImportKind kind,
            String format,
            ImportService.Upload upload,
            ImportOptions options,
            String username,
            Scope scope) {
        return jdbc.sql(
                        """
                        INSERT INTO import_job (kind, format, file_name, created_by, street_code, bytes_total, datum,
                          skip_bad_rows)
                        VALUES (:k, :f, :n, :u, :s, :b, :d, :skip) RETURNING id""")
                .param("k", kind.name())
                .param("f", format)
                .param("n", upload.fileName())
                .param("u", username)
                .param("s", scope.streetCode())
                .param("b", upload.size() < 0 ? null : upload.size())
                .param("d", options.datum().name())
                .param("skip", options.skipBadRows())
                .query(Long.class)
                .single();
    }

    void encoding(long job, String name) {
        jdbc.sql("UPDATE import_job SET encoding = :e WHERE id = :id")
                .param("e", name)
                .param("id", job)
                .update();
    }

    void progress(long job, int rows, long bytes) {
        jdbc.sql("UPDATE import_job SET rows_done = :r, bytes_done = :b WHERE id = :id")
                .param("r", rows)
                .param("b", bytes)
                .param("id", job)
                .update();
    }

    void succeeded(long job, ImportCounts c, Problems skipped) {
        jdbc.sql(
                        """
                        UPDATE import_job SET status = 'succeeded', finished_at = now(), rows_total = :r, rows_done = :r,
                          inserted = :i, updated = :u, unmatched = :m, rejected = :x, swapped = :w,
                          bytes_done = bytes_total WHERE id = :id""")
                .param("r", c.read())
                .param("i", c.inserted())
                .param("u", c.updated())
                .param("m", c.unmatched())
                .param("x", c.rejected())
                .param("w", c.swapped())
                .param("id", job)
                .update();
        insertRejects(job, skipped.list(), skipped);
    }

    void failed(long job, ImportRejectedException e) {
        Problems source = e.source();
        jdbc.sql(
                        """
                        UPDATE import_job SET status = 'failed', finished_at = now(), rejected = :n, message = :m
                        WHERE id = :id""")
                .param("n", source == null ? e.problems().size() : source.rejectedRows())
                .param("m", e.getMessage())
                .param("id", job)
                .update();
        insertRejects(job, e.problems(), source);
    }

    void failed(long job, String message) {
        jdbc.sql("UPDATE import_job SET status = 'failed', finished_at = now(), message = :m WHERE id = :id")
                .param("m", message)
                .param("id", job)
                .update();
    }

    private void insertRejects(long job, List<RowProblem> problems, Problems source) {
        for (RowProblem p : problems) {
            jdbc.sql(
                            """
                            INSERT INTO import_reject (job_id, row_number, field, reason, raw)
                            VALUES (:j, :r, :f, :why, :raw)""")
                    .param("j", job)
                    .param("r", p.row())
                    .param("f", p.field())
                    .param("why", p.reason())
                    .param("raw", source == null ? null : source.rawOf(p.row()))
                    .update();
        }
    }

    List<Reject> rejects(long job, int limit) {
        return jdbc.sql(
                        """
                        SELECT row_number, field, reason, raw FROM import_reject WHERE job_id = :j
                        ORDER BY row_number, id LIMIT :l""")
                .param("j", job)
                .param("l", limit)
                .query((rs, i) -> new Reject(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    Optional<ImportSummary> find(long id, Scope scope) {
        List<RowProblem> rejects = rejects(id, INLINE_REJECTS).stream()
                .map(r -> new RowProblem(r.row(), r.field(), r.reason()))
                .toList();
        return jdbc.sql(
                        """
                        SELECT id, kind, format, file_name, status, coalesce(rows_total, rows_done) AS read, inserted,
                               updated, rejected, unmatched, created_by, started_at, finished_at, message, street_code,
                               rows_done, coalesce(bytes_done, 0) AS bytes_done, coalesce(bytes_total, -1) AS bytes_total,
                               encoding, datum, swapped
                        FROM import_job WHERE id = :id""")
                .param("id", id)
                .query((rs, i) -> {
                    String street = rs.getString("street_code");
                    if (scope.streetCode() != null && !scope.streetCode().equals(street)) return null;
                    return summary(rs, rejects);
                })
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    private static ImportSummary summary(ResultSet rs, List<RowProblem> rejects) throws SQLException {
        long id = rs.getLong("id");
        String status = rs.getString("status");
        OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        ImportProgress progress = ImportProgress.of(
                "running".equals(status),
                rs.getInt("rows_done"),
                rs.getLong("bytes_done"),
                rs.getLong("bytes_total"),
                ImportService.seconds(started, finished));
        return new ImportSummary(
                id,
                rs.getString("kind"),
                rs.getString("format"),
                rs.getString("file_name"),
                status,
                rs.getInt("read"),
                rs.getInt("inserted"),
                rs.getInt("updated"),
                rs.getInt("rejected"),
                rs.getInt("unmatched"),
                rs.getString("created_by"),
                started,
                finished,
                rs.getString("message"),
                rejects,
                progress,
                rs.getString("encoding"),
                rs.getString("datum"),
                rs.getInt("swapped"),
                "/api/imports/" + id + "/rejects.csv");
    }
}
