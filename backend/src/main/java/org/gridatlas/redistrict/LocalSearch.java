package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * AZP-style improvement (Openshaw's Automatic Zoning Procedure): passes over the units on region borders in a
 * seeded random order; each moves to the neighbouring region that lowers the {@link Objective} most, if its own
 * region stays connected without it and is not emptied. Stops when a pass improves nothing, after
 * {@code maxPasses}, or when cancelled. Each pass is O(n·d) plus the connectivity checks (a breadth-first search
 * bounded by the region's size).
 */
final class LocalSearch {
    private LocalSearch() {}

    static void improve(
            Regions regions,
            Objective objective,
            Random rng,
            int maxPasses,
            BooleanSupplier cancelled,
            DoubleConsumer progress) {
        int n = regions.units.size();
        int[] mark = new int[n];
        int[] queue = new int[n];
        int stamp = 0;
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) order.add(i);
        for (int pass = 0; pass < maxPasses; pass++) {
            if (cancelled.getAsBoolean()) return;
            Collections.shuffle(order, rng);
            int moves = 0;
            for (int u : order) {
                int from = regions.of[u];
                int best = -1;
                double bestDelta = -1e-9;
                for (int v : regions.graph.neighbours[u]) {
                    int to = regions.of[v];
                    if (to == from || to == best) continue;
                    double d = regions.delta(objective, u, to);
                    if (d < bestDelta) {
                        bestDelta = d;
                        best = to;
                    }
                }
                if (best >= 0 && regions.removable(u, mark, queue, ++stamp)) {
                    regions.move(u, best);
                    moves++;
                }
            }
            progress.accept((pass + 1.0) / maxPasses);
            if (moves == 0) return;
        }
    }
}
