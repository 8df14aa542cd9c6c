package org.gridatlas.sample;

import org.locationtech.jts.geom.Polygon;

/**
 * A building with its footprint, in UTM metres.
 *
 * @param parcel the parcel holding it (for a straddler: the parcel holding the larger share)
 * @param straddler whether it is one of the planted faults that cross a grid boundary
 */
record PlacedBuilding(Polygon footprint, int parcel, BuildingDraft draft, boolean straddler) {}
