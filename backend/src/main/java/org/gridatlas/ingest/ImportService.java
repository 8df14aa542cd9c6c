package org.gridatlas.ingest;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gridatlas.api.NotFoundException;
import org.gridatlas.security.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import: records the job, runs the kind's importer in one transaction (all or nothing, or good rows only
 * when asked to skip bad rows), and keeps the summary and the rejected rows for the reject report. Progress (rows,
 * bytes) is written from a second transaction while the import's own is open, so the page can follow a large file.
 * A job can run in the background ({@link #start}) on one import thread: imports are heavy and queue up. The
 * sample street is loaded through the same path.
 */
@Service
public class ImportService {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private final Map<ImportKind, Importer> importers = new EnumMap<>(ImportKind.class);
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate progressTx;
    private final ImportJobs jobs;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gridatlas-import");
        t.setDaemon(true);
        return t;
    });

    ImportService(
            List<Importer> importers,
            JdbcClient jdbc,
            TransactionTemplate tx,
            PlatformTransactionManager txm,
            org.springframework.context.ApplicationEventPublisher events) {
        importers.forEach(i -> this.importers.put(i.kind(), i));
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.progressTx = new TransactionTemplate(txm);
        this.progressTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jobs = new ImportJobs(jdbc);
    }

    /** A file to import: its bytes, name, size (-1 when unknown) and the encoding given (null: detect). */
    public record Upload(InputStream in, String fileName, long size, Charset charset) {}

    public ImportSummary run(
            ImportKind kind, String fileName, InputStream in, Charset charset, String username, Scope scope) {
        return run(kind, new Upload(in, fileName, -1, charset), ImportOptions.DEFAULT, username, scope);
    }

    /** Imports now, in the caller's thread; throws {@link ImportRejectedException} when the file is refused. */
    public ImportSummary run(ImportKind kind, Upload upload, ImportOptions options, String username, Scope scope) {
        Importer importer = importer(kind, scope);
        long job = jobs.create(kind, options.formatFor(upload.fileName(), kind), upload, options, username, scope);
        execute(importer, job, upload, options, username, scope);
        return find(job, scope);
    }

    /**
     * Imports in the background from a copy of the file (the upload's temporary file ends with the request) and
     * returns the running job at once; its progress and result are read with {@link #find}.
     */
    public ImportSummary start(ImportKind kind, Upload upload, ImportOptions options, String username, Scope scope) {
        Importer importer = importer(kind, scope);
        Path copy = copy(upload.in());
        long size = sizeOf(copy);
        Upload staged = new Upload(null, upload.fileName(), size, upload.charset());
        long job = jobs.create(kind, options.formatFor(upload.fileName(), kind), staged, options, username, scope);
        background.submit(() -> {
            try (InputStream in = Files.newInputStream(copy)) {
                execute(
                        importer,
                        job,
                        new Upload(in, upload.fileName(), size, upload.charset()),
                        options,
                        username,
                        scope);
            } catch (ImportRejectedException e) {
                // recorded on the job
            } catch (IOException | RuntimeException e) {
                log.error("import job {} failed", job, e);
                jobs.failed(job, "the import stopped: " + e.getClass().getSimpleName());
            } finally {
                deleteQuietly(copy);
            }
        });
        return find(job, scope);
    }

    /** The first rows of a file and the mapping of its columns, nothing stored. */
    public ImportPreview preview(ImportKind kind, Upload upload, ImportOptions options, Scope scope) {
        return ImportPreview.read(importer(kind, scope), upload.in(), upload.fileName(), upload.charset(), options);
    }

    private Importer importer(ImportKind kind, Scope scope) {
        Importer importer = importers.get(kind);
        if (importer == null) throw new IllegalStateException("no importer for " + kind);
        if (!importer.allowedFor(scope)) {
            throw new AccessDeniedException("role " + scope.role() + " may not import " + kind);
        }
        return importer;
    }

    private void execute(Importer importer, long job, Upload upload, ImportOptions options, String user, Scope scope) {
        CountingInputStream counted = new CountingInputStream(upload.in());
        InputStream in = counted;
        Charset charset = upload.charset();
        String format = options.formatFor(upload.fileName(), importer.kind());
        if (charset == null && "csv".equals(format)) {
            Encodings.Detected d = Encodings.detect(counted);
            in = d.in();
            charset = d.charset();
        }
        if (charset != null) jobs.encoding(job, charset.name());
        Problems problems = new Problems();
        Importer.Progress progress =
                rows -> progressTx.executeWithoutResult(s -> jobs.progress(job, rows, counted.count()));
        Importer.Context context = new Importer.Context(job, scope, user, problems, progress);
        Importer.Source source = new Importer.Source(in, charset, upload.fileName(), options);
        try {
            ImportCounts c = tx.execute(s -> importer.load(source, context));
            jobs.succeeded(job, c, problems);
            events.publishEvent(new ImportCompleted(importer.kind(), job)); // e.g. the heat map refreshes its months
        } catch (ImportRejectedException e) {
            jobs.failed(job, e);
            throw e.withJob(job);
        } catch (DataAccessException e) {
            // A constraint of the data model that the importer's checks did not foresee: still the file's fault.
            ImportRejectedException rejected = new ImportRejectedException(List.of(new RowProblem(
                    0,
                    null,
                    "refused by the data model: " + e.getMostSpecificCause().getMessage())));
            jobs.failed(job, rejected);
            throw rejected.withJob(job);
        }
    }

    public ImportSummary find(long id, Scope scope) {
        return jobs.find(id, scope)
                .orElseThrow(() -> new NotFoundException("id", "no import " + id + " in your scope"));
    }

    /** The reject report: every refused row with its number, field, reason and original text. */
    public List<ImportJobs.Reject> rejects(long id, Scope scope) {
        find(id, scope);
        return jobs.rejects(id, Integer.MAX_VALUE);
    }

    private static Path copy(InputStream in) {
        try {
            Path tmp = Files.createTempFile("gridatlas-import-", ".upload");
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("could not delete {}", p);
        }
    }

    static double seconds(OffsetDateTime from, OffsetDateTime to) {
        return Duration.between(from, to == null ? OffsetDateTime.now() : to).toMillis() / 1000.0;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
