package org.gridatlas.heatmap;

/**
 * Kernel density with the quartic (biweight) kernel K(d) = 3/(π r²) · (1 − d²/r²)² for d &lt; r, 0 beyond — the
 * kernel of QGIS' heat map and of the classic GIS KDE; it integrates to 1, so the surface is in weight per m², here
 * reported per km².
 *
 * <p>The radius r is in ground metres at every zoom. The ground distance between a pixel centre and a point is the
 * Web-Mercator distance times cos(latitude of the point) — a function of the pixel's and the point's positions only,
 * never of the tile, so neighbouring tiles computed with a margin of one radius agree at their edges.
 *
 * <p>When a pixel is small against the radius (pixel ≤ r/2 on the ground) the value is the kernel sum at the pixel
 * centre, exactly. When it is larger (zoomed out), sampling only the centre would miss points that fall between
 * centres, so each point's kernel is sampled on an s×s sub-grid of every pixel and normalised to the point's weight:
 * the pixel shows the mean density over its area and no incident is lost or counted twice.
 *
 * <p>Cost: O(points × pixels within the radius), with a tight inner loop over one row.
 */
final class QuarticKernel {
    private static final int MAX_SUBSAMPLES = 8;

    private QuarticKernel() {}

    /**
     * @param grid the pixels to fill
     * @param points the points (from the grid and a margin of one radius around it)
     * @param radius kernel radius in ground metres, &gt; 0
     * @return density in weight per km² per pixel, row by row from the north-west corner
     */
    static double[] density(PixelGrid grid, WeightedPoints points, double radius) {
        double[] out = new double[grid.width() * grid.height()];
        for (int i = 0; i < points.size(); i++) {
            double scale = WebMercator.groundScale(points.y(i));
            double pixelGround = grid.pixelSize() * scale;
            if (pixelGround <= radius / 2) {
                addExact(grid, out, points.x(i), points.y(i), points.w(i), scale, radius);
            } else {
                int s = (int) Math.min(MAX_SUBSAMPLES, Math.ceil(2 * pixelGround / radius));
                addSampled(grid, out, points.x(i), points.y(i), points.w(i), scale, radius, s);
            }
        }
        return out;
    }

    private static void addExact(PixelGrid g, double[] out, double px, double py, double w, double scale, double r) {
        double ps = g.pixelSize();
        double rm = r / scale; // radius in Mercator metres at this point
        double r2 = r * r;
        double c = w * 3 / (Math.PI * r2) * 1e6;
        int i0 = Math.max(0, (int) Math.ceil((px - rm - g.minX()) / ps - 0.5));
        int i1 = Math.min(g.width() - 1, (int) Math.floor((px + rm - g.minX()) / ps - 0.5));
        int j0 = Math.max(0, (int) Math.ceil((g.maxY() - py - rm) / ps - 0.5));
        int j1 = Math.min(g.height() - 1, (int) Math.floor((g.maxY() - py + rm) / ps - 0.5));
        for (int j = j0; j <= j1; j++) {
            double dy = (g.centreY(j) - py) * scale;
            double rest = r2 - dy * dy;
            if (rest <= 0) continue;
            int row = j * g.width();
            for (int i = i0; i <= i1; i++) {
                double dx = (g.centreX(i) - px) * scale;
                double t = rest - dx * dx;
                if (t > 0) {
                    double u = t / r2;
                    out[row + i] += c * u * u;
                }
            }
        }
    }

    /** Sub-sampled kernel, normalised so that the point's whole weight lands in the pixels (see class comment). */
    private static void addSampled(
            PixelGrid g, double[] out, double px, double py, double w, double scale, double r, int s) {
        double step = g.pixelSize() / s; // sub-pixel in Mercator metres, global sub-grid of the zoom
        double originX = WebMercator.pixelX(g.z(), 0);
        double originY = WebMercator.pixelY(g.z(), 0);
        double rm = r / scale;
        long a0 = (long) Math.ceil((px - rm - originX) / step - 0.5);
        long a1 = (long) Math.floor((px + rm - originX) / step - 0.5);
        long b0 = (long) Math.ceil((originY - py - rm) / step - 0.5);
        long b1 = (long) Math.floor((originY - py + rm) / step - 0.5);
        double r2 = r * r;
        double sum = 0;
        for (long b = b0; b <= b1; b++) {
            for (long a = a0; a <= a1; a++)
                sum += kernel(originX + (a + 0.5) * step - px, originY - (b + 0.5) * step - py, scale, r2);
        }
        double pixelKm2 = Math.pow(g.pixelSize() * scale, 2) / 1e6;
        if (sum == 0) { // radius smaller than a sub-pixel: the whole weight in the point's own pixel
            addToPixel(
                    g,
                    out,
                    (long) Math.floor((px - originX) / g.pixelSize()),
                    (long) Math.floor((originY - py) / g.pixelSize()),
                    w / pixelKm2);
            return;
        }
        for (long b = b0; b <= b1; b++) {
            for (long a = a0; a <= a1; a++) {
                double k = kernel(originX + (a + 0.5) * step - px, originY - (b + 0.5) * step - py, scale, r2);
                if (k > 0) addToPixel(g, out, Math.floorDiv(a, s), Math.floorDiv(b, s), w * k / sum / pixelKm2);
            }
        }
    }

    private static double kernel(double dxMerc, double dyMerc, double scale, double r2) {
        double dx = dxMerc * scale;
        double dy = dyMerc * scale;
        double t = 1 - (dx * dx + dy * dy) / r2;
        return t > 0 ? t * t : 0;
    }

    private static void addToPixel(PixelGrid g, double[] out, long gx, long gy, double v) {
        long i = gx - g.px0();
        long j = gy - g.py0();
        if (i >= 0 && i < g.width() && j >= 0 && j < g.height()) out[(int) (j * g.width() + i)] += v;
    }
}
