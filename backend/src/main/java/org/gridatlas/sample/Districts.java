package org.gridatlas.sample;

import java.util.List;

/**
 * The street's communities and grids as groups of parcels, numbered and named.
 *
 * @param communityOf community index (in code order) of each parcel
 * @param gridOf grid index (in code order) of each parcel; -1 for the planted gap parcel
 * @param communities communities in code order
 * @param grids grids in code order
 */
record Districts(int[] communityOf, int[] gridOf, List<Area> communities, List<Area> grids) {
    /**
     * A community or grid.
     *
     * @param code 12-digit community or 15-digit grid code
     * @param parent index of the grid's community; -1 for a community
     */
    record Area(String code, String name, int parent) {}

    int gridCount() {
        return grids.size();
    }

    /** Index of the grid with this code. */
    int gridIndex(String code) {
        for (int g = 0; g < grids.size(); g++) {
            if (grids.get(g).code().equals(code)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no grid " + code);
    }
}
