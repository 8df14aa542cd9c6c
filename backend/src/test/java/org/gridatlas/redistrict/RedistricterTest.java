package org.gridatlas.redistrict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The computing core on hand-built communities in metres: a 400 m × 200 m block with a lattice of 10 m × 10 m
 * buildings, so totals and the ideal answer are known by hand.
 */
class RedistricterTest {
    static final GeometryFactory GF = new GeometryFactory();

    static Geometry box(double x0, double y0, double x1, double y1) {
        return GF.toGeometry(new Envelope(x0, x1, y0, y1));
    }

    /** cols × rows buildings of 10 m at 25 m spacing, households from the function. */
    static List<ProposalBuilding> lattice(int cols, int rows, java.util.function.IntBinaryOperator households) {
        List<ProposalBuilding> out = new ArrayList<>();
        for (int i = 0; i < cols; i++)
            for (int j = 0; j < rows; j++) {
                double x = 7.5 + 25 * i, y = 7.5 + 25 * j;
                out.add(new ProposalBuilding(
                        "B" + i + "-" + j, box(x, y, x + 10, y + 10), households.applyAsInt(i, j), null));
            }
        return out;
    }

    static final Settings SCRATCH = new Settings(false, 300, 500, 0.5, 42, true);

    CommunityProposal propose(CommunityInput in, Settings s, int k) {
        return Redistricter.propose(in, s, k, () -> false, p -> {});
    }

    static void assertTiles(Geometry area, List<ProposedGrid> grids, List<ProposalBuilding> buildings) {
        Geometry union =
                UnaryUnionOp.union(grids.stream().map(ProposedGrid::shape).toList());
        assertThat(union.symDifference(area).getArea()).as("union = community").isLessThan(1.0);
        double sum = grids.stream().mapToDouble(g -> g.shape().getArea()).sum();
        assertThat(sum).as("no overlap").isCloseTo(area.getArea(), within(1.0));
        for (ProposedGrid g : grids) {
            assertThat(g.shape().isValid()).isTrue();
            assertThat(g.shape().getNumGeometries()).as("contiguous grid").isEqualTo(1);
        }
        for (ProposalBuilding b : buildings) {
            long holders = grids.stream()
                    .filter(g -> g.shape().intersection(b.footprint()).getArea() > 0.01)
                    .count();
            assertThat(holders).as("building %s whole", b.code()).isEqualTo(1);
        }
    }

    @Test
    void fourGridsOfAUniformLatticeAreExactlyBalancedContiguousAndTileTheCommunity() {
        Geometry community = box(0, 0, 400, 200);
        List<ProposalBuilding> buildings = lattice(16, 8, (i, j) -> 3); // 128 × 3 = 384 households: 4 grids of 96
        CommunityInput in = new CommunityInput("c", community, buildings, Map.of(), List.of());
        CommunityProposal p = propose(in, new Settings(false, 80, 120, 0.5, 42, true), 4);
        assertThat(p.grids()).hasSize(4);
        assertTiles(community, p.grids(), buildings);
        assertThat(p.grids()).allSatisfy(g -> assertThat(g.households()).isEqualTo(96));
        assertThat(p.feasible()).isTrue();
        // the bisection's four 200 m × 100 m quadrants are the optimum here (PP 0.698)
        assertThat(p.baseline().meanPolsbyPopper()).isCloseTo(4 * Math.PI * 20_000 / (600.0 * 600), within(1e-6));
        // single moves under exact balance stop earlier: no worse on average than 1:4 rectangles (PP 0.503)
        assertThat(p.stats().meanPolsbyPopper()).isGreaterThan(0.5);
    }

    @Test
    void maxPMakesAsManyGridsAsTheBandAllows() {
        Geometry community = box(0, 0, 400, 200);
        List<ProposalBuilding> buildings = lattice(16, 8, (i, j) -> 25); // 3,200 households: ⌊3200/300⌋ = 10
        CommunityInput in = new CommunityInput("c", community, buildings, Map.of(), List.of());
        CommunityProposal p = propose(in, SCRATCH, 0);
        assertTiles(community, p.grids(), buildings);
        assertThat(p.grids()).hasSize(10);
        assertThat(p.grids()).allSatisfy(g -> assertThat(g.households()).isBetween(300, 500));
    }

    @Test
    void aBuildingAboveTheBandIsProvedInfeasible() {
        Geometry community = box(0, 0, 400, 200);
        List<ProposalBuilding> buildings = lattice(16, 8, (i, j) -> i == 3 && j == 3 ? 600 : 20);
        CommunityInput in = new CommunityInput("c", community, buildings, Map.of(), List.of());
        CommunityProposal p = propose(in, SCRATCH, 0);
        assertThat(p.feasible()).isFalse();
        assertThat(p.infeasibility())
                .anySatisfy(s -> assertThat(s).contains("B3-3").contains("600"));
    }

    @Test
    void minimalChangeFixesTheOutOfBandGridsMovingFewerHouseholdsThanFromScratch() {
        Geometry community = box(0, 0, 400, 200);
        // 16 × 8 buildings of 25 households = 3,200; current grids are vertical strips of 2,4,2,2,4,2 columns…
        List<ProposalBuilding> buildings = lattice(16, 8, (i, j) -> 25);
        int[] cuts = {0, 2, 6, 8, 10, 14, 16}; // columns per grid: 2,4,2,2,4,2 → 400, 800, 400, 400, 800, 400
        Map<String, Geometry> current = new LinkedHashMap<>();
        // … cut into 8 grids by halving the 4-column strips north/south: 400 each except three off-band ones below
        int[][] strips = {{0, 2}, {2, 6}, {6, 8}, {8, 11}, {11, 14}, {14, 16}};
        int code = 1;
        for (int[] s : strips) {
            current.put("g" + code++, box(25 * s[0], 0, 25 * s[1], 200));
        }
        // households per strip: 400, 800 (above), 400, 600 (above), 600 (above), 400
        CommunityInput in = new CommunityInput("c", community, buildings, current, List.of());
        Settings minimal = new Settings(true, 300, 500, 0.5, 42, true);
        // 6 grids cannot hold 3,200 households within 300–500 — 8 grids can: split the 800 strip first
        current.remove("g2");
        current.put("g2", box(50, 0, 150, 100));
        current.put("g7", box(50, 100, 150, 200));
        CommunityInput in7 = new CommunityInput("c", community, buildings, current, List.of());
        CommunityProposal m = propose(in7, minimal, 0);
        assertTiles(community, m.grids(), buildings);
        assertThat(m.feasible()).isTrue();
        assertThat(m.grids()).allSatisfy(g -> assertThat(g.households()).isBetween(300, 500));
        CommunityProposal s = propose(in7, SCRATCH, 7);
        assertThat(m.movedHouseholds()).isPositive().isLessThan(s.movedHouseholds());
        assertThat(in.current()).isNotNull();
        assertThat(cuts).hasSize(7);
    }

    @Test
    void moreGridsThanBuildingsWithHouseholdsGivesNoEmptyGrid() {
        // 4 × 2 buildings, only three hold households (a school campus around them): 5 grids asked, 3 possible
        Geometry community = box(0, 0, 100, 50);
        List<ProposalBuilding> buildings = lattice(4, 2, (i, j) -> j == 0 && i < 3 ? 100 : 0);
        CommunityInput in = new CommunityInput("c", community, buildings, Map.of(), List.of());
        CommunityProposal p = propose(in, new Settings(false, 50, 150, 0.5, 42, false), 5);
        assertThat(p.grids()).hasSize(3);
        assertThat(p.grids()).allSatisfy(g -> assertThat(g.households()).isEqualTo(100));
        assertTiles(community, p.grids(), buildings);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("3 grids instead of 5"));
    }

    @Test
    void aHouseholdFreeCampusInTheMiddleLeavesNoGridEmpty() {
        // columns 5–10 of a 16 × 8 lattice are a campus without households; 80 buildings × 10 = 800 households
        Geometry community = box(0, 0, 400, 200);
        List<ProposalBuilding> buildings = lattice(16, 8, (i, j) -> i >= 5 && i <= 10 ? 0 : 10);
        CommunityInput in = new CommunityInput("c", community, buildings, Map.of(), List.of());
        for (long seed = 1; seed <= 5; seed++) {
            CommunityProposal p = propose(in, new Settings(false, 150, 250, 0.5, seed, false), 4);
            assertThat(p.grids()).hasSize(4);
            assertTiles(community, p.grids(), buildings);
            assertThat(p.grids()).as("seed " + seed).allSatisfy(g -> assertThat(g.households())
                    .isPositive());
        }
    }

    @Test
    void aCancelledSearchGivesNoResultAtAll() {
        Geometry community = box(0, 0, 400, 200);
        List<ProposalBuilding> buildings = lattice(16, 8, (i, j) -> 25);
        CommunityInput in = new CommunityInput("c", community, buildings, Map.of(), List.of());
        // cancelled during the local search (after a few checks), not before it starts
        int[] asked = {0};
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Redistricter.propose(in, SCRATCH, 8, () -> ++asked[0] > 3, p -> {}))
                .isInstanceOf(Redistricter.CancelledException.class);
        assertThat(asked[0]).isGreaterThan(3);
    }

    @Test
    void noGridCrossesABarrier() {
        // 16 × 8 buildings of 25 households; a road along x = 100 m (between columns 3 and 4, whose Voronoi border
        // it is) crosses the whole block: without it two grids split at x = 200 (1,600 each); with it the west
        // (4 columns, 800) and the east (12 columns, 2,400) cannot share a grid
        Geometry community = box(0, 0, 400, 200);
        List<ProposalBuilding> buildings = lattice(16, 8, (i, j) -> 25);
        Settings wide = new Settings(false, 1, 3200, 0.5, 42, false);
        CommunityInput open = new CommunityInput("c", community, buildings, Map.of(), List.of());
        assertThat(propose(open, wide, 2).grids())
                .allSatisfy(g -> assertThat(g.households()).isEqualTo(1600));
        Geometry road = GF.createLineString(new org.locationtech.jts.geom.Coordinate[] {
            new org.locationtech.jts.geom.Coordinate(100, -10), new org.locationtech.jts.geom.Coordinate(100, 210)
        });
        CommunityInput cut = new CommunityInput("c", community, buildings, Map.of(), List.of(), road);
        CommunityProposal p = propose(cut, wide, 2);
        assertTiles(community, p.grids(), buildings);
        assertThat(p.grids().stream().map(ProposedGrid::households).sorted().toList())
                .containsExactly(800, 2400);
        ProposedGrid west = p.grids().stream()
                .filter(g -> g.households() == 800)
                .findFirst()
                .orElseThrow();
        assertThat(west.shape().symDifference(box(0, 0, 100, 200)).getArea())
                .as("the west grid is the 100 m × 200 m strip up to the road")
                .isLessThan(1.0);
    }
}
