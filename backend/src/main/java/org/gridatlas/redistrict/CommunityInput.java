package org.gridatlas.redistrict;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * What a proposal for one community starts from (metric CRS).
 *
 * @param free the community minus its locked grids: the area the proposal divides
 * @param buildings the buildings of the free area
 * @param current the current plan's grids of the free area (code → polygon), for minimal-change mode
 * @param locked the codes of the locked grids (kept as they are)
 * @param barriers lines (roads, rivers) no grid may cross: two units whose shared border a barrier touches are not
 *     neighbours; null or empty for none
 */
public record CommunityInput(
        String community,
        Geometry free,
        List<ProposalBuilding> buildings,
        Map<String, Geometry> current,
        List<String> locked,
        Geometry barriers) {

    /** An input without barriers. */
    public CommunityInput(
            String community,
            Geometry free,
            List<ProposalBuilding> buildings,
            Map<String, Geometry> current,
            List<String> locked) {
        this(community, free, buildings, current, locked, null);
    }
}
