package org.gridatlas.redistrict;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The smallest piece a proposal moves: the ground of one building (or of a compound's buildings), a polygon of the
 * tessellation. Units tile the area they were built for, and every building lies whole in its unit.
 *
 * @param buildings codes of the buildings in the unit
 * @param households households of those buildings
 * @param shape the unit's polygon (metric CRS)
 * @param area area in m²
 * @param perimeter boundary length in m
 * @param x x of the unit's household-weighted centre (m)
 * @param y y of the unit's household-weighted centre (m)
 */
public record Unit(
        int id,
        List<String> buildings,
        int households,
        Geometry shape,
        double area,
        double perimeter,
        double x,
        double y) {}
