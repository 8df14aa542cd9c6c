package org.gridatlas.heatmap;

import org.gridatlas.api.BadParameterException;
import org.gridatlas.geo.Bbox;

/**
 * The raster of an export: the Web-Mercator pixels of one zoom that cover a lon/lat bbox. The zoom is the coarsest
 * whose pixel is at most the asked resolution (ground metres at the bbox's centre), so an export is pixel-aligned
 * with the tiles of that zoom and shows the same values.
 *
 * @param bbox the area asked for
 * @param grid the pixels exported
 */
record ExportBox(Bbox bbox, PixelGrid grid) {
    static final int MAX_PIXELS = 4096;

    static ExportBox parse(String bboxText, String resolutionText) {
        Bbox bbox = Bbox.parse("bbox", bboxText);
        if (bbox == null) throw new BadParameterException("bbox", "bbox is required: minLon,minLat,maxLon,maxLat");
        if (bbox.maxLat() > WebMercator.MAX_LAT || bbox.minLat() < -WebMercator.MAX_LAT) {
            throw new BadParameterException("bbox", "bbox must lie within latitudes ±85.05 (Web Mercator)");
        }
        if (bbox.minLon() == bbox.maxLon() || bbox.minLat() == bbox.maxLat()) {
            throw new BadParameterException("bbox", "bbox has no area");
        }
        double lat = (bbox.minLat() + bbox.maxLat()) / 2;
        double resolution = resolution(resolutionText);
        int z = 0;
        while (z < TileKey.MAX_ZOOM && WebMercator.pixelSize(z) * Math.cos(Math.toRadians(lat)) > resolution) z++;
        double ps = WebMercator.pixelSize(z);
        long px0 = (long) Math.floor((WebMercator.x(bbox.minLon()) + WebMercator.HALF) / ps);
        long px1 = (long) Math.ceil((WebMercator.x(bbox.maxLon()) + WebMercator.HALF) / ps);
        long py0 = (long) Math.floor((WebMercator.HALF - WebMercator.y(bbox.maxLat())) / ps);
        long py1 = (long) Math.ceil((WebMercator.HALF - WebMercator.y(bbox.minLat())) / ps);
        if (px1 - px0 > MAX_PIXELS || py1 - py0 > MAX_PIXELS) {
            throw new BadParameterException(
                    "resolution",
                    "the export would exceed " + MAX_PIXELS
                            + " pixels a side: choose a coarser resolution or a smaller bbox");
        }
        return new ExportBox(bbox, new PixelGrid(z, px0, py0, (int) (px1 - px0), (int) (py1 - py0)));
    }

    private static double resolution(String text) {
        if (text == null || text.isBlank()) return 10;
        try {
            double r = Double.parseDouble(text.trim());
            if (r >= 0.5 && r <= 10000) return r;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException("resolution", "resolution must be a number of metres between 0.5 and 10000");
    }
}
