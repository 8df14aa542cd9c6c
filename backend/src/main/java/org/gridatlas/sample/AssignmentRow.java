package org.gridatlas.sample;

import java.time.LocalDate;

/**
 * A worker's duty as written to assignments.csv.
 *
 * @param gridCode the grid (for building leaders: the grid they report to)
 * @param buildingCode the building looked after (building leaders only)
 * @param households households paired (party members only)
 * @param validTo null while ongoing
 */
public record AssignmentRow(
        String workerCode,
        String gridCode,
        String buildingCode,
        String role,
        Integer households,
        LocalDate validFrom,
        LocalDate validTo) {}
