package org.gridatlas.sample;

import org.locationtech.jts.geom.Polygon;

/**
 * A parcel (地块): part of one block, the unit every community and grid is a union of.
 *
 * @param id index in the street's parcel list
 * @param block the block it lies in
 * @param polygon its outline in UTM metres, noded against its neighbours
 * @param use its land use
 */
record Parcel(int id, Block block, Polygon polygon, LandUse use) {
    Parcel withPolygon(Polygon newPolygon) {
        return new Parcel(id, block, newPolygon, use);
    }

    Parcel withUse(LandUse newUse) {
        return new Parcel(id, block, polygon, newUse);
    }
}
