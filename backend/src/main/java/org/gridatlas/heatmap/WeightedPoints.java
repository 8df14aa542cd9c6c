package org.gridatlas.heatmap;

import java.util.Arrays;

/**
 * Points in Web-Mercator metres with a weight each (an incident, or a pre-aggregated cell at its centre with its
 * count), growable. Plain arrays: a tile at district scale carries tens of thousands of them.
 */
final class WeightedPoints {
    private double[] x = new double[256];
    private double[] y = new double[256];
    private double[] w = new double[256];
    private int size;

    void add(double mx, double my, double weight) {
        if (size == x.length) {
            x = Arrays.copyOf(x, size * 2);
            y = Arrays.copyOf(y, size * 2);
            w = Arrays.copyOf(w, size * 2);
        }
        x[size] = mx;
        y[size] = my;
        w[size++] = weight;
    }

    /** Adds a point given in lon/lat degrees. */
    void addLonLat(double lon, double lat, double weight) {
        add(WebMercator.x(lon), WebMercator.y(lat), weight);
    }

    int size() {
        return size;
    }

    double x(int i) {
        return x[i];
    }

    double y(int i) {
        return y[i];
    }

    double w(int i) {
        return w[i];
    }

    /** Sum of the weights. */
    double total() {
        double t = 0;
        for (int i = 0; i < size; i++) t += w[i];
        return t;
    }
}
