package org.gridatlas.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The edit engine on a hand-built community in metres: a 300 m × 100 m community with grid A = [0,100], B =
 * [100,200] and C = [200,300] (x ranges, y from 0 to 100). Expected areas and households are worked out by hand.
 */
class CoverageEditorTest {
    static final String COMMUNITY = "330212008001";
    static final String A = COMMUNITY + "001";
    static final String B = COMMUNITY + "002";
    static final String C = COMMUNITY + "003";

    final CoverageEditor editor = new CoverageEditor(0.5);
    final CoverageRules rules = new CoverageRules(1.0);
    final NormBands bands = new NormBands(300, 500, 160, 300);

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Geometry box(double x0, double y0, double x1, double y1) {
        return wkt("POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))".formatted(x0, y0, x1, y0, x1, y1, x0, y1, x0, y0));
    }

    /** b1 (100 households) and b3 (50) in A, b2 (200) in B, b4 (400) in C. */
    static CommunityCoverage threeGrids() {
        Map<String, Geometry> grids = new LinkedHashMap<>();
        grids.put(A, box(0, 0, 100, 100));
        grids.put(B, box(100, 0, 200, 100));
        grids.put(C, box(200, 0, 300, 100));
        List<PlanBuilding> buildings = List.of(
                new PlanBuilding("b1", "1号", box(40, 40, 50, 50), 100, 250),
                new PlanBuilding("b2", "2号", box(110, 40, 120, 50), 200, 500),
                new PlanBuilding("b3", "3号", box(90, 10, 98, 20), 50, 120),
                new PlanBuilding("b4", "4号", box(250, 40, 260, 50), 400, 1000));
        return new CommunityCoverage(COMMUNITY, box(0, 0, 300, 100), grids, buildings, Map.of(A, 1, B, 1));
    }

    CommunityCoverage apply(CommunityCoverage c, PlanEdit edit) {
        return editor.apply(c, edit, Set.of()).after();
    }

    EditImpact.GridChange change(EditImpact impact, String grid) {
        return impact.grids().stream()
                .filter(g -> g.grid().equals(grid))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void movingASharedEdgeMovesItForBothNeighboursAndKeepsTheCoverageExact() {
        CommunityCoverage before = threeGrids();
        CommunityCoverage after = apply(before, new PlanEdit.Reshape(A, box(0, 0, 120, 100), true));

        assertThat(after.grids().get(A).getArea()).isCloseTo(12_000, within(1e-6));
        assertThat(after.grids().get(B).getArea()).isCloseTo(8_000, within(1e-6));
        assertThat(after.grids().get(B).equalsTopo(box(120, 0, 200, 100))).isTrue();
        assertThat(after.grids().get(C).equalsExact(before.grids().get(C))).isTrue();
        assertThat(rules.check(after)).isEmpty();

        EditImpact impact = EditImpact.between(before, after, bands);
        assertThat(impact.moves()).extracting(EditImpact.BuildingMove::building).containsExactly("b2");
        assertThat(change(impact, A).before().households()).isEqualTo(150);
        assertThat(change(impact, A).after().households()).isEqualTo(350);
        assertThat(change(impact, A).entersBand()).isTrue();
        assertThat(change(impact, B).after().households()).isZero();
        assertThat(change(impact, B).after().householdsPerWorker()).isEqualTo(0.0);
        assertThat(impact.grids()).extracting(EditImpact.GridChange::grid).containsExactly(A, B);
    }

    @Test
    void areaAGridGivesUpGoesToTheNeighbourOnIt() {
        CommunityCoverage after = apply(threeGrids(), new PlanEdit.Reshape(A, box(0, 0, 80, 100), true));

        assertThat(after.grids().get(A).getArea()).isCloseTo(8_000, within(1e-6));
        assertThat(after.grids().get(B).getArea()).isCloseTo(12_000, within(1e-6));
        assertThat(rules.check(after)).isEmpty();
        assertThat(EditImpact.between(threeGrids(), after, bands).moves())
                .singleElement()
                .satisfies(m -> assertThat(m).isEqualTo(new EditImpact.BuildingMove("b3", "3号", A, B, 50)));
    }

    @Test
    void aVertexDroppedNextToTheNeighboursEdgeSnapsOntoIt() {
        CommunityCoverage before = threeGrids();
        CommunityCoverage after = apply(before, new PlanEdit.Reshape(A, box(0, 0, 100.3, 100), true));

        assertThat(after.grids().get(A).getArea()).isCloseTo(10_000, within(1e-6));
        assertThat(after.grids().get(B).getArea()).isCloseTo(10_000, within(1e-6));
        assertThat(EditImpact.between(before, after, bands).moves()).isEmpty();
    }

    @Test
    void encroachingWithoutTheNeighboursFollowingIsAnOverlapAndIsRefused() {
        CommunityCoverage before = threeGrids();
        CommunityCoverage after = apply(before, new PlanEdit.Reshape(A, box(0, 0, 105, 100), false));

        List<CoverageRules.Violation> introduced = rules.introduced(rules.check(before), rules.check(after));
        assertThat(introduced).extracting(CoverageRules.Violation::kind).containsExactly("overlap");
        assertThat(introduced.get(0).grids()).containsExactly(A, B);
        assertThat(introduced.get(0).areaM2()).isCloseTo(500, within(1e-6));
    }

    /** C reaching 10 m into B: an overlap of 10 m × 100 m = 1,000 m² the plan already has. */
    static CommunityCoverage threeGridsWithAnOverlap() {
        CommunityCoverage c = threeGrids();
        Map<String, Geometry> grids = new LinkedHashMap<>(c.grids());
        grids.put(C, box(190, 0, 300, 100));
        return new CommunityCoverage(COMMUNITY, c.community(), grids, c.buildings(), c.fullTimeWorkers());
    }

    @Test
    void anInheritedOverlapDoesNotRefuseAMergeOfOneOfItsGrids() {
        CommunityCoverage before = threeGridsWithAnOverlap();
        List<CoverageRules.Violation> was = rules.check(before);
        assertThat(kinds(was)).containsExactly("overlap[" + B + ", " + C + "]");

        CommunityCoverage after = apply(before, new PlanEdit.Merge(A, B));
        List<CoverageRules.Violation> now = rules.check(after);
        // the same 1,000 m² at the same place, now between A (which took B) and C
        assertThat(kinds(now)).containsExactly("overlap[" + A + ", " + C + "]");
        assertThat(now.get(0).areaM2()).isCloseTo(1_000, within(1e-6));
        assertThat(rules.introduced(was, now)).isEmpty();
        assertThat(rules.introduced(was, rules.check(after, Set.of(A, B), before)))
                .isEmpty();
    }

    @Test
    void anInheritedOverlapMadeWorseIsRefused() {
        CommunityCoverage before = threeGridsWithAnOverlap();
        // C reaches 5 m further into B: the overlap grows from 1,000 to 1,500 m²
        CommunityCoverage after = apply(before, new PlanEdit.Reshape(C, box(185, 0, 300, 100), false));

        List<CoverageRules.Violation> introduced = rules.introduced(rules.check(before), rules.check(after));
        assertThat(kinds(introduced)).containsExactly("overlap[" + B + ", " + C + "]");
        assertThat(introduced.get(0).areaM2()).isCloseTo(1_500, within(1e-6));
    }

    @Test
    void anEditElsewhereLeavesAnInheritedOverlapAlone() {
        CommunityCoverage before = threeGridsWithAnOverlap();
        // A gives B 10 m (neighbours follow): the overlap between B and C is untouched
        CommunityCoverage after = apply(before, new PlanEdit.Reshape(A, box(0, 0, 90, 100), true));
        assertThat(rules.introduced(rules.check(before), rules.check(after))).isEmpty();
    }

    @Test
    void givingUpAreaWithoutTheNeighboursFollowingLeavesAGap() {
        CommunityCoverage before = threeGrids();
        CommunityCoverage after = apply(before, new PlanEdit.Reshape(A, box(0, 0, 95, 100), false));

        List<CoverageRules.Violation> introduced = rules.introduced(rules.check(before), rules.check(after));
        assertThat(introduced).extracting(CoverageRules.Violation::kind).containsExactly("gap");
        assertThat(introduced.get(0).areaM2()).isCloseTo(500, within(1e-6));
    }

    @Test
    void aBoundaryThroughABuildingIsASplitBuilding() {
        CommunityCoverage before = threeGrids();
        CommunityCoverage after = apply(before, new PlanEdit.Reshape(A, box(0, 0, 115, 100), true));

        List<CoverageRules.Violation> introduced = rules.introduced(rules.check(before), rules.check(after));
        assertThat(introduced).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo("building_split");
            assertThat(v.building()).isEqualTo("b2");
            assertThat(v.grids()).containsExactly(A, B);
            assertThat(v.areaM2()).isCloseTo(50, within(1e-6));
        });
    }

    @Test
    void aSplitKeepsTotalAreaAndHouseholdsAndNumbersTheNewGrid() {
        CommunityCoverage before = threeGrids();
        LineString line = (LineString) wkt("LINESTRING(30 -10, 30 110)");
        CoverageEditor.Result result = editor.apply(before, new PlanEdit.Split(A, line), Set.of(COMMUNITY + "007"));

        assertThat(result.created()).isEqualTo(COMMUNITY + "008"); // above every code in use, archived ones included
        CommunityCoverage after = result.after();
        assertThat(after.grids().get(A).getArea()).isCloseTo(7_000, within(1e-6));
        assertThat(after.grids().get(result.created()).getArea()).isCloseTo(3_000, within(1e-6));
        assertThat(rules.check(after)).isEmpty();
        EditImpact impact = EditImpact.between(before, after, bands);
        assertThat(change(impact, A).after().households()
                        + change(impact, result.created()).after().households())
                .isEqualTo(150);
        assertThat(change(impact, result.created()).before()).isNull();
    }

    @Test
    void aLineThatDoesNotCrossTheGridIsRefusedNamingIt() {
        LineString line = (LineString) wkt("LINESTRING(30 -10, 30 50)");
        assertThatThrownBy(() -> apply(threeGrids(), new PlanEdit.Split(A, line)))
                .isInstanceOf(PlanEditException.class)
                .extracting(e -> ((PlanEditException) e).parameter())
                .isEqualTo("line");
    }

    @Test
    void aSplitOfAGridWithAHoleKeepsTheHoleOut() {
        Map<String, Geometry> grids = new LinkedHashMap<>(threeGrids().grids());
        grids.put(A, wkt("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0), (20 20, 30 20, 30 30, 20 30, 20 20))"));
        grids.put(COMMUNITY + "004", box(20, 20, 30, 30));
        CommunityCoverage before = threeGrids().withGrids(grids);
        assertThat(rules.check(before)).isEmpty();

        CoverageEditor.Result result =
                editor.apply(before, new PlanEdit.Split(A, (LineString) wkt("LINESTRING(25 -10, 25 110)")), Set.of());

        double total = result.after().grids().get(A).getArea()
                + result.after().grids().get(result.created()).getArea();
        assertThat(total).isCloseTo(9_900, within(1e-6));
        assertThat(result.after().grids().get(A).getArea()).isCloseTo(7_450, within(1e-6));
        assertThat(rules.check(result.after())).isEmpty();
    }

    @Test
    void mergingAdjacentGridsAddsThemUpAndNonAdjacentOnesAreRefused() {
        CommunityCoverage after = apply(threeGrids(), new PlanEdit.Merge(A, B));
        assertThat(after.grids()).containsOnlyKeys(A, C);
        assertThat(after.grids().get(A).getArea()).isCloseTo(20_000, within(1e-6));
        assertThat(rules.check(after)).isEmpty();

        assertThatThrownBy(() -> apply(threeGrids(), new PlanEdit.Merge(A, C)))
                .isInstanceOf(PlanEditException.class)
                .hasMessageContaining("do not share a border");
    }

    @Test
    void deletingAGridGivesItsAreaToTheChosenNeighbour() {
        CommunityCoverage before = threeGrids();
        CommunityCoverage after = apply(before, new PlanEdit.Delete(B, C));
        assertThat(after.grids()).containsOnlyKeys(A, C);
        assertThat(after.grids().get(C).getArea()).isCloseTo(20_000, within(1e-6));
        EditImpact impact = EditImpact.between(before, after, bands);
        assertThat(change(impact, B).after()).isNull();
        assertThat(change(impact, C).after().households()).isEqualTo(600);
        assertThat(change(impact, C).leavesBand()).isTrue();
    }

    @Test
    void movedBuildingsTakeTheirGroundToTheTargetGrid() {
        CommunityCoverage before = threeGrids();
        CommunityCoverage after = apply(before, new PlanEdit.MoveBuildings(List.of("b3"), B));

        assertThat(rules.check(after)).isEmpty();
        assertThat(after.grids().get(A).getArea() + after.grids().get(B).getArea())
                .isCloseTo(20_000, within(1e-6));
        assertThat(after.grids().get(B).contains(before.buildings().get(2).footprint()))
                .isTrue();
        EditImpact impact = EditImpact.between(before, after, bands);
        assertThat(impact.moves()).extracting(EditImpact.BuildingMove::building).containsExactly("b3");
        assertThat(change(impact, B).after().households()).isEqualTo(250);
    }

    @Test
    void aNewGridTakesOnlyTheGapUnderTheDrawnPolygon() {
        Map<String, Geometry> grids = new LinkedHashMap<>(threeGrids().grids());
        grids.remove(C);
        CommunityCoverage before = threeGrids().withGrids(grids);
        assertThat(rules.check(before))
                .extracting(CoverageRules.Violation::kind)
                .containsExactly("gap");

        CoverageEditor.Result result = editor.apply(before, new PlanEdit.Create(box(150, -10, 250, 110)), Set.of());
        assertThat(result.created()).isEqualTo(COMMUNITY + "003");
        assertThat(result.after().grids().get(result.created()).getArea()).isCloseTo(5_000, within(1e-6));
        assertThat(result.after().grids().get(B).getArea()).isCloseTo(10_000, within(1e-6));
        // the rest of the gap is still there, smaller: not a fault of this edit
        assertThat(rules.introduced(rules.check(before), rules.check(result.after())))
                .isEmpty();
    }

    /**
     * The preview checks and recounts only what an edit touched (CoverageCache): on edits that do and do not break
     * rules, the restricted check must blame the same faults as the full one, and the incremental building holders
     * must equal the full recount. A fourth grid D (x 300–400, outside the community, overlapping nothing) keeps a
     * fault that no edit touches.
     */
    @Test
    void theRestrictedCheckAndIncrementalHoldersAgreeWithTheFullOnes() {
        Map<String, Geometry> grids = new LinkedHashMap<>(threeGrids().grids());
        String d = COMMUNITY + "004";
        grids.put(d, box(300, 0, 400, 100));
        CommunityCoverage before = threeGrids().withGrids(grids);
        List<PlanEdit> edits = List.of(
                new PlanEdit.Reshape(A, box(0, 0, 120, 100), true), // b2 moves to A
                new PlanEdit.Reshape(A, box(0, 0, 115, 100), true), // splits b2
                new PlanEdit.Reshape(B, box(99, 0, 200, 100), false), // overlap with A
                new PlanEdit.Reshape(B, box(100, 0, 190, 100), false), // gap 190–200
                new PlanEdit.Merge(B, C));
        Map<String, String> heldBefore = EditImpact.holders(before);
        for (PlanEdit edit : edits) {
            CommunityCoverage after = apply(before, edit);
            Set<String> changed = new java.util.TreeSet<>();
            for (String code : new java.util.TreeSet<>(grids.keySet())) {
                Geometry a = before.grids().get(code);
                Geometry b = after.grids().get(code);
                if (b == null || !a.equalsExact(b)) changed.add(code);
            }
            List<CoverageRules.Violation> was = rules.check(before);
            assertThat(kinds(rules.introduced(was, rules.check(after, changed, before))))
                    .as(edit.toString())
                    .isEqualTo(kinds(rules.introduced(was, rules.check(after))));
            assertThat(EditImpact.holdersAfterEdit(before, after, heldBefore, changed))
                    .as(edit.toString())
                    .isEqualTo(EditImpact.holders(after));
        }
    }

    static List<String> kinds(List<CoverageRules.Violation> violations) {
        return violations.stream()
                .map(v -> v.kind() + v.grids() + (v.building() == null ? "" : v.building()))
                .sorted()
                .toList();
    }
}
