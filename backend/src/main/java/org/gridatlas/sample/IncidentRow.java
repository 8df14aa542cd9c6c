package org.gridatlas.sample;

import java.time.OffsetDateTime;

/**
 * An incident / work order (事件/工单) as written to incidents.csv. Later lifecycle times are null while the
 * incident has not reached that stage; lon/lat are null when only the address is known.
 */
public record IncidentRow(
        String externalId,
        String source,
        String categoryBig,
        String categorySmall,
        String description,
        OffsetDateTime reportedAt,
        OffsetDateTime acceptedAt,
        OffsetDateTime dispatchedAt,
        OffsetDateTime resolvedAt,
        OffsetDateTime closedAt,
        String status,
        String resolutionLevel,
        Integer satisfaction,
        Double lon,
        Double lat,
        String address) {}
