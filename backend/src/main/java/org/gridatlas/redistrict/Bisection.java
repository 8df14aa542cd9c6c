package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reference proposal: recursive bisection along the longer axis by households. The units are sorted along the
 * longer side of their bounding box and cut where the running households reach the share of the first half of the
 * regions; each half is cut again until one region remains. Balanced by construction, but regions need not be
 * connected or compact. O(n log n log k).
 */
final class Bisection {
    private Bisection() {}

    /** @return the region (0 … k − 1) of each unit */
    static int[] partition(List<Unit> units, int k) {
        int[] of = new int[units.size()];
        cut(new ArrayList<>(units), k, 0, of);
        return of;
    }

    /**
     * The bisection made contiguous, as a start for the local search: each region keeps its piece with most
     * households (the graph decides what a piece is); the units of its other pieces join, wave by wave, the
     * neighbouring region with fewest households. Null when that leaves a part of the area without a region or a
     * region without households (the caller then starts from region growing alone).
     */
    static int[] contiguous(List<Unit> units, UnitGraph graph, int k) {
        int n = units.size();
        int[] of = partition(units, k);
        int[] piece = new int[n];
        java.util.Arrays.fill(piece, -1);
        List<double[]> pieces = new ArrayList<>(); // {region, households, units}
        int[] stack = new int[n];
        for (int s = 0; s < n; s++) {
            if (piece[s] >= 0) continue;
            double hh = 0;
            int count = 0, top = 0;
            stack[top++] = s;
            piece[s] = pieces.size();
            while (top > 0) {
                int u = stack[--top];
                hh += units.get(u).households();
                count++;
                for (int v : graph.neighbours[u]) {
                    if (piece[v] < 0 && of[v] == of[u]) {
                        piece[v] = pieces.size();
                        stack[top++] = v;
                    }
                }
            }
            pieces.add(new double[] {of[s], hh, count});
        }
        int[] keep = new int[k];
        java.util.Arrays.fill(keep, -1);
        for (int p = 0; p < pieces.size(); p++) {
            double[] c = pieces.get(p);
            int r = (int) c[0];
            if (keep[r] < 0
                    || c[1] > pieces.get(keep[r])[1]
                    || (c[1] == pieces.get(keep[r])[1] && c[2] > pieces.get(keep[r])[2])) keep[r] = p;
        }
        double[] households = new double[k];
        for (int u = 0; u < n; u++) {
            if (keep[of[u]] == piece[u]) households[of[u]] += units.get(u).households();
            else of[u] = -1;
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            int[] next = of.clone(); // one wave at a time: the result does not depend on the unit order much
            for (int u = 0; u < n; u++) {
                if (of[u] >= 0) continue;
                int best = -1;
                for (int v : graph.neighbours[u]) {
                    if (of[v] >= 0 && (best < 0 || households[of[v]] < households[best])) best = of[v];
                }
                if (best >= 0) {
                    next[u] = best;
                    households[best] += units.get(u).households();
                    changed = true;
                }
            }
            of = next;
        }
        double total = 0;
        for (Unit u : units) total += u.households();
        for (int u = 0; u < n; u++) if (of[u] < 0) return null;
        for (int r = 0; r < k; r++) if (keep[r] < 0 || (total > 0 && households[r] <= 0)) return null;
        return of;
    }

    private static void cut(List<Unit> units, int k, int first, int[] of) {
        if (k <= 1 || units.size() <= 1) {
            for (Unit u : units) of[u.id()] = first;
            return;
        }
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        double total = 0;
        for (Unit u : units) {
            minX = Math.min(minX, u.x());
            maxX = Math.max(maxX, u.x());
            minY = Math.min(minY, u.y());
            maxY = Math.max(maxY, u.y());
            total += u.households();
        }
        boolean alongX = maxX - minX >= maxY - minY;
        // ties (units in one row of a lattice) broken by the other axis, so a cut through the row stays one line
        units.sort(Comparator.comparingDouble((Unit u) -> alongX ? u.x() : u.y())
                .thenComparingDouble(u -> alongX ? u.y() : u.x())
                .thenComparingInt(Unit::id));
        int k1 = k / 2;
        double share = total * k1 / k;
        double running = 0;
        int split = 0;
        while (split < units.size() - 1 && running + units.get(split).households() / 2.0 < share) {
            running += units.get(split).households();
            split++;
        }
        split = Math.max(1, split);
        cut(new ArrayList<>(units.subList(0, split)), k1, first, of);
        cut(new ArrayList<>(units.subList(split, units.size())), k - k1, first + k1, of);
    }
}
