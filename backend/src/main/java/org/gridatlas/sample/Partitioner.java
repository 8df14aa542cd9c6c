package org.gridatlas.sample;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a connected set of cells (blocks or parcels) into k contiguous groups of similar weight (households), the
 * way a planner would: k seeds spread far apart, then region growing where the lightest group takes its nearest
 * free neighbour, then a few passes moving border cells from heavy to light groups.
 *
 * <p>Contiguity holds by construction: a group only ever gains a neighbour of one of its cells, and a cell only
 * leaves a group if the rest stays connected. Balance is good but not perfect, as in real grids: a single parcel
 * of towers can push its grid above the norm. O(n² k) for n cells, fine for the hundreds of cells of one street.
 */
final class Partitioner {
    /**
     * One cell to be grouped.
     *
     * @param x easting of its centre
     * @param y northing of its centre
     * @param weight what should be balanced (households plus a little area)
     */
    record Cell(double x, double y, double weight) {}

    private static final int REFINE_PASSES = 30;
    /** Runs from different first seeds; the most balanced wins. */
    private static final int RESTARTS = 16;

    private final List<Cell> cells;
    private final int[][] adjacency;
    private final int[] group;
    private final double[] weight;

    private Partitioner(List<Cell> cells, int[][] adjacency, int k) {
        this.cells = cells;
        this.adjacency = adjacency;
        this.group = new int[cells.size()];
        this.weight = new double[k];
        Arrays.fill(group, -1);
    }

    /** The group (0..k-1) of each cell: the most balanced of a few runs started from different seeds. */
    static int[] partition(List<Cell> cells, int[][] adjacency, int k) {
        if (k > cells.size()) {
            throw new IllegalArgumentException(k + " groups asked of " + cells.size() + " cells");
        }
        Partitioner best = null;
        for (int attempt = 0; attempt < RESTARTS; attempt++) {
            Partitioner p = new Partitioner(cells, adjacency, k);
            p.seed(attempt);
            p.grow();
            for (int pass = 0; pass < REFINE_PASSES && p.refine(); pass++) {
                // keep moving cells while that improves the balance
            }
            if (best == null || p.imbalance() < best.imbalance()) {
                best = p;
            }
        }
        return best.group;
    }

    /** Sum of squared differences between group weights and their mean. */
    private double imbalance() {
        double mean = Arrays.stream(weight).average().orElse(0);
        return Arrays.stream(weight).map(w -> (w - mean) * (w - mean)).sum();
    }

    /**
     * Farthest-point seeds among the heavier cells (at least the mean weight), so that no group starts on empty
     * land and stays empty. Run 0 starts from the heavy cell farthest from the centre, run r from the r-th heavy
     * cell; each next seed is the heavy cell farthest from all seeds so far.
     */
    private void seed(int run) {
        double cx = cells.stream().mapToDouble(Cell::x).average().orElse(0);
        double cy = cells.stream().mapToDouble(Cell::y).average().orElse(0);
        double mean = cells.stream().mapToDouble(Cell::weight).average().orElse(0);
        long heavy = cells.stream().filter(c -> c.weight() >= mean).count();
        double[] nearestSeed = new double[cells.size()];
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            boolean candidate = heavy < weight.length || cells.get(i).weight() >= mean;
            nearestSeed[i] =
                    candidate ? Math.hypot(cells.get(i).x() - cx, cells.get(i).y() - cy) : -1;
            if (candidate) {
                candidates.add(i);
            }
        }
        for (int g = 0; g < weight.length; g++) {
            int best = g == 0 && run > 0 ? candidates.get((run - 1) % candidates.size()) : argMax(nearestSeed);
            assign(best, g);
            for (int i = 0; i < cells.size(); i++) {
                nearestSeed[i] = nearestSeed[i] < 0 ? -1 : Math.min(nearestSeed[i], distance(i, best));
            }
            nearestSeed[best] = -1;
        }
    }

    private void grow() {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int g : groupsByWeight()) {
                int next = nearestFreeNeighbour(g);
                if (next >= 0) {
                    assign(next, g);
                    grew = true;
                    break;
                }
            }
        }
        for (int i = 0; i < group.length; i++) {
            if (group[i] < 0) {
                throw new IllegalStateException("cell " + i + " is not connected to the others");
            }
        }
    }

    private int nearestFreeNeighbour(int g) {
        double[] centre = centre(g);
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < group.length; i++) {
            if (group[i] != g) {
                continue;
            }
            for (int n : adjacency[i]) {
                double d = Math.hypot(cells.get(n).x() - centre[0], cells.get(n).y() - centre[1]);
                if (group[n] < 0 && d < bestDistance) {
                    best = n;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /**
     * One pass of moving border cells to a lighter neighbouring group; true if anything moved. Only cells that
     * weigh something move (empty land flowing to the lightest group would make snakes), and only to a group whose
     * centre is not much farther than their own group's, which keeps groups compact.
     */
    private boolean refine() {
        double minimum = 0.02 * Arrays.stream(weight).sum() / weight.length;
        boolean moved = false;
        for (int i = 0; i < group.length; i++) {
            int from = group[i];
            double w = cells.get(i).weight();
            for (int n : adjacency[i]) {
                int to = group[n];
                if (to != from
                        && w >= minimum
                        && weight[from] - weight[to] > w
                        && compact(i, from, to)
                        && staysConnected(from, i)) {
                    weight[from] -= w;
                    weight[to] += w;
                    group[i] = to;
                    moved = true;
                    break;
                }
            }
        }
        return moved;
    }

    private boolean compact(int cell, int from, int to) {
        double[] a = centre(from);
        double[] b = centre(to);
        Cell c = cells.get(cell);
        return Math.hypot(c.x() - b[0], c.y() - b[1]) <= 1.25 * Math.hypot(c.x() - a[0], c.y() - a[1]);
    }

    /** Whether group g is still connected (and not empty) once cell {@code without} leaves it. */
    private boolean staysConnected(int g, int without) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < group.length; i++) {
            if (group[i] == g && i != without) {
                members.add(i);
            }
        }
        if (members.isEmpty()) {
            return false;
        }
        boolean[] seen = new boolean[group.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(members.get(0)));
        seen[members.get(0)] = true;
        int reached = 0;
        while (!queue.isEmpty()) {
            int c = queue.poll();
            reached++;
            for (int n : adjacency[c]) {
                if (!seen[n] && n != without && group[n] == g) {
                    seen[n] = true;
                    queue.add(n);
                }
            }
        }
        return reached == members.size();
    }

    private Integer[] groupsByWeight() {
        Integer[] order = new Integer[weight.length];
        for (int g = 0; g < order.length; g++) {
            order[g] = g;
        }
        Arrays.sort(
                order, (a, b) -> weight[a] != weight[b] ? Double.compare(weight[a], weight[b]) : Integer.compare(a, b));
        return order;
    }

    private double[] centre(int g) {
        double x = 0;
        double y = 0;
        int n = 0;
        for (int i = 0; i < group.length; i++) {
            if (group[i] == g) {
                x += cells.get(i).x();
                y += cells.get(i).y();
                n++;
            }
        }
        return new double[] {x / n, y / n};
    }

    private void assign(int cell, int g) {
        group[cell] = g;
        weight[g] += cells.get(cell).weight();
    }

    private double distance(int a, int b) {
        return Math.hypot(
                cells.get(a).x() - cells.get(b).x(),
                cells.get(a).y() - cells.get(b).y());
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
