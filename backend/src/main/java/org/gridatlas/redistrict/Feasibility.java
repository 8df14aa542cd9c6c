package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Proofs that no partition can put every grid in the band, the max-p candidates and the split of k over parts. */
final class Feasibility {
    private Feasibility() {}

    /**
     * Reasons no partition of these units into k grids (k ≤ 0: any number) has every grid within [lo, hi]; empty
     * when none of the checks proves it (which does not promise a solution exists).
     */
    static List<String> proof(List<Unit> units, int total, int k, double lo, double hi) {
        List<String> why = new ArrayList<>();
        for (Unit u : units) {
            if (u.households() > hi) {
                why.add("unit of " + String.join(",", u.buildings()) + " has " + u.households()
                        + " households, above the upper bound " + fmt(hi));
            }
        }
        if (k > 0) {
            if (total < k * lo) why.add(total + " households cannot fill " + k + " grids of at least " + fmt(lo));
            if (total > k * hi) why.add(total + " households do not fit in " + k + " grids of at most " + fmt(hi));
        } else if (Math.ceil(total / hi) > Math.floor(total / lo)) {
            why.add("no number of grids puts " + total + " households in the band " + fmt(lo) + "–" + fmt(hi));
        }
        return why;
    }

    /** Numbers of grids to try in max-p mode, most first: ⌊H/lo⌋ down to ⌈H/hi⌉ (at least 1). */
    static List<Integer> maxPCandidates(int total, double lo, double hi) {
        int most = Math.max(1, (int) Math.floor(total / lo));
        int least = Math.max(1, (int) Math.ceil(total / hi));
        List<Integer> out = new ArrayList<>();
        for (int k = most; k >= Math.min(least, most); k--) out.add(k);
        return out;
    }

    /**
     * k split over the connected parts by households (largest remainder), at least one region per part with
     * households.
     */
    static int[] allocate(List<Unit> units, int[] component, int k) {
        int parts = 0;
        for (int c : component) parts = Math.max(parts, c + 1);
        double[] hh = new double[parts];
        int[] size = new int[parts];
        double total = 0;
        for (Unit u : units) {
            hh[component[u.id()]] += u.households();
            // a region needs a unit with households (else it is an empty grid): count those, or every unit if none
            if (u.households() > 0) size[component[u.id()]]++;
            total += u.households();
        }
        if (total == 0) for (Unit u : units) size[component[u.id()]]++;
        int[] out = new int[parts];
        int left = k;
        for (int c = 0; c < parts; c++) {
            // a part without households (a park cut off by a locked grid) gets no grid of its own: see RegionGrowing
            int least = hh[c] > 0 || total == 0 ? 1 : 0;
            out[c] = Math.max(least, Math.min(size[c], (int) Math.floor(total == 0 ? 0 : k * hh[c] / total)));
            left -= out[c];
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < parts; c++) order.add(c);
        double tot = total;
        order.sort(Comparator.comparingDouble(c -> -(k * hh[c] / Math.max(tot, 1) - out[c])));
        for (int i = 0; left > 0 && i < order.size() * 4; i++) {
            int c = order.get(i % order.size());
            if (out[c] < size[c]) {
                out[c]++;
                left--;
            }
        }
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
