package org.gridatlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridatlas.plan.PlanEditingService;
import org.gridatlas.security.GridAtlasUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The stored building → grid shares (coverage_share, V13) on the hand-built community of fixtures/coverage: their
 * values by hand, and after every kind of write a plan or an import does (copy into a draft, edit of a boundary,
 * renumbering at publication, deletion, a building moved or removed) they still equal an independent computation
 * (intersection area ÷ footprint area for every intersecting pair, no shortcut), and coverage follows them.
 */
class CoverageShareTest extends CoverageFixtureBase {

    @Autowired
    PlanEditingService editing;

    @Test
    void sharesOfTheFixtureAreTheHandComputedOnes() {
        // BT-3 straddles x = 3: 0.06 of its 0.1 width in G2, 0.04 in G3; BT-9: 0.097 of 0.1 in G3, 0.003 in G4
        assertThat(shares(990001, "BT-3")).containsOnlyKeys(G2, G3);
        assertThat(shares(990001, "BT-3").get(G2)).isCloseTo(0.6, within(0.001));
        assertThat(shares(990001, "BT-3").get(G3)).isCloseTo(0.4, within(0.001));
        assertThat(shares(990001, "BT-9").get(G3)).isCloseTo(0.97, within(0.001));
        assertThat(shares(990001, "BT-9").get(G4)).isCloseTo(0.03, within(0.001));
        assertThat(shares(990001, "BT-2")).containsExactly(Map.entry(G2, 1.0));
        assertThat(shares(990001, "BT-6")).as("in the gap").isEmpty();
        assertThat(shares(990002, "BT-6")).containsExactly(Map.entry("330299001001001", 1.0));
        assertStoredEqualsIndependent();
    }

    @Test
    void aDraftCopiedByThePlanEditorHasTheSharesOfItsBase() {
        GridAtlasUser planner = new GridAtlasUser("share-test", "x", true, STREET);
        long draft = editing.createDraft(planner, 990001L, null, null, "share test copy", null);
        assertThat(shares(draft, "BT-3")).isEqualTo(shares(990001, "BT-3"));
        assertThat(shares(draft, "BT-9")).isEqualTo(shares(990001, "BT-9"));
        assertStoredEqualsIndependent();
    }

    @Test
    void aBoundaryEditRenumberingAndDeletionKeepTheSharesTrue() {
        // the plan editor's write (PlanStore.writeMetric): G3 gives [3, 3.1] to G2, BT-3 is then wholly in G2
        String upsert = "INSERT INTO grid (plan_id, code, community_code, name, geom) VALUES (990001, :code,"
                + " '330299001001', :name, " + U + ") ON CONFLICT (plan_id, code) DO UPDATE SET geom = EXCLUDED.geom";
        jdbc.sql(upsert)
                .param("code", G2)
                .param("name", "G2")
                .param("wkt", "POLYGON((1.4 0, 3.1 0, 3.1 2, 1.4 2, 1.4 0))")
                .update();
        jdbc.sql(upsert)
                .param("code", G3)
                .param("name", "G3")
                .param("wkt", "POLYGON((3.1 0, 3.5 0, 3.5 0.5, 4 0.5, 4 1.5, 3.1 1.5, 3.1 0))")
                .update();
        assertThat(shares(990001, "BT-3")).containsExactly(Map.entry(G2, 1.0));
        assertStoredEqualsIndependent();
        Map<String, GridCoverage> grids = byCode(service.coverage(STREET, CoverageRequest.defaults(), false));
        assertThat(grids.get(G2).splitBuildings()).isZero();
        assertThat(grids.get(G2).households()).isEqualTo(250); // BT-2 200 + BT-3 50, as before but not split

        // publication renumbers codes in place (PlanPublishingService): the shares follow the grid, not the code
        jdbc.sql("UPDATE grid SET code = '330299001001009' WHERE plan_id = 990001 AND code = :code")
                .param("code", G2)
                .update();
        assertThat(shares(990001, "BT-3")).containsExactly(Map.entry("330299001001009", 1.0));

        jdbc.sql("DELETE FROM grid WHERE plan_id = 990001 AND code = :code")
                .param("code", G4)
                .update();
        assertThat(shares(990001, "BT-9")).containsOnlyKeys(G3);
        assertStoredEqualsIndependent();
    }

    @Test
    void aMovedOrRemovedBuildingMovesItsShares() {
        // BT-6 moves out of the gap into G3 (a building import updates footprints by code)
        jdbc.sql("UPDATE building SET footprint = " + U + " WHERE code = 'BT-6'")
                .param("wkt", "POLYGON((3.3 0.1, 3.4 0.1, 3.4 0.2, 3.3 0.2, 3.3 0.1))")
                .update();
        assertThat(shares(990001, "BT-6")).containsExactly(Map.entry(G3, 1.0));
        List<CoverageFault> faults =
                service.coverage(STREET, CoverageRequest.defaults(), false).faults();
        assertThat(faults).noneMatch(f -> f.kind().equals(CoverageFault.BUILDING_OUTSIDE));
        assertThat(byCode(service.coverage(STREET, CoverageRequest.defaults(), false))
                        .get(G3)
                        .households())
                .isEqualTo(110); // BT-7 80, BT-9 10 and now BT-6 20; BT-3 stays in G2 (60 %)

        jdbc.sql("DELETE FROM assignment WHERE building_id = (SELECT id FROM building WHERE code = 'BT-9')")
                .update();
        long id = jdbc.sql("SELECT id FROM building WHERE code = 'BT-9'")
                .query(Long.class)
                .single();
        jdbc.sql("DELETE FROM building WHERE code = 'BT-9'").update();
        assertThat(jdbc.sql("SELECT count(*) FROM coverage_share WHERE building_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertStoredEqualsIndependent();
    }

    /** Shares of a building in the grids of a plan, by grid code. */
    private Map<String, Double> shares(long plan, String building) {
        return jdbc
                .sql(
                        """
                        SELECT g.code, s.share FROM coverage_share s
                        JOIN grid g ON g.id = s.grid_id JOIN building b ON b.id = s.building_id
                        WHERE g.plan_id = :plan AND b.code = :building""")
                .param("plan", plan)
                .param("building", building)
                .query((rs, i) -> Map.entry(rs.getString(1), Math.round(rs.getDouble(2) * 1e6) / 1e6))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every stored share of the fixture's street equals intersection ÷ footprint area, and nothing is missing. */
    private void assertStoredEqualsIndependent() {
        List<String> wrong = jdbc.sql(
                        """
                        WITH truth AS (
                          SELECT g.id AS grid_id, b.id AS building_id,
                                 ST_Area(ST_Intersection(b.footprint, g.geom)::geography)
                                   / ST_Area(b.footprint::geography) AS share
                          FROM grid g JOIN building b ON b.footprint && g.geom
                          WHERE b.community_code LIKE '330299001%'),
                        stored AS (
                          SELECT s.* FROM coverage_share s JOIN building b ON b.id = s.building_id
                          WHERE b.community_code LIKE '330299001%')
                        SELECT coalesce(t.grid_id, s.grid_id) || '/' || coalesce(t.building_id, s.building_id)
                               || ': ' || coalesce(t.share, 0) || ' vs ' || coalesce(s.share, 0)
                        FROM (SELECT * FROM truth WHERE share > 1e-9) t
                        FULL JOIN stored s ON s.grid_id = t.grid_id AND s.building_id = t.building_id
                        WHERE abs(coalesce(t.share, 0) - coalesce(s.share, 0)) > 1e-6""")
                .query(String.class)
                .list();
        assertThat(wrong).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM coverage_share s JOIN building b ON b.id = s.building_id"
                                + " WHERE b.community_code LIKE '330299001%'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    private static Map<String, GridCoverage> byCode(Coverage coverage) {
        return coverage.grids().stream().collect(Collectors.toMap(GridCoverage::code, g -> g));
    }
}
