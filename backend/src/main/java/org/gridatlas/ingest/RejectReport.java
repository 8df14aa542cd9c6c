package org.gridatlas.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The rejected rows of a job as a CSV file a user opens in Excel: row, column, reason, the original row. */
final class RejectReport {
    private RejectReport() {}

    static byte[] csv(List<ImportJobs.Reject> rejects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            p.printRecord("row", "field", "reason", "original_row");
            for (ImportJobs.Reject r : rejects) p.printRecord(r.row(), r.field(), r.reason(), r.raw());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
