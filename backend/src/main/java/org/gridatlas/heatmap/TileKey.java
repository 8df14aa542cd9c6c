package org.gridatlas.heatmap;

import org.gridatlas.api.BadParameterException;

/**
 * An XYZ tile (the Leaflet / OSM scheme: y counted southwards from the top).
 *
 * @param z zoom 0..22
 * @param x column 0..2^z-1
 * @param y row 0..2^z-1
 */
record TileKey(int z, int x, int y) {
    static final int MAX_ZOOM = 22;

    static TileKey of(int z, int x, int y) {
        if (z < 0 || z > MAX_ZOOM) throw new BadParameterException("z", "zoom must be between 0 and " + MAX_ZOOM);
        long n = 1L << z;
        if (x < 0 || x >= n) throw new BadParameterException("x", "tile column must be between 0 and " + (n - 1));
        if (y < 0 || y >= n) throw new BadParameterException("y", "tile row must be between 0 and " + (n - 1));
        return new TileKey(z, x, y);
    }

    /** The pixel grid this tile covers. */
    PixelGrid grid() {
        return new PixelGrid(
                z, (long) x * WebMercator.TILE, (long) y * WebMercator.TILE, WebMercator.TILE, WebMercator.TILE);
    }
}
