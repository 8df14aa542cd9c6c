package org.gridatlas.coverage;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Roll-ups of the grid figures and the faults per community and per street (plain Java over the rows). */
final class Rollups {
    /** A community or street of the extent. */
    record Area(String code, String name, String streetCode, long planId, String geometry) {}

    private final List<GridCoverage> grids;
    private final List<WorkerWorkload> workers;
    private final List<CoverageFault> faults;
    private final Map<String, Map<String, NormBand>> bands;
    /** Distinct full-time workers per community and per street code (one pass, not one scan per area). */
    private final Map<String, java.util.Set<String>> fullTimeByArea = new java.util.HashMap<>();

    Rollups(
            List<GridCoverage> grids,
            List<WorkerWorkload> workers,
            List<CoverageFault> faults,
            Map<String, Map<String, NormBand>> bands) {
        this.grids = grids;
        this.workers = workers;
        this.faults = faults;
        this.bands = bands;
        Map<String, GridCoverage> byCode = new java.util.HashMap<>();
        grids.forEach(g -> byCode.put(g.code(), g));
        for (WorkerWorkload w : workers) {
            for (String code : w.chiefGrids()) {
                GridCoverage g = byCode.get(code);
                if (g == null) continue;
                fullTimeByArea
                        .computeIfAbsent("c" + g.communityCode(), k -> new java.util.HashSet<>())
                        .add(w.code());
                fullTimeByArea
                        .computeIfAbsent("s" + g.streetCode(), k -> new java.util.HashSet<>())
                        .add(w.code());
            }
        }
    }

    List<AreaRollup> communities(List<Area> areas) {
        return areas.stream()
                .map(a -> rollup(
                        "community",
                        a,
                        "c" + a.code(),
                        a.streetCode(),
                        g -> g.communityCode().equals(a.code()),
                        code -> a.code().equals(code)))
                .toList();
    }

    List<AreaRollup> streets(List<Area> streets) {
        return streets.stream()
                .map(s -> rollup(
                        "street",
                        s,
                        "s" + s.code(),
                        s.code(),
                        g -> g.streetCode().equals(s.code()),
                        code -> code != null && code.startsWith(s.code())))
                .toList();
    }

    private AreaRollup rollup(
            String level,
            Area area,
            String key,
            String street,
            Predicate<GridCoverage> in,
            Predicate<String> community) {
        List<GridCoverage> mine = grids.stream().filter(in).toList();
        long fullTime = fullTimeByArea.getOrDefault(key, java.util.Set.of()).size();
        int households = mine.stream().mapToInt(GridCoverage::households).sum();
        Double perWorker = fullTime == 0 ? null : CoverageService.round1((double) households / fullTime);
        Map<String, NormBand> b = bands.getOrDefault(street, Map.of());
        Map<String, Integer> counts = new TreeMap<>();
        double gap = 0, overlap = 0;
        for (CoverageFault f : faults) {
            if (!community.test(f.communityCode())) continue;
            counts.merge(f.kind(), 1, Integer::sum);
            if (f.kind().equals(CoverageFault.GAP)) gap += f.areaM2();
            if (f.kind().equals(CoverageFault.OVERLAP)) overlap += f.areaM2();
        }
        return new AreaRollup(
                level,
                area.code(),
                area.name(),
                mine.size(),
                mine.stream().mapToInt(GridCoverage::buildings).sum(),
                households,
                mine.stream().mapToInt(GridCoverage::residents).sum(),
                mine.stream().mapToInt(GridCoverage::floorsWithoutLift).sum(),
                CoverageService.round1(
                        mine.stream().mapToDouble(GridCoverage::areaM2).sum()),
                (int) fullTime,
                perWorker,
                perWorker == null
                        ? "unstaffed"
                        : CoverageService.status(b.get(NormBand.HOUSEHOLDS_PER_FULL_TIME_WORKER), perWorker),
                mine.stream().mapToInt(GridCoverage::partyMembers).sum(),
                mine.stream().mapToInt(GridCoverage::householdsPaired).sum(),
                mine.stream().mapToInt(GridCoverage::pairingTarget).sum(),
                mine.stream().mapToInt(GridCoverage::incidents).sum(),
                count(mine, "below"),
                count(mine, "within"),
                count(mine, "above"),
                CoverageService.round1(gap),
                CoverageService.round1(overlap),
                counts,
                area.geometry());
    }

    private static int count(List<GridCoverage> grids, String status) {
        return (int)
                grids.stream().filter(g -> status.equals(g.householdsStatus())).count();
    }
}
