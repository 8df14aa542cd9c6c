package org.gridatlas.bench;

import java.util.List;

/**
 * Every benchmark of scripts/bench, in report order. Capabilities add theirs here (incident import, heat-map tiles
 * and plan impact preview are still to come).
 */
public final class BenchmarkSuite {
    private BenchmarkSuite() {}

    public static List<Benchmark> all() {
        return List.of(
                new LoadRateBenchmark(),
                new TileBenchmark("buildings", new int[] {14, 15, 16}, "footprint", "building"),
                new TileBenchmark("grids", new int[] {12, 13, 14}, "geom", "grid"),
                new TileBenchmark("incidents", new int[] {16, 17}, "location", "incident"),
                new CoverageBenchmark(),
                new CopyEncodingBenchmark(),
                IncidentImportBenchmark.vsCopy(),
                IncidentImportBenchmark.vsOgr2ogr());
    }
}
