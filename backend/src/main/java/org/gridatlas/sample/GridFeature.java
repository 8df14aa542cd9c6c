package org.gridatlas.sample;

import org.locationtech.jts.geom.Geometry;

/** A grid (网格) as written to grids.geojson; geometry in EPSG:4326 lon/lat. */
public record GridFeature(String code, String name, String communityCode, Geometry geometry) {}
