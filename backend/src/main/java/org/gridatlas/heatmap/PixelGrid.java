package org.gridatlas.heatmap;

/**
 * A rectangle of global Web-Mercator pixels at one zoom: a tile, or the raster of an export.
 *
 * @param z zoom level whose pixel size the grid has
 * @param px0 global pixel column of the west-most column
 * @param py0 global pixel row of the north-most row
 * @param width columns
 * @param height rows
 */
record PixelGrid(int z, long px0, long py0, int width, int height) {

    double pixelSize() {
        return WebMercator.pixelSize(z);
    }

    double minX() {
        return WebMercator.pixelX(z, px0);
    }

    double maxX() {
        return WebMercator.pixelX(z, px0 + width);
    }

    double maxY() {
        return WebMercator.pixelY(z, py0);
    }

    double minY() {
        return WebMercator.pixelY(z, py0 + height);
    }

    /** Mercator x of the centre of column i. */
    double centreX(int i) {
        return WebMercator.pixelX(z, px0 + i + 0.5);
    }

    /** Mercator y of the centre of row j. */
    double centreY(int j) {
        return WebMercator.pixelY(z, py0 + j + 0.5);
    }
}
