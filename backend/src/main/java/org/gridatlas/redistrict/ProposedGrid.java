package org.gridatlas.redistrict;

import org.locationtech.jts.geom.Geometry;

/**
 * One grid of a proposal.
 *
 * @param code the 15-digit grid code (kept in minimal-change mode; new sequence numbers from scratch), set on saving
 * @param households households of its buildings
 * @param buildings number of buildings
 * @param deviation (households − mean of the community's proposed grids) / mean
 * @param polsbyPopper compactness 4πA/P² of the grid's polygon
 * @param areaM2 area in m²
 * @param changed whether the grid differs from the current plan (minimal-change mode; always true from scratch)
 * @param shape the grid's polygon in the metric CRS
 */
public record ProposedGrid(
        String code,
        int households,
        int buildings,
        double deviation,
        double polsbyPopper,
        double areaM2,
        boolean changed,
        Geometry shape) {
    ProposedGrid withCode(String newCode) {
        return new ProposedGrid(newCode, households, buildings, deviation, polsbyPopper, areaM2, changed, shape);
    }
}
