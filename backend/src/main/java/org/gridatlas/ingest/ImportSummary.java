package org.gridatlas.ingest;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An import job as the API shows it.
 *
 * @param rejects the refused rows (empty for a successful job)
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
        List<RowProblem> rejects) {}
