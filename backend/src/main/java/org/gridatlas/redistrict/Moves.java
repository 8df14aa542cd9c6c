package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Households whose grid changes between the current plan and a proposal from scratch: each proposed grid is matched
 * one-to-one with the current grid it shares most households with (greedy, largest shares first); households outside
 * their grid's match count as moved.
 */
final class Moves {
    private Moves() {}

    static int moved(List<Unit> units, Map<String, Geometry> current, Regions r) {
        List<Geometry> grids = new ArrayList<>(current.values());
        if (grids.isEmpty()) return 0;
        int[][] shared = new int[r.k][grids.size()];
        for (Unit u : units) {
            for (int g = 0; g < grids.size(); g++) {
                if (grids.get(g).contains(u.shape().getInteriorPoint())) {
                    shared[r.of[u.id()]][g] += u.households();
                    break;
                }
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < r.k; i++) for (int g = 0; g < grids.size(); g++) pairs.add(new int[] {shared[i][g], i, g});
        pairs.sort((a, b) -> Integer.compare(b[0], a[0]));
        boolean[] usedR = new boolean[r.k];
        boolean[] usedG = new boolean[grids.size()];
        int kept = 0;
        for (int[] p : pairs) {
            if (usedR[p[1]] || usedG[p[2]]) continue;
            usedR[p[1]] = true;
            usedG[p[2]] = true;
            kept += p[0];
        }
        int total = units.stream().mapToInt(Unit::households).sum();
        return total - kept;
    }
}
