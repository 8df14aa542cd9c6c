package org.gridatlas.ingest;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the import dialog shows before a file is imported: the encoding and format as they will be read, the
 * header, which field each column maps to, and the first rows.
 *
 * @param mapping field → the file's header it was found under
 * @param problems problems of the header (a missing column, a mapping naming no column)
 */
public record ImportPreview(
        String format,
        String encoding,
        List<String> header,
        Map<String, String> mapping,
        List<List<String>> rows,
        List<RowProblem> problems) {
    static final int ROWS = 5;

    static ImportPreview read(
            Importer importer, InputStream raw, String fileName, Charset charset, ImportOptions options) {
        String format = options.formatFor(fileName, importer.kind());
        InputStream in = raw;
        Charset cs = charset;
        if (cs == null && "csv".equals(format)) {
            Encodings.Detected d = Encodings.detect(raw);
            in = d.in();
            cs = d.charset();
        }
        Problems problems = new Problems();
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        Tables.HeaderCheck keep = h -> header.addAll(h) || true;
        try {
            if ("xlsx".equals(format)) {
                XlsxRows.read(in, options.sheet(), problems, keep, r -> take(rows, r));
            } else if ("csv".equals(format)) {
                Tables.csv(in, cs, problems, keep, r -> take(rows, r));
            } else {
                problems.add(0, "format", "no preview for " + format);
            }
        } catch (Enough e) {
            // the first rows are read
        }
        Map<String, String> mapping = Map.of();
        var synonyms = importer.columns();
        if (synonyms != null && !header.isEmpty()) {
            mapping = ColumnMapping.resolve(header, synonyms, options.mapping(), problems)
                    .headers();
        }
        return new ImportPreview(format, cs == null ? null : cs.name(), header, mapping, rows, problems.list());
    }

    private static void take(List<List<String>> rows, Tables.TableRow r) {
        rows.add(r.values());
        if (rows.size() >= ROWS) throw new Enough();
    }

    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }
}
