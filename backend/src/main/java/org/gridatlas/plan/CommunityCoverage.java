package org.gridatlas.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;

/**
 * The grids of one community in one plan, as a coverage in the deployment's metric CRS (metres): the grids should
 * tile the community with no gap and no overlap. Immutable; an edit yields a new coverage.
 *
 * @param community the community's polygon
 * @param grids grid code → polygonal geometry, in code order
 * @param buildings the community's buildings (they do not change with the plan)
 * @param fullTimeWorkers grid code → number of full-time workers (网格员) assigned to it
 */
public record CommunityCoverage(
        String communityCode,
        Geometry community,
        Map<String, Geometry> grids,
        List<PlanBuilding> buildings,
        Map<String, Integer> fullTimeWorkers) {

    public CommunityCoverage {
        grids = Collections.unmodifiableMap(new LinkedHashMap<>(grids));
        buildings = List.copyOf(buildings);
        fullTimeWorkers = Map.copyOf(fullTimeWorkers);
    }

    /** The same community with other grids. */
    public CommunityCoverage withGrids(Map<String, Geometry> newGrids) {
        return new CommunityCoverage(communityCode, community, newGrids, buildings, fullTimeWorkers);
    }

    public Geometry grid(String code) {
        Geometry g = grids.get(code);
        if (g == null) throw new PlanEditException("grid", "grid " + code + " is not in community " + communityCode);
        return g;
    }

    /**
     * The next free 15-digit grid code of the community: its 12-digit code and the lowest 3-digit sequence above
     * every sequence in use (codes of earlier plans included, so an archived code is never reused).
     */
    public String nextFreeCode(Set<String> alsoTaken) {
        TreeSet<String> taken = new TreeSet<>(grids.keySet());
        taken.addAll(alsoTaken);
        int seq = taken.stream()
                .filter(c -> c.startsWith(communityCode))
                .mapToInt(c -> Integer.parseInt(c.substring(12)))
                .max()
                .orElse(0);
        if (seq >= 999) throw new PlanEditException("grid", "community " + communityCode + " has no free grid number");
        return communityCode + String.format("%03d", seq + 1);
    }
}
