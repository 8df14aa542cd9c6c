package org.gridatlas.redistrict;

import java.util.List;

/**
 * An assignment of units to regions with each region's households, area and perimeter kept up to date, so a move's
 * change of the objective is computed in O(degree of the unit).
 */
final class Regions {
    final List<Unit> units;
    final UnitGraph graph;
    final int[] of;
    final int k;
    final double[] households;
    final double[] area;
    final double[] perimeter;
    final int[] size;
    /** The region each unit started in (minimal-change mode), or null. */
    final int[] start;

    Regions(List<Unit> units, UnitGraph graph, int[] assignment, int k, int[] start) {
        this.units = units;
        this.graph = graph;
        this.of = assignment.clone();
        this.k = k;
        this.start = start;
        households = new double[k];
        area = new double[k];
        perimeter = new double[k];
        size = new int[k];
        for (Unit u : units) {
            int r = of[u.id()];
            households[r] += u.households();
            area[r] += u.area();
            perimeter[r] += u.perimeter();
            size[r]++;
        }
        for (int i = 0; i < units.size(); i++) {
            for (int j = 0; j < graph.neighbours[i].length; j++) {
                if (of[graph.neighbours[i][j]] == of[i]) perimeter[of[i]] -= graph.shared[i][j];
            }
        }
    }

    /** Border length (m) unit u shares with region r. */
    double sharedWith(int u, int r) {
        double s = 0;
        for (int j = 0; j < graph.neighbours[u].length; j++) {
            if (of[graph.neighbours[u][j]] == r) s += graph.shared[u][j];
        }
        return s;
    }

    /** Change of the objective if unit u moved to region to. */
    double delta(Objective o, int u, int to) {
        int from = of[u];
        Unit unit = units.get(u);
        double h = unit.households();
        double before = o.region(households[from], area[from], perimeter[from])
                + o.region(households[to], area[to], perimeter[to]);
        double pFrom = perimeter[from] - unit.perimeter() + 2 * sharedWith(u, from);
        double pTo = perimeter[to] + unit.perimeter() - 2 * sharedWith(u, to);
        double after = o.region(households[from] - h, area[from] - unit.area(), pFrom)
                + o.region(households[to] + h, area[to] + unit.area(), pTo);
        double moved = 0;
        if (start != null) {
            if (start[u] == from) moved += o.movedCost(h);
            if (start[u] == to) moved -= o.movedCost(h);
        }
        return after - before + moved;
    }

    /** Polsby–Popper of u's region without u, and of region to with u: {from, to}. */
    double[] polsbyPopperIfMoved(int u, int to) {
        int from = of[u];
        Unit unit = units.get(u);
        double pFrom = perimeter[from] - unit.perimeter() + 2 * sharedWith(u, from);
        double pTo = perimeter[to] + unit.perimeter() - 2 * sharedWith(u, to);
        double aFrom = area[from] - unit.area(), aTo = area[to] + unit.area();
        return new double[] {
            pFrom <= 0 ? 0 : 4 * Math.PI * aFrom / (pFrom * pFrom), pTo <= 0 ? 0 : 4 * Math.PI * aTo / (pTo * pTo)
        };
    }

    void move(int u, int to) {
        int from = of[u];
        Unit unit = units.get(u);
        perimeter[from] += -unit.perimeter() + 2 * sharedWith(u, from);
        perimeter[to] += unit.perimeter() - 2 * sharedWith(u, to);
        households[from] -= unit.households();
        households[to] += unit.households();
        area[from] -= unit.area();
        area[to] += unit.area();
        size[from]--;
        size[to]++;
        of[u] = to;
    }

    /**
     * Whether u may leave its region: the region keeps households if it had some (a grid drained to zero households
     * could sit on a plateau of household-free units that no single move improves: the empty grid of issue 9), and
     * stays connected (its neighbours in the region still reach each other).
     */
    boolean removable(int u, int[] mark, int[] queue, int stamp) {
        int r = of[u];
        if (size[r] <= 1) return false;
        if (households[r] > 0 && households[r] - units.get(u).households() <= 0) return false;
        int first = -1;
        int need = 0;
        for (int v : graph.neighbours[u]) {
            if (of[v] == r) {
                if (first < 0) first = v;
                need++;
            }
        }
        if (need <= 1) return need == 1;
        mark[u] = stamp;
        mark[first] = stamp;
        int head = 0, tail = 0, found = 1;
        queue[tail++] = first;
        while (head < tail) {
            int x = queue[head++];
            for (int v : graph.neighbours[x]) {
                if (mark[v] == stamp || of[v] != r) continue;
                mark[v] = stamp;
                queue[tail++] = v;
                for (int w : graph.neighbours[u]) {
                    if (w == v) {
                        found++;
                        break;
                    }
                }
                if (found == need) return true;
            }
        }
        return found == need;
    }

    /** Polsby–Popper compactness 4πA/P² of region r. */
    double polsbyPopper(int r) {
        return perimeter[r] <= 0 ? 0 : 4 * Math.PI * area[r] / (perimeter[r] * perimeter[r]);
    }

    /** Households of units not in their starting region. */
    int movedHouseholds() {
        if (start == null) return 0;
        int m = 0;
        for (Unit u : units) if (of[u.id()] != start[u.id()]) m += u.households();
        return m;
    }
}
