/**
 * Balanced grid proposals (issue 9): a community (or every community of a street) is cut into building units
 * ({@link org.gridatlas.redistrict.Tessellation}), the units' adjacency graph is built
 * ({@link org.gridatlas.redistrict.UnitGraph}), regions are grown from spread seeds
 * ({@link org.gridatlas.redistrict.RegionGrowing}) and improved by contiguity-keeping boundary moves
 * ({@link org.gridatlas.redistrict.LocalSearch}); {@link org.gridatlas.redistrict.Bisection} is the reference
 * (recursive bisection along the longer axis). The result is saved as a draft plan through the plan capability.
 * See docs/redistrict.md.
 */
package org.gridatlas.redistrict;
