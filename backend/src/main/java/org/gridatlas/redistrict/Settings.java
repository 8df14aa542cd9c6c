package org.gridatlas.redistrict;

/**
 * How to propose.
 *
 * @param minimalChange start from the current plan and move as few households as possible (else from scratch)
 * @param lo fewest households per grid (norm band)
 * @param hi most households per grid (norm band)
 * @param compactness weight of compactness against balance (0 … 1; default 0.5)
 * @param seed random seed: the same seed and input give the same proposal
 * @param keepCompounds keep the buildings of a compound (小区) in one grid when the compound fits the band
 */
public record Settings(
        boolean minimalChange, double lo, double hi, double compactness, long seed, boolean keepCompounds) {}
