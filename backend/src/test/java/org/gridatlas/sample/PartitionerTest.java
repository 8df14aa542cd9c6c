package org.gridatlas.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionerTest {
    /** A 6 × 6 board of unit cells with rook adjacency. */
    private static final int SIDE = 6;

    @Test
    void splitsABoardIntoContiguousGroupsOfSimilarWeight() {
        List<Partitioner.Cell> cells = new ArrayList<>();
        for (int i = 0; i < SIDE * SIDE; i++) {
            cells.add(new Partitioner.Cell(i % SIDE, i / SIDE, 1));
        }
        int[] group = Partitioner.partition(cells, board(), 4);

        for (int g = 0; g < 4; g++) {
            assertThat(size(group, g)).as("cells of group %d", g).isBetween(7, 11);
            assertThat(connected(group, g)).as("group %d is contiguous", g).isTrue();
        }
    }

    @Test
    void noGroupStartsOnEmptyLand() {
        List<Partitioner.Cell> cells = new ArrayList<>();
        for (int i = 0; i < SIDE * SIDE; i++) {
            boolean emptyCorner = i % SIDE < 3 && i / SIDE < 3;
            cells.add(new Partitioner.Cell(i % SIDE, i / SIDE, emptyCorner ? 0.01 : 10));
        }
        int[] group = Partitioner.partition(cells, board(), 3);

        for (int g = 0; g < 3; g++) {
            double weight = 0;
            for (int i = 0; i < group.length; i++) {
                weight += group[i] == g ? cells.get(i).weight() : 0;
            }
            assertThat(weight).as("weight of group %d", g).isGreaterThan(60);
        }
    }

    private static int[][] board() {
        int[][] adjacency = new int[SIDE * SIDE][];
        for (int i = 0; i < SIDE * SIDE; i++) {
            List<Integer> n = new ArrayList<>();
            int x = i % SIDE;
            int y = i / SIDE;
            if (x > 0) n.add(i - 1);
            if (x < SIDE - 1) n.add(i + 1);
            if (y > 0) n.add(i - SIDE);
            if (y < SIDE - 1) n.add(i + SIDE);
            adjacency[i] = n.stream().mapToInt(Integer::intValue).toArray();
        }
        return adjacency;
    }

    private static int size(int[] group, int g) {
        int n = 0;
        for (int x : group) {
            n += x == g ? 1 : 0;
        }
        return n;
    }

    private static boolean connected(int[] group, int g) {
        int[][] adjacency = board();
        int start = -1;
        for (int i = 0; i < group.length && start < 0; i++) {
            start = group[i] == g ? i : -1;
        }
        boolean[] seen = new boolean[group.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        seen[start] = true;
        int reached = 0;
        while (!queue.isEmpty()) {
            int c = queue.poll();
            reached++;
            for (int n : adjacency[c]) {
                if (!seen[n] && group[n] == g) {
                    seen[n] = true;
                    queue.add(n);
                }
            }
        }
        return reached == size(group, g);
    }
}
