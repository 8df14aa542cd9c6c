package org.gridatlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.api.NotFoundException;
import org.gridatlas.security.Scope;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the hand-built community of fixtures/coverage (README there): every expected number below was worked
 * out by hand from the WKT, one cell of 0.001° × 0.001° at 30° N being 96,485.9 m × 110,852.5 m = 10,695.7 m².
 */
class CoverageFixtureTest extends CoverageFixtureBase {
    private static final double CELL_M2 = 10_695.7;

    private Coverage published() {
        return service.coverage(STREET, CoverageRequest.defaults(), true);
    }

    @Test
    void buildingsGoToTheGridHoldingTheirFootprintOnceEach() {
        Map<String, GridCoverage> grids = byCode(published().grids(), GridCoverage::code);
        assertThat(grids.keySet()).containsExactlyInAnyOrder(G1, G2, G3, G4);
        // G1: BT-1; G2: BT-2 and the straddler BT-3 (60 %); G3: BT-7 and BT-9 (97 %); G4: BT-4 (hole), BT-5 (exclave)
        assertThat(grids.get(G1))
                .extracting(
                        GridCoverage::buildings,
                        GridCoverage::households,
                        GridCoverage::residents,
                        GridCoverage::floorsWithoutLift)
                .containsExactly(1, 100, 250, 6);
        assertThat(grids.get(G2))
                .extracting(
                        GridCoverage::buildings,
                        GridCoverage::households,
                        GridCoverage::residents,
                        GridCoverage::floorsWithoutLift,
                        GridCoverage::splitBuildings)
                .containsExactly(2, 250, 625, 5, 1);
        assertThat(grids.get(G3))
                .extracting(
                        GridCoverage::buildings,
                        GridCoverage::households,
                        GridCoverage::floorsWithoutLift,
                        GridCoverage::splitBuildings)
                .containsExactly(2, 90, 6, 0);
        assertThat(grids.get(G4))
                .extracting(GridCoverage::buildings, GridCoverage::households, GridCoverage::floorsWithoutLift)
                .containsExactly(2, 70, 9);
    }

    @Test
    void areasAreInSquareMetresWithinOnePercent() {
        Map<String, GridCoverage> grids = byCode(published().grids(), GridCoverage::code);
        assertThat(grids.get(G1).areaM2()).isCloseTo(2.75 * CELL_M2, withPercentage(1)); // 1.5 × 2 minus the hole
        assertThat(grids.get(G2).areaM2()).isCloseTo(3.2 * CELL_M2, withPercentage(1));
        assertThat(grids.get(G3).areaM2()).isCloseTo(1.25 * CELL_M2, withPercentage(1)); // 1 × 1.5 minus the corner
        assertThat(grids.get(G4).areaM2()).isCloseTo(0.75 * CELL_M2, withPercentage(1)); // 0.25 + 0.5
    }

    @Test
    void staffPairingAndNormStatus() {
        Map<String, GridCoverage> grids = byCode(published().grids(), GridCoverage::code);
        GridCoverage g2 = grids.get(G2);
        assertThat(g2.fullTimeWorkers()).isEqualTo(1);
        assertThat(g2.partyMembers()).isEqualTo(2);
        assertThat(g2.householdsPaired()).isEqualTo(9); // 4 + 5
        assertThat(g2.pairingTarget()).isEqualTo(10); // 2 members × 5 households
        assertThat(g2.householdsPerFullTimeWorker()).isEqualTo(250.0);
        assertThat(g2.householdsStatus()).isEqualTo("below"); // 250 < 300
        assertThat(g2.workerStatus()).isEqualTo("within"); // 160 ≤ 250 ≤ 300
        assertThat(grids.get(G1).workerStatus()).isEqualTo("below"); // 100 < 160
        assertThat(grids.get(G4).workerStatus()).isEqualTo("unstaffed");
        assertThat(grids.get(G1).buildingLeaders()).isEqualTo(2);
    }

    @Test
    void everyFaultIsFoundWithItsGeometry() {
        List<CoverageFault> faults = published().faults();
        Map<String, Long> kinds =
                faults.stream().collect(Collectors.groupingBy(CoverageFault::kind, Collectors.counting()));
        assertThat(kinds)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "gap", 1L,
                        "overlap", 1L,
                        "building_outside", 1L,
                        "split_building", 1L,
                        "unstaffed_grid", 1L,
                        "worker_without_grid", 1L,
                        "leader_outside_grid", 1L));
        assertThat(one(faults, "gap").areaM2()).isCloseTo(0.25 * CELL_M2, withPercentage(1));
        assertThat(one(faults, "gap").geometry()).contains("Polygon");
        CoverageFault overlap = one(faults, "overlap");
        assertThat(overlap.areaM2()).isCloseTo(0.2 * CELL_M2, withPercentage(1)); // 0.1 × 2
        assertThat(List.of(overlap.gridCode(), overlap.relatedCode())).containsExactly(G1, G2);
        assertThat(one(faults, "building_outside"))
                .extracting(CoverageFault::relatedCode, CoverageFault::households)
                .containsExactly("BT-6", 20);
        CoverageFault split = one(faults, "split_building");
        assertThat(split.relatedCode()).isEqualTo("BT-3");
        assertThat(split.gridCode()).isEqualTo(G2);
        assertThat(split.detail().replace(" ", ""))
                .contains("{\"grid_code\":\"" + G2 + "\",\"share\":0.600}")
                .contains("{\"grid_code\":\"" + G3 + "\",\"share\":0.400}");
        assertThat(one(faults, "unstaffed_grid").gridCode()).isEqualTo(G4);
        assertThat(one(faults, "worker_without_grid").relatedCode()).isEqualTo("WT-8");
        CoverageFault leader = one(faults, "leader_outside_grid");
        assertThat(leader.relatedCode()).isEqualTo("WT-6");
        assertThat(leader.gridCode()).isEqualTo(G1);
        assertThat(leader.detail()).contains("BT-2", G2);
    }

    /**
     * A second community east of the first, [4,6]×[0,2], whose grid G5 = [3.8,6]×[0.6,2] reaches 0.2 west into the
     * first community: it overlaps G3 on [3.8,4]×[0.6,1.5] (0.18 cell) and G4's strip on [3.8,4]×[1.5,2] (0.1 cell),
     * lies outside its community on [3.8,4]×[0.6,2] (0.28 cell) and leaves the gap [4,6]×[0,0.6] (1.2 cells).
     * Overlaps between grids of two communities are found even though each community's own grids do not overlap.
     */
    @Test
    void aGridReachingIntoTheNextCommunityOverlapsItsGrids() {
        String u = "ST_Multi(ST_SetSRID(ST_Affine(ST_GeomFromText(:wkt), 0.001, 0, 0, 0.001, 120, 30), 4326))";
        jdbc.sql("INSERT INTO community (code, street_code, name, geom) VALUES ('330299001002', '330299001', '东邻', " + u
                        + ")")
                .param("wkt", "POLYGON((4 0, 6 0, 6 2, 4 2, 4 0))")
                .update();
        jdbc.sql("INSERT INTO grid (plan_id, code, community_code, name, geom)"
                        + " VALUES (990001, '330299001002001', '330299001002', 'G5', " + u + ")")
                .param("wkt", "POLYGON((3.8 0.6, 6 0.6, 6 2, 3.8 2, 3.8 0.6))")
                .update();
        String g5 = "330299001002001";
        List<CoverageFault> faults = published().faults();
        Map<String, Double> overlaps = faults.stream()
                .filter(f -> f.kind().equals("overlap"))
                .collect(Collectors.toMap(f -> f.gridCode() + "/" + f.relatedCode(), CoverageFault::areaM2));
        assertThat(overlaps).containsOnlyKeys(G1 + "/" + G2, G3 + "/" + g5, G4 + "/" + g5);
        assertThat(overlaps.get(G3 + "/" + g5)).isCloseTo(0.18 * CELL_M2, withPercentage(1));
        assertThat(overlaps.get(G4 + "/" + g5)).isCloseTo(0.1 * CELL_M2, withPercentage(1));
        CoverageFault outside = one(faults, "outside_community");
        assertThat(outside.gridCode()).isEqualTo(g5);
        assertThat(outside.areaM2()).isCloseTo(0.28 * CELL_M2, withPercentage(1));
        CoverageFault eastGap = faults.stream()
                .filter(f -> f.kind().equals("gap") && f.communityCode().equals("330299001002"))
                .findFirst()
                .orElseThrow();
        assertThat(eastGap.areaM2()).isCloseTo(1.2 * CELL_M2, withPercentage(1));
    }

    @Test
    void incidentsAreCountedByTheirStampedGridOrByPlaceOnADraft() {
        CoverageRequest request = CoverageRequest.defaults();
        double months = (request.to().toEpochDay() - request.from().toEpochDay() + 1) / 30.44;
        Map<String, GridCoverage> grids = byCode(published().grids(), GridCoverage::code);
        assertThat(grids.get(G2).incidents()).isEqualTo(3);
        assertThat(grids.get(G2).incidentsPerMonth()).isCloseTo(3 / months, within(0.051));
        assertThat(grids.get(G1).incidents()).isEqualTo(1);
        assertThat(grids.get(G3).incidents()).isZero();
        Coverage draft = service.coverage(STREET, request.with(990002L, null), false);
        assertThat(draft.grids().get(0).incidents()).isEqualTo(4);
        CoverageRequest before = new CoverageRequest(
                null,
                null,
                0.05,
                request.from().minusYears(1),
                request.from().minusYears(1).plusDays(30),
                request.weights(),
                Map.of(),
                1);
        assertThat(service.coverage(STREET, before, false).grids())
                .allSatisfy(g -> assertThat(g.incidents()).isZero());
    }

    @Test
    void theToleranceDecidesWhatIsSplit() {
        CoverageRequest d = CoverageRequest.defaults();
        CoverageRequest strict = new CoverageRequest(null, null, 0.02, d.from(), d.to(), d.weights(), Map.of(), 1);
        List<CoverageFault> faults = service.coverage(STREET, strict, false).faults();
        // at 2 % BT-9 (3 % in G4) is split too
        assertThat(faults.stream()
                        .filter(f -> f.kind().equals("split_building"))
                        .map(CoverageFault::relatedCode))
                .containsExactlyInAnyOrder("BT-3", "BT-9");
    }

    @Test
    void workloadRanksTheFullTimeWorkersAgainstTheirMedian() {
        CoverageRequest d = CoverageRequest.defaults();
        CoverageRequest households = new CoverageRequest(
                null, null, d.tolerance(), d.from(), d.to(), WorkloadWeights.parse("households:1"), Map.of(), 1);
        Map<String, WorkerWorkload> workers =
                byCode(service.coverage(STREET, households, false).workers(), WorkerWorkload::code);
        // households 100 (WT-1), 250 (WT-2), 90 (WT-3); median 100; outlier above 1.5 × the median index 1.0
        assertThat(workers.get("WT-2"))
                .extracting(WorkerWorkload::index, WorkerWorkload::rank, WorkerWorkload::outlier)
                .containsExactly(2.5, 1, true);
        assertThat(workers.get("WT-1"))
                .extracting(WorkerWorkload::index, WorkerWorkload::rank, WorkerWorkload::outlier)
                .containsExactly(1.0, 2, false);
        assertThat(workers.get("WT-3"))
                .extracting(WorkerWorkload::index, WorkerWorkload::rank, WorkerWorkload::outlier)
                .containsExactly(0.9, 3, false);
        assertThat(workers.get("WT-4").index()).isNull();
        assertThat(workers.get("WT-1").phone())
                .as("a planner does not call workers")
                .isNull();
        assertThat(workers.get("WT-1").name()).isEqualTo("甲");
    }

    @Test
    void rollUpsSumTheGridsAndCountTheFaults() {
        Coverage coverage = published();
        AreaRollup community = coverage.communities().get(0);
        assertThat(community.code()).isEqualTo("330299001001");
        assertThat(community.households()).isEqualTo(510); // 100 + 250 + 90 + 70; BT-6 (20) lies in no grid
        assertThat(community.buildings()).isEqualTo(7);
        assertThat(community.fullTimeWorkers()).isEqualTo(3);
        assertThat(community.gapM2()).isCloseTo(0.25 * CELL_M2, withPercentage(1));
        assertThat(community.faults()).containsEntry("gap", 1).containsEntry("split_building", 1);
        AreaRollup street = coverage.streets().get(0);
        assertThat(street.households()).isEqualTo(510);
        assertThat(street.areaM2()).isCloseTo(7.95 * CELL_M2, withPercentage(1));
    }

    @Test
    void aDraftPlanIsComputedOnItsOwnGrids() {
        Coverage draft = service.coverage(STREET, CoverageRequest.defaults().with(990002L, null), false);
        assertThat(draft.grids()).singleElement().satisfies(g -> {
            assertThat(g.households()).isEqualTo(530); // every building, BT-6 included: 510 + 20
            assertThat(g.buildings()).isEqualTo(8);
            assertThat(g.areaM2()).isCloseTo(8 * CELL_M2, withPercentage(1));
            assertThat(g.fullTimeWorkers()).isEqualTo(1); // WT-1's duty names code …001, which the draft keeps
        });
        // no gap, overlap or split any more; the duties on …002 and …003 name grids the draft does not have
        assertThat(draft.faults()).allSatisfy(f -> assertThat(f.kind()).isEqualTo("worker_without_grid"));
        assertThat(draft.faults().stream().map(CoverageFault::relatedCode))
                .containsExactlyInAnyOrder("WT-2", "WT-3", "WT-4", "WT-5", "WT-8");
    }

    @Test
    void badPlanAndCommunityAreNamed() {
        assertThatThrownBy(() ->
                        service.coverage(STREET, CoverageRequest.defaults().with(123456789L, null), false))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((NotFoundException) e).parameter())
                .isEqualTo("plan");
        long samplePlan = jdbc.sql(
                        "SELECT id FROM boundary_plan WHERE street_code = '330212008' AND status = 'published'")
                .query(Long.class)
                .single();
        Scope everyStreet = new Scope(Scope.ADMIN, null, null);
        assertThatThrownBy(() -> service.coverage(
                        everyStreet, CoverageRequest.defaults().with(samplePlan, "330299001001"), false))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("another street")
                .extracting(e -> ((BadParameterException) e).parameter())
                .isEqualTo("community");
        assertThatThrownBy(() ->
                        service.coverage(STREET, CoverageRequest.defaults().with(null, "330212008001"), false))
                .isInstanceOf(BadParameterException.class)
                .extracting(e -> ((BadParameterException) e).parameter())
                .isEqualTo("community");
    }

    @Test
    void gridRowsForPublicationCarryGeometryAndNoPersonalData() {
        List<GridCoverage> rows = service.gridCoverage(STREET, CoverageRequest.defaults());
        assertThat(rows).hasSize(4).allSatisfy(g -> assertThat(g.geometry()).startsWith("{\"type\":\""));
        assertThat(byCode(rows, GridCoverage::code).get(G4).geometry()).contains("MultiPolygon");
    }

    private static CoverageFault one(List<CoverageFault> faults, String kind) {
        return faults.stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        return items.stream().collect(Collectors.toMap(code, x -> x));
    }
}
