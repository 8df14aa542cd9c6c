package org.gridatlas.ingest;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An import job as the API shows it.
 *
 * @param status running, succeeded, failed or cancelled
 * @param rejected rows refused (the file's rows at fault; with skip-bad-rows the rows left out)
 * @param rejects the first refused rows (all of them in the reject report at {@code rejectReport})
 * @param progress rows done, estimated total, rate and time left
 * @param encoding the text encoding used (given or detected), null for binary formats
 * @param swapped rows whose longitude and latitude were given the wrong way round and were swapped back
 */
public record ImportSummary(
        long id,
        String kind,
        String format,
        String fileName,
        String status,
        int read,
        int inserted,
        int updated,
        int rejected,
        int unmatched,
        String createdBy,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        String message,
        List<RowProblem> rejects,
        ImportProgress progress,
        String encoding,
        String datum,
        int swapped,
        String rejectReport) {}
