package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A first contiguous partition: k seeds spread over each connected part of the area (farthest-point start, then a few
 * household-weighted k-means steps, snapped to units), then regions grow one unit at a time — always the region with
 * the fewest households, taking the free neighbouring unit nearest its seed. O(n log n). Every region is connected
 * by construction; a part of the area too small for a seed joins its neighbour.
 */
final class RegionGrowing {
    private RegionGrowing() {}

    /**
     * @param k regions per connected component of the graph (same order as the component numbers)
     * @return the region of each unit (0 … Σk − 1)
     */
    static int[] grow(List<Unit> units, UnitGraph graph, int[] component, int[] k, Random rng) {
        int n = units.size();
        int[] of = new int[n];
        Arrays.fill(of, -1);
        List<Integer> seeds = new ArrayList<>();
        for (int c = 0; c < k.length; c++) if (k[c] > 0) seeds.addAll(seeds(units, component, c, k[c], rng));
        int regions = seeds.size();
        double[] hh = new double[regions];
        List<PriorityQueue<double[]>> frontier = new ArrayList<>();
        PriorityQueue<double[]> byHouseholds = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int r = 0; r < regions; r++) {
            frontier.add(new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0])));
            int s = seeds.get(r);
            of[s] = r;
            hh[r] = units.get(s).households();
            push(units, graph, frontier.get(r), s, units.get(s));
            byHouseholds.add(new double[] {hh[r], r});
        }
        while (!byHouseholds.isEmpty()) {
            double[] top = byHouseholds.poll();
            int r = (int) top[1];
            if (top[0] != hh[r]) continue;
            PriorityQueue<double[]> f = frontier.get(r);
            while (!f.isEmpty() && of[(int) f.peek()[1]] >= 0) f.poll();
            if (f.isEmpty()) continue;
            int u = (int) f.poll()[1];
            of[u] = r;
            hh[r] += units.get(u).households();
            push(units, graph, f, u, units.get(seeds.get(r)));
            byHouseholds.add(new double[] {hh[r], r});
        }
        joinNearest(units, of);
        return of;
    }

    /** Units of a part that got no grid join the region of the nearest placed unit (that grid is then not one piece). */
    private static void joinNearest(List<Unit> units, int[] of) {
        for (Unit u : units) {
            if (of[u.id()] >= 0) continue;
            double d = Double.MAX_VALUE;
            for (Unit v : units) {
                double dv = Math.hypot(u.x() - v.x(), u.y() - v.y());
                if (of[v.id()] >= 0 && dv < d) {
                    d = dv;
                    of[u.id()] = of[v.id()];
                }
            }
        }
    }

    private static void push(List<Unit> units, UnitGraph graph, PriorityQueue<double[]> f, int u, Unit seed) {
        for (int v : graph.neighbours[u]) {
            Unit w = units.get(v);
            f.add(new double[] {Math.hypot(w.x() - seed.x(), w.y() - seed.y()), v});
        }
    }

    /** k seed units of component c. */
    private static List<Integer> seeds(List<Unit> units, int[] component, int c, int k, Random rng) {
        List<Unit> members = new ArrayList<>();
        for (Unit u : units) if (component[u.id()] == c) members.add(u);
        // Seeds hold households: a seed in a household-free area (a campus, a park) can stay empty for good.
        List<Unit> candidates = members.stream().filter(u -> u.households() > 0).toList();
        if (candidates.size() < k) candidates = members;
        k = Math.min(k, candidates.size());
        double[][] centres = new double[k][];
        Unit first = members.get(rng.nextInt(members.size()));
        centres[0] = new double[] {first.x(), first.y()};
        for (int i = 1; i < k; i++) {
            Unit far = first;
            double best = -1;
            for (Unit u : members) {
                double d = Double.MAX_VALUE;
                for (int j = 0; j < i; j++) d = Math.min(d, Math.hypot(u.x() - centres[j][0], u.y() - centres[j][1]));
                if (d > best) {
                    best = d;
                    far = u;
                }
            }
            centres[i] = new double[] {far.x(), far.y()};
        }
        for (int iter = 0; iter < 8; iter++) {
            double[][] sum = new double[k][3];
            for (Unit u : members) {
                int j = nearest(centres, u);
                double w = u.households() + 1.0;
                sum[j][0] += u.x() * w;
                sum[j][1] += u.y() * w;
                sum[j][2] += w;
            }
            for (int j = 0; j < k; j++) {
                if (sum[j][2] > 0) centres[j] = new double[] {sum[j][0] / sum[j][2], sum[j][1] / sum[j][2]};
            }
        }
        List<Integer> out = new ArrayList<>();
        for (double[] centre : centres) {
            Unit best = null;
            double d = Double.MAX_VALUE;
            for (Unit u : candidates) {
                double du = Math.hypot(u.x() - centre[0], u.y() - centre[1]);
                if (du < d && !out.contains(u.id())) {
                    d = du;
                    best = u;
                }
            }
            out.add(best.id());
        }
        return out;
    }

    private static int nearest(double[][] centres, Unit u) {
        int best = 0;
        double d = Double.MAX_VALUE;
        for (int j = 0; j < centres.length; j++) {
            double dj = Math.hypot(u.x() - centres[j][0], u.y() - centres[j][1]);
            if (dj < d) {
                d = dj;
                best = j;
            }
        }
        return best;
    }
}
