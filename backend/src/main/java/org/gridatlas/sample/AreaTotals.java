package org.gridatlas.sample;

/**
 * Building, household and resident totals of a community or grid, counting each building once: in the grid of
 * the parcel that holds it (for a straddler, the grid holding the larger share of its footprint).
 */
public record AreaTotals(String code, String name, int buildings, int households, int residents) {}
