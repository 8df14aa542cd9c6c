/**
 * Coverage and workload (the grid chief's view, 网格长): which grid holds each building, the figures of every grid
 * against the norm bands, the coverage faults with their geometry, party-member pairing and the workload index of
 * every full-time worker, rolled up per community and street — on the published plan or on a draft plan.
 *
 * <p>The spatial work runs set-based in PostGIS ({@link org.gridatlas.coverage.CoverageSql}); statuses, the
 * workload index and the roll-ups are plain Java ({@link org.gridatlas.coverage.Workload},
 * {@link org.gridatlas.coverage.Rollups}). See docs/coverage.md.
 */
package org.gridatlas.coverage;
