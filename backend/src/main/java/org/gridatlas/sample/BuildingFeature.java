package org.gridatlas.sample;

import org.locationtech.jts.geom.Geometry;

/**
 * A building (楼栋) as written to buildings.geojson; footprint in EPSG:4326 lon/lat.
 *
 * @param compound compound (小区) or institution name, null for a shop with its own house number
 * @param type {@code old}, {@code commercial}, {@code resettlement}, {@code public_rental} or {@code other}
 * @param units stairwells (单元), 0 for non-residential buildings
 */
public record BuildingFeature(
        String code,
        String communityCode,
        String address,
        String compound,
        String type,
        int floors,
        int units,
        int households,
        int residents,
        boolean hasElevator,
        Integer builtYear,
        Geometry footprint) {}
