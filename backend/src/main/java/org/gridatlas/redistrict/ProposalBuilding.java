package org.gridatlas.redistrict;

import org.locationtech.jts.geom.Geometry;

/**
 * A building as the proposal sees it.
 *
 * @param footprint footprint in the deployment's metric CRS (metres)
 * @param compound the residential compound (小区) it belongs to, or null
 */
public record ProposalBuilding(String code, Geometry footprint, int households, String compound) {}
