package org.gridatlas.plan;

import org.locationtech.jts.geom.Geometry;

/**
 * A building as the plan editor sees it.
 *
 * @param footprint footprint in the deployment's metric CRS (metres)
 */
public record PlanBuilding(String code, String address, Geometry footprint, int households, int residents) {}
