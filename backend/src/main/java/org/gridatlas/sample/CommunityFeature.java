package org.gridatlas.sample;

import org.locationtech.jts.geom.Geometry;

/** A community (社区) as written to communities.geojson; geometry in EPSG:4326 lon/lat. */
public record CommunityFeature(String code, String name, String streetCode, Geometry geometry) {}
