package org.gridatlas.redistrict;

/**
 * Balance and compactness of one partition of a community.
 *
 * @param maxDeviation largest |households − mean| / mean over the grids
 * @param meanDeviation mean of |households − mean| / mean
 * @param minPolsbyPopper smallest Polsby–Popper compactness 4πA/P² (1 = circle)
 * @param meanPolsbyPopper mean Polsby–Popper compactness
 * @param inBand grids inside the households band
 * @param contiguous grids that are one piece
 */
public record RegionStats(
        double maxDeviation,
        double meanDeviation,
        double minPolsbyPopper,
        double meanPolsbyPopper,
        int inBand,
        int contiguous) {

    static RegionStats of(Regions r, double lo, double hi) {
        double mean = 0;
        for (double h : r.households) mean += h;
        mean /= r.k;
        double maxDev = 0, sumDev = 0, minPp = Double.MAX_VALUE, sumPp = 0;
        int inBand = 0;
        for (int i = 0; i < r.k; i++) {
            double dev = mean == 0 ? 0 : Math.abs(r.households[i] - mean) / mean;
            maxDev = Math.max(maxDev, dev);
            sumDev += dev;
            double pp = r.polsbyPopper(i);
            minPp = Math.min(minPp, pp);
            sumPp += pp;
            if (r.households[i] >= lo && r.households[i] <= hi) inBand++;
        }
        return new RegionStats(maxDev, sumDev / r.k, minPp, sumPp / r.k, inBand, contiguous(r));
    }

    /** Regions whose units form one connected piece of the unit graph. */
    static int contiguous(Regions r) {
        int n = r.units.size();
        boolean[] seen = new boolean[n];
        int[] pieces = new int[r.k];
        int[] stack = new int[n];
        for (int s = 0; s < n; s++) {
            if (seen[s]) continue;
            pieces[r.of[s]]++;
            int top = 0;
            stack[top++] = s;
            seen[s] = true;
            while (top > 0) {
                int u = stack[--top];
                for (int v : r.graph.neighbours[u]) {
                    if (!seen[v] && r.of[v] == r.of[u]) {
                        seen[v] = true;
                        stack[top++] = v;
                    }
                }
            }
        }
        int ok = 0;
        for (int p : pieces) if (p == 1) ok++;
        return ok;
    }
}
