package org.gridatlas.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Roll-ups of the grid figures and the faults per community and per street (plain Java over the rows). */
final class Rollups {
    /** A community or street of the extent. */
    record Area(String code, String name, String streetCode, long planId, String geometry) {}

    private final Map<String, Map<String, NormBand>> bands;
    /** Grids, faults and distinct full-time workers per area key ("c" + community, "s" + street): one pass each. */
    private final Map<String, List<GridCoverage>> gridsByArea = new java.util.HashMap<>();

    private final Map<String, List<CoverageFault>> faultsByArea = new java.util.HashMap<>();
    private final Map<String, java.util.Set<String>> fullTimeByArea = new java.util.HashMap<>();

    Rollups(
            List<GridCoverage> grids,
            List<WorkerWorkload> workers,
            List<CoverageFault> faults,
            Map<String, Map<String, NormBand>> bands) {
        this.bands = bands;
        for (GridCoverage g : grids) {
            gridsByArea
                    .computeIfAbsent("c" + g.communityCode(), k -> new ArrayList<>())
                    .add(g);
            gridsByArea
                    .computeIfAbsent("s" + g.streetCode(), k -> new ArrayList<>())
                    .add(g);
        }
        for (CoverageFault f : faults) {
            if (f.communityCode() == null) continue;
            faultsByArea
                    .computeIfAbsent("c" + f.communityCode(), k -> new ArrayList<>())
                    .add(f);
            faultsByArea
                    .computeIfAbsent("s" + f.communityCode().substring(0, 9), k -> new ArrayList<>())
                    .add(f);
        }
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
                .map(a -> rollup("community", a, "c" + a.code(), a.streetCode()))
                .toList();
    }

    List<AreaRollup> streets(List<Area> streets) {
        return streets.stream()
                .map(s -> rollup("street", s, "s" + s.code(), s.code()))
                .toList();
    }

    private AreaRollup rollup(String level, Area area, String key, String street) {
        List<GridCoverage> mine = gridsByArea.getOrDefault(key, List.of());
        long fullTime = fullTimeByArea.getOrDefault(key, java.util.Set.of()).size();
        int households = mine.stream().mapToInt(GridCoverage::households).sum();
        Double perWorker = fullTime == 0 ? null : CoverageService.round1((double) households / fullTime);
        Map<String, NormBand> b = bands.getOrDefault(street, Map.of());
        Map<String, Integer> counts = new TreeMap<>();
        double gap = 0, overlap = 0;
        for (CoverageFault f : faultsByArea.getOrDefault(key, List.of())) {
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
