package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * The road network of one street: north–south and east–west road centre lines 150–300 m apart whose crossings
 * are jittered, so blocks are irregular quadrilaterals that still tile the street exactly (neighbouring blocks
 * share their corner vertices).
 *
 * <p>Each line is tilted by a small random walk of angles (neighbouring roads are nearly parallel, distant ones
 * are not) and every crossing moves by a few more metres of noise.
 */
final class RoadLattice {
    private static final double MIN_SPACING = 165;
    private static final double MAX_SPACING = 290;
    private static final double MAX_TILT = 0.03;
    private static final double NOISE = 6;

    private final Coordinate[][] vertices; // [column][row], row 0 = south
    private final List<Road> northSouth;
    private final List<Road> eastWest;
    private final List<Block> blocks = new ArrayList<>();

    private RoadLattice(Coordinate[][] vertices, List<Road> northSouth, List<Road> eastWest) {
        this.vertices = vertices;
        this.northSouth = northSouth;
        this.eastWest = eastWest;
        for (int j = eastWest.size() - 2; j >= 0; j--) {
            for (int i = 0; i < northSouth.size() - 1; i++) {
                blocks.add(block(i, j));
            }
        }
    }

    static RoadLattice generate(StreetSpec spec, Rng rng) {
        double[] xs = breaks(rng, StreetSpec.WIDTH);
        double[] ys = breaks(rng, StreetSpec.HEIGHT);
        double[] tiltX = tilts(rng, xs.length);
        double[] tiltY = tilts(rng, ys.length);
        Coordinate[][] v = new Coordinate[xs.length][ys.length];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                double x = xs[i] + tiltX[i] * (ys[j] - StreetSpec.HEIGHT / 2) + rng.uniform(-NOISE, NOISE);
                double y = ys[j] + tiltY[j] * (xs[i] - StreetSpec.WIDTH / 2) + rng.uniform(-NOISE, NOISE);
                v[i][j] = new Coordinate(spec.origin().x + x, spec.origin().y + y);
            }
        }
        List<String> names = NameBook.roads(rng, xs.length + ys.length);
        return new RoadLattice(
                v, roads(names.subList(0, xs.length), true), roads(names.subList(xs.length, names.size()), false));
    }

    /** Positions 0..total with spacings drawn in [MIN_SPACING, MAX_SPACING], scaled to end exactly at total. */
    private static double[] breaks(Rng rng, double total) {
        List<Double> positions = new ArrayList<>(List.of(0.0));
        double at = 0;
        while (at < total - MIN_SPACING / 2) {
            at += rng.uniform(MIN_SPACING, MAX_SPACING);
            positions.add(at);
        }
        double scale = total / at;
        return positions.stream().mapToDouble(p -> p * scale).toArray();
    }

    private static double[] tilts(Rng rng, int n) {
        double[] tilt = new double[n];
        for (int i = 1; i < n; i++) {
            tilt[i] = Math.max(-MAX_TILT, Math.min(MAX_TILT, tilt[i - 1] + rng.uniform(-0.01, 0.01)));
        }
        return tilt;
    }

    /** Border roads and every fourth road are arterials. */
    private static List<Road> roads(List<String> names, boolean northSouth) {
        List<Road> roads = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            boolean arterial = i == 0 || i == names.size() - 1 || i % 4 == 0;
            roads.add(new Road(names.get(i), arterial, northSouth));
        }
        return List.copyOf(roads);
    }

    private Block block(int i, int j) {
        Coordinate[] corners = {vertices[i][j], vertices[i + 1][j], vertices[i + 1][j + 1], vertices[i][j + 1]};
        Road[] sides = {eastWest.get(j), northSouth.get(i + 1), eastWest.get(j + 1), northSouth.get(i)};
        return new Block(blocks.size(), corners, sides);
    }

    /** Blocks from north to south, west to east. */
    List<Block> blocks() {
        return blocks;
    }

    /** Every lattice edge with its road and the roads crossing at its ends. */
    List<RoadSegment> segments() {
        List<RoadSegment> segments = new ArrayList<>();
        for (int i = 0; i < northSouth.size(); i++) {
            for (int j = eastWest.size() - 1; j > 0; j--) {
                segments.add(new RoadSegment(
                        northSouth.get(i), vertices[i][j], vertices[i][j - 1], eastWest.get(j), eastWest.get(j - 1)));
            }
        }
        for (int j = 0; j < eastWest.size(); j++) {
            for (int i = 0; i + 1 < northSouth.size(); i++) {
                segments.add(new RoadSegment(
                        eastWest.get(j), vertices[i][j], vertices[i + 1][j], northSouth.get(i), northSouth.get(i + 1)));
            }
        }
        return segments;
    }
}
