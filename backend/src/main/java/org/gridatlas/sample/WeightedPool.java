package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Items drawn with probability proportional to their weight, in O(log n) per draw. */
final class WeightedPool<T> {
    private final List<T> items = new ArrayList<>();
    private double[] cumulative = new double[16];
    private double total;

    void add(T item, double weight) {
        if (weight <= 0) {
            return;
        }
        if (items.size() == cumulative.length) {
            cumulative = Arrays.copyOf(cumulative, cumulative.length * 2);
        }
        total += weight;
        cumulative[items.size()] = total;
        items.add(item);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    T draw(Rng rng) {
        if (items.isEmpty()) {
            throw new IllegalStateException("nothing to draw from");
        }
        double target = rng.next() * total;
        int i = Arrays.binarySearch(cumulative, 0, items.size(), target);
        int index = i >= 0 ? i + 1 : -i - 1;
        return items.get(Math.min(index, items.size() - 1));
    }
}
