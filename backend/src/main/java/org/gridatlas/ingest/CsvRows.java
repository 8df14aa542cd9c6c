package org.gridatlas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads a CSV file with a header row through Apache Commons CSV, streaming (a million rows need no more memory than
 * one). A UTF-8 byte-order mark is dropped (Commons CSV would keep it in the first header), and the charset is the
 * caller's (UTF-8 by default; GB18030 for files from Chinese Windows offices).
 */
public final class CsvRows {
    private CsvRows() {}

    /** One data row: its number (1 = first row under the header) and its values by header name. */
    public record Row(int number, CSVRecord record) {
        public String get(String column) {
            return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
        }

        public String raw() {
            return String.join(",", record.toList());
        }
    }

    /**
     * Reads every row; a missing required column is a problem of the whole file (row 0) and no row is read.
     *
     * @return the number of data rows read
     */
    public static int read(
            InputStream in, Charset charset, Set<String> requiredColumns, Problems problems, Consumer<Row> rows) {
        try (Reader reader = new InputStreamReader(
                        BOMInputStream.builder().setInputStream(in).get(), charset);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true)
                        .setIgnoreEmptyLines(true)
                        .get()
                        .parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = requiredColumns.stream()
                    .filter(c -> !header.containsKey(c))
                    .sorted()
                    .toList();
            if (!missing.isEmpty()) {
                problems.add(0, String.join(", ", missing), "required column missing from the header");
                return 0;
            }
            int n = 0;
            for (CSVRecord record : parser) {
                n++;
                if (!record.isConsistent()) {
                    problems.add(
                            n,
                            null,
                            "has " + record.size() + " values but the header has " + header.size() + " columns");
                    continue;
                }
                rows.accept(new Row(n, record));
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            problems.add(0, null, "not a readable CSV file: " + e.getMessage());
            return 0;
        }
    }
}
