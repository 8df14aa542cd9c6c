package org.gridatlas.incident;

import java.time.OffsetDateTime;

/**
 * The filters of the incident list (each may be null = no filter).
 *
 * @param from reported at or after
 * @param to reported before
 * @param category a big class (2 digits) or small class (4 digits) code
 * @param quality geocode quality; "unmatched" is the review queue
 */
record IncidentFilter(
        OffsetDateTime from,
        OffsetDateTime to,
        String category,
        String source,
        String status,
        String grid,
        String quality,
        int limit,
        int offset) {}
