package org.gridatlas.sample;

/**
 * A standard address: road + house number + compound + building, e.g. 天童南路588号潜龙小区12幢.
 *
 * @param compound the compound (小区) or institution, null for a shop with its own house number
 * @param building building number (幢) inside the compound, null for none
 */
record Address(String road, int number, String compound, Integer building) {
    String text() {
        return place() + (building == null ? "" : building + "幢");
    }

    /** Without the building: the compound's gate address. */
    String place() {
        return road + number + "号" + (compound == null ? "" : compound);
    }
}
