package org.gridatlas.sample;

import org.locationtech.jts.geom.Geometry;

/** A street (街道) as written to streets.geojson; geometry in EPSG:4326 lon/lat. */
public record StreetFeature(String code, String name, String districtCode, String districtName, Geometry geometry) {}
