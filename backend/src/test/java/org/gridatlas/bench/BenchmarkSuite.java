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
                new TileBenchmark(
                        "buildings",
                        new int[] {14, 15, 16},
                        "footprint",
                        "building",
                        "code, type, floors, households, residents, community_code"),
                new TileBenchmark("grids", new int[] {12, 13, 14}, "geom", "grid", "code, name, community_code"),
                new TileBenchmark(
                        "incidents",
                        new int[] {16, 17},
                        "location",
                        "incident",
                        "external_id, category_big, category_code, status, source,"
                                + " to_char(reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS reported_on,"
                                + " 1 AS count"),
                new CoverageBenchmark(),
                new CopyEncodingBenchmark(),
                new PlanPreviewBenchmark(),
                new PlanValidationBenchmark(),
                new PlanPublishBenchmark(),
                new RedistrictBenchmark(false),
                new RedistrictBenchmark(true),
                new RedistrictBenchmark("synthetic-street"),
                new HeatmapTileBenchmark(),
                IncidentImportBenchmark.vsCopy(),
                IncidentImportBenchmark.vsOgr2ogr());
    }
}
