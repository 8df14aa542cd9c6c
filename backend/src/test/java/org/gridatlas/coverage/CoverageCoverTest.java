package org.gridatlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridatlas.plan.PlanEditingService;
import org.gridatlas.security.GridAtlasUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The stored union of each community's grids and its gaps (coverage_cover / coverage_gap, V16) on the hand-built
 * community of fixtures/coverage: after a sequence of grid writes (draft copy, boundary edits, renumbering, a deleted
 * grid, a changed community outline, a plan emptied of grids) the stored gaps and overlap flags equal a from-scratch
 * computation in this test's own SQL (community minus the union of its grids; overlap = some pair of grids whose
 * interiors meet), and the gap faults of a coverage call are the stored ones. Piece counts are stated by hand.
 */
class CoverageCoverTest extends CoverageFixtureBase {
    private static final String COMMUNITY = "330299001001";

    @Autowired
    PlanEditingService editing;

    @Test
    void storedGapsFollowEverySortOfGridWrite() {
        // the fixture: one gap (the corner [3.5,4]×[0,0.5]), G1/G2 overlap; the draft's single grid covers all
        assertThat(gapPieces(990001)).isEqualTo(1);
        assertThat(overlapping(990001)).isTrue();
        assertThat(gapPieces(990002)).isZero();
        assertThat(overlapping(990002)).isFalse();
        assertStoredEqualsFromScratch();

        // a draft copied by the plan editor gets the rows of its base
        GridAtlasUser planner = new GridAtlasUser("cover-test", "x", true, STREET);
        long draft = editing.createDraft(planner, 990001L, null, null, "cover test copy", null);
        assertThat(gapPieces(draft)).isEqualTo(1);
        assertThat(overlapping(draft)).isTrue();
        assertStoredEqualsFromScratch();

        // boundary edits on the draft (the plan editor's upsert): G2 leaves G1's strip, G3 takes the corner
        upsert(draft, G2, "POLYGON((1.5 0, 3 0, 3 2, 1.5 2, 1.5 0))");
        upsert(draft, G3, "POLYGON((3 0, 4 0, 4 1.5, 3 1.5, 3 0))");
        assertThat(gapPieces(draft)).isZero();
        assertThat(overlapping(draft)).isFalse();
        assertThat(gapPieces(990001)).as("the base is untouched").isEqualTo(1);
        assertStoredEqualsFromScratch();

        // renumbering (publication) keeps the union; deleting G4 opens G1's hole and the strip [3,4]×[1.5,2]
        jdbc.sql("UPDATE grid SET code = '330299001001009' WHERE plan_id = :p AND code = :c")
                .param("p", draft)
                .param("c", G2)
                .update();
        jdbc.sql("DELETE FROM grid WHERE plan_id = :p AND code = :c")
                .param("p", draft)
                .param("c", G4)
                .update();
        assertThat(gapPieces(draft)).isEqualTo(2);
        assertStoredEqualsFromScratch();

        // the community grows east by [4,5]×[0,2]: a new gap in every plan, the strip of the draft joins it
        jdbc.sql("UPDATE community SET geom = " + U + " WHERE code = :c")
                .param("wkt", "POLYGON((0 0, 5 0, 5 2, 0 2, 0 0))")
                .param("c", COMMUNITY)
                .update();
        assertThat(gapPieces(draft)).isEqualTo(2); // the hole, and the strip merged with the new east part
        assertThat(gapPieces(990002)).isEqualTo(1);
        assertStoredEqualsFromScratch();

        // a plan with no grid left in the community: the whole community is its gap
        jdbc.sql("DELETE FROM grid WHERE plan_id = 990002").update();
        assertThat(gapPieces(990002)).isEqualTo(1);
        assertStoredEqualsFromScratch();

        // the gap faults of a coverage call on the draft are the stored gaps
        List<CoverageFault> gaps = service
                .coverage(STREET, CoverageRequest.parse(draft, null, null, null, null, null, java.util.Map.of()), false)
                .faults()
                .stream()
                .filter(f -> f.kind().equals(CoverageFault.GAP))
                .toList();
        assertThat(gaps).hasSize(2);
        double stored = jdbc.sql("SELECT sum(area_m2) FROM coverage_gap WHERE plan_id = :p")
                .param("p", draft)
                .query(Double.class)
                .single();
        assertThat(gaps.stream().mapToDouble(CoverageFault::areaM2).sum())
                .isCloseTo(stored, org.assertj.core.api.Assertions.within(0.2));
    }

    @Test
    void aDeletedPlanLeavesNoRows() {
        jdbc.sql("DELETE FROM grid WHERE plan_id = 990002").update();
        jdbc.sql("DELETE FROM boundary_plan WHERE id = 990002").update();
        assertThat(jdbc.sql("SELECT count(*) FROM coverage_cover WHERE plan_id = 990002")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM coverage_gap WHERE plan_id = 990002")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void upsert(long plan, String code, String wkt) {
        jdbc.sql("INSERT INTO grid (plan_id, code, community_code, name, geom) VALUES (:p, :code, :c, :code, " + U
                        + ") ON CONFLICT (plan_id, code) DO UPDATE SET geom = EXCLUDED.geom")
                .param("p", plan)
                .param("code", code)
                .param("c", COMMUNITY)
                .param("wkt", wkt)
                .update();
    }

    private int gapPieces(long plan) {
        return jdbc.sql("SELECT count(*) FROM coverage_gap WHERE plan_id = :p AND area_m2 > 1")
                .param("p", plan)
                .query(Integer.class)
                .single();
    }

    private boolean overlapping(long plan) {
        return jdbc.sql("SELECT overlapping FROM coverage_cover WHERE plan_id = :p AND community_code = :c")
                .param("p", plan)
                .param("c", COMMUNITY)
                .query(Boolean.class)
                .single();
    }

    /**
     * For every plan of the fixture's street that has grids or stored rows: the stored gap pieces cover exactly the
     * community minus the union of the plan's grids (symmetric difference below 0.01 m²), with as many pieces, and
     * the overlap flag says whether two of the plan's grids share interior.
     */
    private void assertStoredEqualsFromScratch() {
        List<String> wrong = jdbc.sql(
                        """
                        WITH pair AS (
                          SELECT p.id AS plan_id, c.code, c.geom FROM boundary_plan p
                          JOIN community c ON c.street_code = p.street_code
                          WHERE p.street_code = '330299001'
                            AND (EXISTS (SELECT 1 FROM grid g WHERE g.plan_id = p.id AND g.community_code = c.code)
                                 OR EXISTS (SELECT 1 FROM coverage_cover v WHERE v.plan_id = p.id
                                            AND v.community_code = c.code))),
                        truth AS (
                          SELECT k.plan_id, k.code,
                                 ST_CollectionExtract(ST_Difference(k.geom, coalesce(
                                   (SELECT ST_UnaryUnion(ST_Collect(g.geom)) FROM grid g
                                    WHERE g.plan_id = k.plan_id AND g.community_code = k.code),
                                   'SRID=4326;POLYGON EMPTY'::geometry)), 3) AS gap,
                                 EXISTS (SELECT 1 FROM grid g1 JOIN grid g2 ON g1.id < g2.id
                                         AND g2.plan_id = g1.plan_id AND g2.community_code = g1.community_code
                                         WHERE g1.plan_id = k.plan_id AND g1.community_code = k.code
                                           AND ST_Relate(g1.geom, g2.geom, '2********')) AS overlapping
                          FROM pair k),
                        stored AS (
                          SELECT k.plan_id, k.code, v.overlapping,
                                 (SELECT ST_Collect(s.geom) FROM coverage_gap s
                                  WHERE s.plan_id = k.plan_id AND s.community_code = k.code) AS gap,
                                 (SELECT count(*) FROM coverage_gap s
                                  WHERE s.plan_id = k.plan_id AND s.community_code = k.code) AS pieces
                          FROM pair k LEFT JOIN coverage_cover v ON v.plan_id = k.plan_id AND v.community_code = k.code)
                        SELECT t.plan_id || '/' || t.code || ': overlap ' || t.overlapping || ' vs ' || s.overlapping
                               || ', pieces ' || ST_NumGeometries(t.gap) || ' vs ' || s.pieces || ', differ by '
                               || coalesce(ST_Area(ST_SymDifference(t.gap, coalesce(s.gap,
                                  'SRID=4326;POLYGON EMPTY'::geometry))::geography), 0) || ' m2'
                        FROM truth t JOIN stored s ON s.plan_id = t.plan_id AND s.code = t.code
                        WHERE s.overlapping IS DISTINCT FROM t.overlapping
                           OR (CASE WHEN ST_IsEmpty(t.gap) THEN 0 ELSE ST_NumGeometries(t.gap) END) <> s.pieces
                           OR coalesce(ST_Area(ST_SymDifference(t.gap, coalesce(s.gap,
                                  'SRID=4326;POLYGON EMPTY'::geometry))::geography), 0) > 0.01""")
                .query(String.class)
                .list();
        assertThat(wrong).isEmpty();
    }
}
