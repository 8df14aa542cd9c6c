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

    /**
     * Many points, some with negative weight (the difference mode), inside the tile and in its margin, at zooms where
     * the kernel spans a few to a few hundred pixels: the row sweep equals the straightforward sum at every pixel.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {13, 14, 16, 19})
    void manyPointsWithMixedSignsEqualTheKernelSum(int z) {
        mixedSignsEqualTheKernelSum(tileAt(z, 121.5505, 29.8152).grid());
    }

    /**
     * A grid wider than one 256-column segment of the row sweep (an export raster): chords cut at segment edges,
     * coefficients per segment — the same straightforward sum.
     */
    @Test
    void aGridOfSeveralSegmentsEqualsTheKernelSum() {
        PixelGrid tile = tileAt(16, 121.5505, 29.8152).grid();
        mixedSignsEqualTheKernelSum(new PixelGrid(16, tile.px0() - 200, tile.py0(), 600, 200));
    }

    private static void mixedSignsEqualTheKernelSum(PixelGrid g) {
        int z = g.z();
        java.util.Random random = new java.util.Random(z);
        double lon0 = KernelReference.lonOfPixel(z, g.px0() - 0.3 * g.width());
        double lon1 = KernelReference.lonOfPixel(z, g.px0() + 1.3 * g.width());
        double lat0 = KernelReference.latOfPixel(z, g.py0() + 1.3 * g.height());
        double lat1 = KernelReference.latOfPixel(z, g.py0() - 0.3 * g.height());
        double[][] points = new double[300][];
        WeightedPoints pts = new WeightedPoints();
        for (int k = 0; k < points.length; k++) {
            double w = random.nextInt(5) == 0 ? -0.5 : 1 + random.nextInt(3);
            points[k] = new double[] {
                lon0 + random.nextDouble() * (lon1 - lon0), lat0 + random.nextDouble() * (lat1 - lat0), w
            };
            pts.addLonLat(points[k][0], points[k][1], w);
        }
        double[] d = QuarticKernel.density(g, pts, 150);
        for (int j = 0; j < g.height(); j += 3) {
            for (int i = 0; i < g.width(); i++) {
                double expected = KernelReference.density(
                        KernelReference.lonOfPixel(z, g.px0() + i),
                        KernelReference.latOfPixel(z, g.py0() + j),
                        points,
                        150,
                        1);
                double actual = d[j * g.width() + i];
                assertEquals(expected, actual, 1e-6 * Math.abs(expected) + 1e-9, "pixel " + i + "," + j);
                if (expected == 0) assertEquals(0.0, actual, 0.0, "an empty pixel stays exactly 0: " + i + "," + j);
            }
        }
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
