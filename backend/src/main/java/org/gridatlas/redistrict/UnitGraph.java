package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridatlas.redistrict.SharedBorders.Border;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Which units share a border, and how long it is (m). Units touching at a point only are not neighbours, so a
 * region that is connected in this graph is one polygon. Shared borders come from matching collinear boundary
 * segments ({@link SharedBorders}, O(S log S) for S segments), not from overlaying boundaries pair by pair.
 */
final class UnitGraph {
    /** Borders shorter than this (m) do not make neighbours. */
    static final double MIN_SHARED = 0.5;

    final int[][] neighbours;
    final double[][] shared;

    private UnitGraph(int[][] neighbours, double[][] shared) {
        this.neighbours = neighbours;
        this.shared = shared;
    }

    static UnitGraph of(List<Unit> units) {
        return of(units, null);
    }

    /**
     * @param barriers lines no grid may cross (roads, rivers), or null: units whose shared border a barrier touches
     *     are not neighbours, so no region (grid) reaches across it
     */
    static UnitGraph of(List<Unit> units, Geometry barriers) {
        PreparedGeometry cut =
                barriers == null || barriers.isEmpty() ? null : PreparedGeometryFactory.prepare(barriers);
        Map<Long, Border> borders = SharedBorders.of(units, cut != null);
        int n = units.size();
        List<List<int[]>> adj = new ArrayList<>();
        List<List<Double>> len = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adj.add(new ArrayList<>());
            len.add(new ArrayList<>());
        }
        // sorted pairs: the graph (and so the search) does not depend on hash order
        for (Map.Entry<Long, Border> e : new TreeMap<>(borders).entrySet()) {
            int i = (int) (e.getKey() / n), j = (int) (e.getKey() % n);
            double l = e.getValue().length();
            if (l >= MIN_SHARED && (cut == null || !cut.intersects(e.getValue().line()))) {
                adj.get(i).add(new int[] {j});
                len.get(i).add(l);
                adj.get(j).add(new int[] {i});
                len.get(j).add(l);
            }
        }
        int[][] nb = new int[n][];
        double[][] sh = new double[n][];
        for (int i = 0; i < n; i++) {
            nb[i] = adj.get(i).stream().mapToInt(a -> a[0]).toArray();
            sh[i] = len.get(i).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new UnitGraph(nb, sh);
    }

    /** Length (m) of the border two polygons share. */
    static double sharedLength(Geometry a, Geometry b) {
        return a.getBoundary().intersection(b.getBoundary()).getLength();
    }

    int size() {
        return neighbours.length;
    }

    /** Connected component of every unit (0, 1, …). */
    int[] components() {
        int[] comp = new int[size()];
        java.util.Arrays.fill(comp, -1);
        int next = 0;
        int[] stack = new int[size()];
        for (int s = 0; s < size(); s++) {
            if (comp[s] >= 0) continue;
            int top = 0;
            stack[top++] = s;
            comp[s] = next;
            while (top > 0) {
                int u = stack[--top];
                for (int v : neighbours[u]) {
                    if (comp[v] < 0) {
                        comp[v] = next;
                        stack[top++] = v;
                    }
                }
            }
            next++;
        }
        return comp;
    }
}
