package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The last phase of a proposal from scratch: compactness under balance constraints. Border units move (and pairs
 * of units swap across a border) when the sum of 1 − Polsby–Popper falls, but only while every region stays within
 * {@code maxOff} households of the target and no region gets further outside the band. So the balance reached
 * before (grids in band, max deviation up to the allowance) is kept by construction and only the shapes improve.
 * Contiguity and households per region are kept as in {@link LocalSearch}.
 */
final class Polish {
    /** How many steps from the moving unit a swap partner is looked for. */
    private static final int REACH = 3;

    private Polish() {}

    /**
     * @param maxOff most households a region may lie from the target (at least the current largest offset is used)
     */
    static void run(
            Regions r, double lo, double hi, double maxOff, Random rng, int maxPasses, BooleanSupplier cancelled) {
        double target = 0;
        for (double h : r.households) target += h;
        target /= r.k;
        double off = maxOff;
        for (double h : r.households) off = Math.max(off, Math.abs(h - target));
        double floor = 1;
        for (int i = 0; i < r.k; i++) floor = Math.min(floor, r.polsbyPopper(i));
        Limits limits = new Limits(target, off, lo, hi, floor);
        Objective shape = new Objective(target, lo, hi, 0, 1, 0);
        int n = r.units.size();
        int[] mark = new int[n];
        int[] queue = new int[n];
        int[] stamp = {0};
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) order.add(i);
        for (int pass = 0; pass < maxPasses; pass++) {
            if (cancelled.getAsBoolean()) return;
            Collections.shuffle(order, rng);
            int changes = 0;
            for (int u : order) {
                if (move(r, u, shape, limits, mark, queue, stamp) || swap(r, u, shape, limits, mark, queue, stamp)) {
                    changes++;
                }
            }
            if (changes == 0) return;
        }
    }

    /**
     * Households a region may hold: within {@code off} of the target and no further outside the band; and no region
     * less compact than the least compact one was before the polish ({@code floor}), so the min Polsby–Popper never
     * falls while the sum rises.
     */
    record Limits(double target, double off, double lo, double hi, double floor) {
        boolean compact(double... pp) {
            for (double p : pp) if (p < floor - 1e-12) return false;
            return true;
        }

        boolean allows(double before, double after) {
            if (Math.abs(after - target) > off + 1e-9) return false;
            return outside(after) <= outside(before) + 1e-9;
        }

        private double outside(double h) {
            return Math.max(0, lo - h) + Math.max(0, h - hi);
        }
    }

    /** The best single move of u that keeps the limits and lowers the shape objective. */
    private static boolean move(
            Regions r, int u, Objective shape, Limits limits, int[] mark, int[] queue, int[] stamp) {
        int from = r.of[u];
        double h = r.units.get(u).households();
        if (!limits.allows(r.households[from], r.households[from] - h)) return false;
        int best = -1;
        double bestDelta = -1e-9;
        for (int v : r.graph.neighbours[u]) {
            int to = r.of[v];
            if (to == from || to == best || !limits.allows(r.households[to], r.households[to] + h)) continue;
            double d = r.delta(shape, u, to);
            if (d < bestDelta && limits.compact(r.polsbyPopperIfMoved(u, to))) {
                bestDelta = d;
                best = to;
            }
        }
        if (best < 0 || !r.removable(u, mark, queue, ++stamp[0])) return false;
        r.move(u, best);
        return true;
    }

    /**
     * u moves to a neighbouring region B and a unit w of B on the border with u's region A comes back, when the
     * pair keeps the limits (a single move would break them) and lowers the shape objective.
     */
    private static boolean swap(
            Regions r, int u, Objective shape, Limits limits, int[] mark, int[] queue, int[] stamp) {
        int a = r.of[u];
        double hu = r.units.get(u).households();
        for (int v : r.graph.neighbours[u]) {
            int b = r.of[v];
            if (b == a) continue;
            double d1 = r.delta(shape, u, b);
            if (d1 >= 0 || !r.removable(u, mark, queue, ++stamp[0])) continue;
            r.move(u, b);
            int w = partner(r, u, a, b, hu, shape, d1, limits, mark, queue, stamp);
            if (w >= 0) {
                r.move(w, a);
                if (limits.compact(r.polsbyPopper(a), r.polsbyPopper(b))) return true;
                r.move(w, b); // back, in the reverse order: each region is connected again at every step
            }
            r.move(u, a); // back: A was connected without u, so it is with u again
        }
        return false;
    }

    /**
     * A unit of B on its border with A, at most {@link #REACH} steps from u, whose move to A completes the swap of u
     * (now in B), or −1. Bounded, so a swap costs O(d^REACH) however large the regions.
     */
    private static int partner(
            Regions r,
            int u,
            int a,
            int b,
            double hu,
            Objective shape,
            double d1,
            Limits limits,
            int[] mark,
            int[] queue,
            int[] stamp) {
        double hA = r.households[a] + hu, hB = r.households[b] - hu; // before u moved
        int near = ++stamp[0];
        List<Integer> ring = new ArrayList<>(List.of(u));
        mark[u] = near;
        for (int step = 0; step < REACH; step++) {
            List<Integer> next = new ArrayList<>();
            for (int x : ring) {
                for (int w : r.graph.neighbours[x]) {
                    if (mark[w] == near || (r.of[w] != a && r.of[w] != b)) continue;
                    mark[w] = near;
                    next.add(w);
                }
            }
            for (int w : next) {
                if (r.of[w] != b || !borders(r, w, a)) continue;
                double hw = r.units.get(w).households();
                if (!limits.allows(hA, r.households[a] + hw) || !limits.allows(hB, r.households[b] - hw)) continue;
                if (d1 + r.delta(shape, w, a) >= -1e-9) continue;
                if (r.removable(w, mark, queue, ++stamp[0])) return w;
            }
            ring = next;
        }
        return -1;
    }

    private static boolean borders(Regions r, int w, int region) {
        for (int v : r.graph.neighbours[w]) if (r.of[v] == region) return true;
        return false;
    }
}
