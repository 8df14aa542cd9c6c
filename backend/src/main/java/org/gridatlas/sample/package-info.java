/**
 * The deterministic generator of GridAtlas's synthetic sample street (中河街道, 鄞州区, Ningbo) and of the
 * larger district/city data sets the benchmarks use.
 *
 * <p>The data walks from coarse to fine, all in metres in UTM zone 51N (EPSG:32651):
 *
 * <ol>
 *   <li>{@link org.gridatlas.sample.RoadLattice}: jittered road centre lines cut the street into blocks (街区);
 *   <li>{@link org.gridatlas.sample.ParcelSplitter} splits every block into 1–4 parcels and {@link
 *       org.gridatlas.sample.CoverageNoder} makes the parcels an exactly noded coverage;
 *   <li>{@link org.gridatlas.sample.Zoning} gives every parcel a land use and {@link
 *       org.gridatlas.sample.BuildingPlacer} fills it with building footprints;
 *   <li>{@link org.gridatlas.sample.Partitioner} groups blocks into communities and parcels into grids, so every
 *       polygon of the hierarchy is a union of parcels and the tiling is exact by construction;
 *   <li>{@link org.gridatlas.sample.FaultPlanter} plants the few faults the coverage analysis must find;
 *   <li>{@link org.gridatlas.sample.WorkerRoster} staffs the grids and {@link
 *       org.gridatlas.sample.IncidentSimulator} simulates a year of incidents;
 *   <li>a {@link org.gridatlas.sample.SampleSink} receives each street in EPSG:4326 (files today, COPY later).
 * </ol>
 *
 * <p>Every random choice comes from a {@link org.gridatlas.sample.Rng} seeded by (seed, street number, stage), so
 * the same seed gives byte-identical files and one stage can change without reshuffling the others.
 */
package org.gridatlas.sample;
