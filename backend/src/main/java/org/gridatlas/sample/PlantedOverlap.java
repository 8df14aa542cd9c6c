package org.gridatlas.sample;

import org.locationtech.jts.geom.Polygon;

/**
 * The planted overlap: grid {@code extendedGrid} reaches into {@code neighbourGrid} by {@code strip}.
 *
 * @param strip the overlapping strip in UTM metres (part of a parcel of the neighbour, along a road)
 */
record PlantedOverlap(int extendedGrid, int neighbourGrid, Polygon strip) {}
