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
 * <p>Cost: O(points × pixels within the radius) when the radius spans few pixels; when it spans many (zoomed in), a
 * row sweep makes it O(points × rows within the radius + pixels) (see {@code RowSweep}).
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
        RowSweep sweep = (long) grid.width() * grid.height() <= SWEEP_MAX_PIXELS ? new RowSweep(grid) : null;
        for (int i = 0; i < points.size(); i++) {
            double scale = WebMercator.groundScale(points.y(i));
            double pixelGround = grid.pixelSize() * scale;
            if (pixelGround <= radius / 2) {
                if (sweep != null && radius >= SWEEP_MIN_RADIUS_PIXELS * pixelGround)
                    sweep.add(points.x(i), points.y(i), points.w(i), scale, radius);
                else addExact(grid, out, points.x(i), points.y(i), points.w(i), scale, radius);
            } else {
                int s = (int) Math.min(MAX_SUBSAMPLES, Math.ceil(2 * pixelGround / radius));
                addSampled(grid, out, points.x(i), points.y(i), points.w(i), scale, radius, s);
            }
        }
        if (sweep != null) sweep.addTo(out);
        return out;
    }

    /** Grids up to this many pixels (tiles) use the row sweep; larger ones (exports) the direct loop. */
    private static final long SWEEP_MAX_PIXELS = 1024 * 1024;

    /** The row sweep pays off (and stays precise) when the radius spans at least this many pixels. */
    private static final double SWEEP_MIN_RADIUS_PIXELS = 16;

    /**
     * The exact kernel sum, row by row in O(rows within the radius) per point instead of O(pixels within it): on a
     * row the kernel of a point, c·(A − k·(i − ip)²)², is a polynomial of degree 4 in the column i over an interval of
     * columns, so each point adds its 5 coefficients at the interval's start and subtracts them after its end
     * (difference arrays), and one sweep per row sums the coefficients and evaluates the polynomial.
     *
     * <p>Precision: the polynomials are expanded around the middle of 256-column segments (one per tile row; an
     * interval is cut at segment edges and the sums restart at each segment), so the powers stay bounded and
     * cancellation stays far below the 1e-6 relative of the tests (checked with 3,000 mixed-sign points at zooms
     * 13–19); where no point is active the sums restart from exact zero, so empty pixels stay exactly 0. (Segments
     * of 32 columns were 2.3× slower at zoom 16 for no gain in precision: each point paid its 5 coefficients per
     * segment of its chord.)
     */
    private static final class RowSweep {
        private static final int SEG_SHIFT = 8;
        private static final int SEG = 1 << SEG_SHIFT;
        private final PixelGrid g;
        private final int stride;
        private final double[] coef; // [row][column 0..width][5]
        private final int[] active; // [row][column 0..width]: +1 at starts, −1 after ends

        RowSweep(PixelGrid g) {
            this.g = g;
            this.stride = g.width() + 1;
            this.coef = new double[g.height() * stride * 5];
            this.active = new int[g.height() * stride];
        }

        void add(double px, double py, double w, double scale, double r) {
            if (g.width() <= SEG) addOneSegment(px, py, w, scale, r);
            else addSegments(px, py, w, scale, r);
        }

        /**
         * A grid of one segment (a tile): the chord's coefficients around the segment middle t = column − 128 are
         * those of c·(a − k(t − x)²)², x = the point's column − 128, whose row-independent parts are computed once
         * per point, so a chord costs a square root and a few products.
         */
        private void addOneSegment(double px, double py, double w, double scale, double r) {
            double ps = g.pixelSize();
            double rm = r / scale;
            double c = w * 3 / (Math.PI * r * r) * 1e6;
            double f = ps * scale / r;
            double k = f * f, invK = 1 / k;
            double ip = (px - g.minX()) / ps - 0.5; // the point's column
            double x = ip - SEG / 2.0;
            double q4 = c * k * k,
                    q3 = -4 * x * q4,
                    q2 = 6 * x * x * q4,
                    q1 = -4 * x * x * x * q4,
                    q0 = x * x * x * x * q4;
            double a2 = -2 * c * k, a1 = 4 * c * k * x, a0 = -2 * c * k * x * x;
            int j0 = Math.max(0, (int) Math.ceil((g.maxY() - py - rm) / ps - 0.5));
            int j1 = Math.min(g.height() - 1, (int) Math.floor((g.maxY() - py + rm) / ps - 0.5));
            double invR2 = 1 / (r * r);
            int last = g.width() - 1;
            for (int j = j0; j <= j1; j++) {
                double dy = (g.centreY(j) - py) * scale;
                double a = 1 - dy * dy * invR2;
                if (a <= 0) continue;
                double half = Math.sqrt(a * invK);
                int i0 = Math.max(0, (int) Math.ceil(ip - half));
                int i1 = Math.min(last, (int) Math.floor(ip + half));
                if (i0 > i1) continue;
                int row = j * stride;
                active[row + i0]++;
                active[row + i1 + 1]--;
                double c0 = a * (c * a + a0) + q0, c1 = q1 + a1 * a, c2 = q2 + a2 * a;
                int start = (row + i0) * 5;
                coef[start] += c0;
                coef[start + 1] += c1;
                coef[start + 2] += c2;
                coef[start + 3] += q3;
                coef[start + 4] += q4;
                if (i1 + 1 < SEG) { // at the segment's end the sums restart anyway
                    int end = (row + i1 + 1) * 5;
                    coef[end] -= c0;
                    coef[end + 1] -= c1;
                    coef[end + 2] -= c2;
                    coef[end + 3] -= q3;
                    coef[end + 4] -= q4;
                }
            }
        }

        /** Grids wider than a segment (exports up to 1024 × 1024): the coefficients per segment of each chord. */
        private void addSegments(double px, double py, double w, double scale, double r) {
            double ps = g.pixelSize();
            double rm = r / scale;
            double c = w * 3 / (Math.PI * r * r) * 1e6;
            double k = Math.pow(ps * scale / r, 2); // u = k·(i − ip)² in pixel columns
            double ip = (px - g.minX()) / ps - 0.5; // the point's column
            int j0 = Math.max(0, (int) Math.ceil((g.maxY() - py - rm) / ps - 0.5));
            int j1 = Math.min(g.height() - 1, (int) Math.floor((g.maxY() - py + rm) / ps - 0.5));
            for (int j = j0; j <= j1; j++) {
                double dy = (g.centreY(j) - py) * scale;
                double a = 1 - dy * dy / (r * r);
                if (a <= 0) continue;
                double half = Math.sqrt(a / k);
                int i0 = Math.max(0, (int) Math.ceil(ip - half));
                int i1 = Math.min(g.width() - 1, (int) Math.floor(ip + half));
                if (i0 > i1) continue;
                active[j * stride + i0]++;
                active[j * stride + i1 + 1]--;
                for (int seg = i0 >> SEG_SHIFT; seg <= i1 >> SEG_SHIFT; seg++) {
                    int lo = Math.max(i0, seg << SEG_SHIFT), hi = Math.min(i1, (seg << SEG_SHIFT) + SEG - 1);
                    double ipl = ip - ((seg << SEG_SHIFT) + SEG / 2.0);
                    // inner(x) = a − k(x − ipl)² = b + e·x + d·x², x = column − segment middle
                    double b = a - k * ipl * ipl, e = 2 * k * ipl, d = -k;
                    double c0 = c * b * b,
                            c1 = c * 2 * b * e,
                            c2 = c * (e * e + 2 * b * d),
                            c3 = c * 2 * e * d,
                            c4 = c * d * d;
                    int start = (j * stride + lo) * 5;
                    coef[start] += c0;
                    coef[start + 1] += c1;
                    coef[start + 2] += c2;
                    coef[start + 3] += c3;
                    coef[start + 4] += c4;
                    if (((hi + 1) & (SEG - 1)) != 0) { // at a segment's end the sums restart anyway
                        int end = (j * stride + hi + 1) * 5;
                        coef[end] -= c0;
                        coef[end + 1] -= c1;
                        coef[end + 2] -= c2;
                        coef[end + 3] -= c3;
                        coef[end + 4] -= c4;
                    }
                }
            }
        }

        void addTo(double[] out) {
            for (int j = 0; j < g.height(); j++) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
                int n = 0;
                for (int i = 0; i < g.width(); i++) {
                    int at = (j * stride + i) * 5;
                    n += active[j * stride + i];
                    if (n == 0 || (i & (SEG - 1)) == 0) s0 = s1 = s2 = s3 = s4 = 0;
                    if (n == 0) continue;
                    s0 += coef[at];
                    s1 += coef[at + 1];
                    s2 += coef[at + 2];
                    s3 += coef[at + 3];
                    s4 += coef[at + 4];
                    double x = i - ((i & ~(SEG - 1)) + SEG / 2.0);
                    out[j * g.width() + i] += s0 + x * (s1 + x * (s2 + x * (s3 + x * s4)));
                }
            }
        }
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
        double x0 = (g.centreX(0) - px) * scale, step = ps * scale; // ground metres from the point, column 0
        for (int j = j0; j <= j1; j++) {
            double dy = (g.centreY(j) - py) * scale;
            double rest = r2 - dy * dy;
            if (rest <= 0) continue;
            int row = j * g.width();
            for (int i = i0; i <= i1; i++) {
                double dx = x0 + i * step;
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
