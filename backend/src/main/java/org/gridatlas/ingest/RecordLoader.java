package org.gridatlas.ingest;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The loop every importer shares: read records, parse and check each one (problems name the row and field), write
 * the good ones in batches while the file is still clean, and throw at the end if anything was wrong — inside the
 * import's transaction, so a rejected file leaves nothing.
 */
public final class RecordLoader {
    private RecordLoader() {}

    /**
     * @param parse builds the record from a feature, or returns null after recording a problem
     * @param upsert writes a batch and returns how many of its records already existed (updated, not inserted)
     */
    public static <T> ImportCounts features(
            InputStream in,
            int batchSize,
            BiFunction<GeoJsonFeatures.Feature, Fields, T> parse,
            ToIntFunction<List<T>> upsert) {
        Problems problems = new Problems();
        int[] updated = {0};
        BatchWriter<T> writer = new BatchWriter<>(batchSize, batch -> updated[0] += upsert.applyAsInt(batch));
        int read = GeoJsonFeatures.readPolygons(in, problems, f -> {
            T record = parse.apply(f, new Fields(f.number(), f::text, problems));
            if (record != null && f.geometry() != null && !problems.any()) writer.add(record);
        });
        return finish(problems, writer, read, updated);
    }

    /** As {@link #features}, for a CSV file with a header. */
    public static <T> ImportCounts csv(
            InputStream in,
            Charset charset,
            Set<String> requiredColumns,
            int batchSize,
            BiFunction<CsvRows.Row, Fields, T> parse,
            ToIntFunction<List<T>> upsert) {
        Problems problems = new Problems();
        int[] updated = {0};
        BatchWriter<T> writer = new BatchWriter<>(batchSize, batch -> updated[0] += upsert.applyAsInt(batch));
        int read = CsvRows.read(in, charset, requiredColumns, problems, row -> {
            T record = parse.apply(row, new Fields(row.number(), row::get, problems));
            if (record != null && !problems.any()) writer.add(record);
        });
        return finish(problems, writer, read, updated);
    }

    /**
     * The loop for tabular files (CSV or .xlsx, columns found through a {@link ColumnMapping}): as {@link #csv}, but
     * with bad rows either refusing the file (default) or, when {@code skipBadRows}, left out and reported while the
     * good ones are stored. A problem of the whole file (row 0: a missing column, an unreadable file) always refuses
     * it. Progress is reported after every batch.
     *
     * @param read runs the reader, handing each row to the given consumer; returns the number of rows read
     * @param parse builds the record of a row, or returns null after recording a problem
     */
    public static <T> ImportCounts table(
            java.util.function.ToIntFunction<java.util.function.Consumer<Tables.TableRow>> read,
            Problems problems,
            boolean skipBadRows,
            int batchSize,
            java.util.function.Function<Tables.TableRow, T> parse,
            ToIntFunction<List<T>> upsert,
            Importer.Progress progress) {
        int[] counts = {0, 0}; // updated, rows written
        BatchWriter<T> writer = new BatchWriter<>(batchSize, batch -> {
            counts[0] += upsert.applyAsInt(batch);
            counts[1] += batch.size();
        });
        int[] sinceReport = {0};
        int rows = read.applyAsInt(row -> {
            int before = problems.count();
            T record = parse.apply(row);
            boolean bad = problems.count() > before;
            if (bad) problems.raw(row.number(), row.raw());
            boolean fileClean = skipBadRows ? !problems.fileProblem() : !problems.any();
            if (record != null && !bad && fileClean) writer.add(record);
            if (++sinceReport[0] >= batchSize) {
                progress.rowsDone(row.number());
                sinceReport[0] = 0;
            }
        });
        boolean refuse = skipBadRows ? problems.fileProblem() : problems.any();
        if (refuse) problems.throwIfAny();
        writer.flush();
        progress.rowsDone(rows);
        return new ImportCounts(rows, counts[1] - counts[0], counts[0], 0, problems.rejectedRows(), 0);
    }

    private static <T> ImportCounts finish(Problems problems, BatchWriter<T> writer, int read, int[] updated) {
        if (!problems.any()) writer.flush();
        problems.throwIfAny();
        return new ImportCounts(read, read - updated[0], updated[0], 0);
    }

    /** How many of the keys already exist in {@code table.column} (identifiers are the caller's constants). */
    public static int existing(JdbcClient jdbc, String table, String column, List<String> keys) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ANY(:k)")
                .param("k", keys.toArray(String[]::new))
                .query(Integer.class)
                .single();
    }
}
