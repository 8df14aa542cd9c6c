package org.gridatlas.redistrict;

/**
 * What the local search minimises, per region r with households H, target T and band [lo, hi]:
 * {@code balance·((H−T)/T)² + 100·(v/T)² + 10·v/T + compactness·(1 − PP)}, where v is how far H lies outside the
 * band and PP the Polsby–Popper compactness 4πA/P²; plus {@code moved·M/T} for the households M placed in another
 * region than at the start (minimal-change mode). The squared band term spreads an excess over neighbouring regions,
 * so a chain of moves can carry it to a region with room.
 *
 * @param target households per region the deviation is measured from
 * @param lo fewest households a region should have
 * @param hi most households a region should have
 * @param balance weight of the squared relative deviation from the target (0 in minimal-change mode)
 * @param compactness weight of 1 − Polsby–Popper
 * @param moved weight of the households moved from their starting region (minimal-change mode), else 0
 */
record Objective(double target, double lo, double hi, double balance, double compactness, double moved) {
    double region(double households, double area, double perimeter) {
        double t = Math.max(target, 1);
        double dev = (households - target) / t;
        double v = Math.max(0, lo - households) + Math.max(0, households - hi);
        double pp = perimeter <= 0 ? 0 : 4 * Math.PI * area / (perimeter * perimeter);
        return balance * dev * dev + 100 * (v / t) * (v / t) + 10 * v / t + compactness * (1 - pp);
    }

    double movedCost(double households) {
        return moved * households / Math.max(target, 1);
    }
}
