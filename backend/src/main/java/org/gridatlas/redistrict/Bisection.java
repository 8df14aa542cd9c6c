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
        units.sort(
                Comparator.comparingDouble((Unit u) -> alongX ? u.x() : u.y()).thenComparingInt(Unit::id));
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
