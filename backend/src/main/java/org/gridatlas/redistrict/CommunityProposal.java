package org.gridatlas.redistrict;

import java.util.List;

/**
 * The proposal for one community.
 *
 * @param grids the proposed grids (locked grids are not listed: they stay as they are)
 * @param movedHouseholds households whose grid changes against the current plan
 * @param feasible whether every grid lies inside the band
 * @param infeasibility why no partition can put every grid inside the band (a proof), empty when none was found
 * @param notes what else the planner should know (compounds split, parts of the area without buildings)
 * @param stats balance and compactness of the proposal
 * @param baseline the same figures for recursive bisection with the same units and number of grids (scratch mode)
 * @param units number of building units the area was cut into
 * @param parts connected parts of the area (grids never cross between parts)
 */
public record CommunityProposal(
        String community,
        List<ProposedGrid> grids,
        int movedHouseholds,
        boolean feasible,
        List<String> infeasibility,
        List<String> notes,
        RegionStats stats,
        RegionStats baseline,
        int units,
        int parts) {}
