package org.gridatlas.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The kernel core against the straightforward sum ({@link KernelReference}), without database or Spring. */
class QuarticKernelTest {
    // A small fixture near Ningbo: five points (lon, lat, weight) within 200 m of each other.
    private static final double[][] POINTS = {
        {121.5500, 29.8150, 1},
        {121.5510, 29.8152, 2},
        {121.5495, 29.8160, 1},
        {121.5502, 29.8143, 1},
        {121.5520, 29.8151, 3}
    };

    @Test
    void tileDensityEqualsTheKernelSumAtEveryPixel() {
        int z = 17;
        PixelGrid g = tileAt(z, 121.5505, 29.8152).grid();
        WeightedPoints pts = new WeightedPoints();
        for (double[] p : POINTS) pts.addLonLat(p[0], p[1], p[2]);
        double[] d = QuarticKernel.density(g, pts, 150);
        int nonZero = 0;
        for (int j = 0; j < g.height(); j++) {
            for (int i = 0; i < g.width(); i++) {
                double expected = KernelReference.density(
                        KernelReference.lonOfPixel(z, g.px0() + i),
                        KernelReference.latOfPixel(z, g.py0() + j),
                        POINTS,
                        150,
                        1);
                double actual = d[j * g.width() + i];
                assertEquals(expected, actual, 1e-6 * Math.abs(expected) + 1e-9, "pixel " + i + "," + j);
                if (expected > 0) nonZero++;
            }
        }
        assertTrue(nonZero > 1000, "the fixture covers many pixels: " + nonZero);
    }

    @Test
    void zoomedOutPixelsKeepEveryIncident() {
        // pixel (≈ 1 km at zoom 7) much larger than the radius: the mass over the grid is the total weight
        int z = 7;
        PixelGrid g = tileAt(z, 121.55, 29.815).grid();
        WeightedPoints pts = new WeightedPoints();
        for (double[] p : POINTS) pts.addLonLat(p[0], p[1], p[2]);
        double[] d = QuarticKernel.density(g, pts, 150);
        double mass = 0;
        double pixelKm2 = Math.pow(g.pixelSize() * Math.cos(Math.toRadians(29.815)), 2) / 1e6;
        for (double v : d) mass += v * pixelKm2;
        assertEquals(8.0, mass, 8.0 * 1e-3);
    }

    static TileKey tileAt(int z, double lon, double lat) {
        double n = Math.pow(2, z);
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double latR = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(latR) + 1 / Math.cos(latR)) / Math.PI) / 2 * n);
        return TileKey.of(z, x, y);
    }
}
