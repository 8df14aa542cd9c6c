package org.gridatlas.coverage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * The coverage figures of a community or a street: sums over its grids, with its faults counted by kind.
 *
 * @param level community or street
 * @param areaM2 area of its grids in m²
 * @param fullTimeWorkers distinct full-time workers of its grids
 * @param householdsPerFullTimeWorker households ÷ full-time workers, null without one
 * @param gapM2 area of the gaps in m²
 * @param overlapM2 area of the overlaps in m²
 * @param faults number of faults by kind
 * @param geometry the community or street as GeoJSON text when asked for
 */
public record AreaRollup(
        String level,
        String code,
        String name,
        int grids,
        int buildings,
        int households,
        int residents,
        int floorsWithoutLift,
        double areaM2,
        int fullTimeWorkers,
        Double householdsPerFullTimeWorker,
        String workerStatus,
        int partyMembers,
        int householdsPaired,
        int pairingTarget,
        int incidents,
        int gridsBelowNorm,
        int gridsWithinNorm,
        int gridsAboveNorm,
        double gapM2,
        double overlapM2,
        Map<String, Integer> faults,
        @JsonIgnore String geometry) {}
