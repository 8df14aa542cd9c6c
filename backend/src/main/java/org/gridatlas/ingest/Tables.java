package org.gridatlas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Tabular files (CSV, .xlsx) as a header and rows of text, whatever the format: the importers that accept
 * spreadsheets map columns with {@link ColumnMapping} and never see the format. CSV is streamed (a million rows
 * need the memory of one); see {@link XlsxRows} for spreadsheets.
 */
public final class Tables {
    private Tables() {}

    /**
     * A data row: its number (1 = first row under the header), its values and the original text for rejects.
     *
     * @param raw the original text, or null to join the values when a reject report asks for it (most rows are
     *     good: a million joined strings nobody reads are not made)
     */
    public record TableRow(int number, List<String> values, String raw) {
        public TableRow(int number, List<String> values) {
            this(number, values, null);
        }

        @Override
        public String raw() {
            return raw != null ? raw : String.join(",", values);
        }
    }

    /** Receives the header before the first row; returns false to stop (a problem of the whole file). */
    public interface HeaderCheck {
        boolean accept(List<String> header);
    }

    /** Reads a CSV file; a UTF-8 BOM is dropped. @return the number of data rows */
    public static int csv(
            InputStream in, Charset charset, Problems problems, HeaderCheck header, Consumer<TableRow> rows) {
        try (Reader reader = new InputStreamReader(
                        BOMInputStream.builder().setInputStream(in).get(), charset);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setIgnoreSurroundingSpaces(true)
                        .setIgnoreEmptyLines(true)
                        .get()
                        .parse(reader)) {
            var it = parser.iterator();
            if (!it.hasNext()) {
                problems.add(0, null, "the file is empty: no header row");
                return 0;
            }
            List<String> head = it.next().toList();
            if (!header.accept(head)) return 0;
            int n = 0;
            while (it.hasNext()) {
                CSVRecord record = it.next();
                n++;
                List<String> values = record.toList();
                if (values.size() != head.size()) {
                    problems.add(
                            n, null, "has " + values.size() + " values but the header has " + head.size() + " columns");
                    problems.raw(n, String.join(",", values));
                    continue;
                }
                rows.accept(new TableRow(n, values));
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            problems.add(0, null, "not a readable CSV file: " + e.getMessage());
            return 0;
        }
    }
}
