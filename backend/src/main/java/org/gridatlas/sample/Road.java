package org.gridatlas.sample;

/**
 * A road of the lattice: one named centre line crossing the street.
 *
 * @param name road name (…路/…街), used in addresses
 * @param arterial whether it is a main road (主干道): wider, so buildings keep further from its centre line
 * @param northSouth whether it runs north–south (house numbers count from its north end) or east–west (from its
 *     west end)
 */
record Road(String name, boolean arterial, boolean northSouth) {
    /** Distance in metres from the centre line to the nearest building: half the road plus the set-back. */
    double setback() {
        return arterial ? 22 : 17;
    }
}
