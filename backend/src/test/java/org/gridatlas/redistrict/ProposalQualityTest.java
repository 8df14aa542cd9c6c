package org.gridatlas.redistrict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridatlas.redistrict.RedistricterTest.assertTiles;
import static org.gridatlas.redistrict.RedistricterTest.box;
import static org.gridatlas.redistrict.RedistricterTest.lattice;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;

/**
 * Issue 9's quality bar against the baseline, on hand-built communities in metres: the proposal is at least as
 * balanced as recursive bisection along the longer axis (grids in the band, max deviation from the mean) and more
 * compact (mean and min Polsby–Popper). Every figure is computed here from the returned polygons and the fixture's
 * buildings — households by counting the buildings inside each grid, PP = 4πA/P² from the polygon — not taken from
 * the figures the proposal reports.
 */
class ProposalQualityTest {

    /** Households per grid, max |H − mean| / mean, in-band count, mean and min Polsby–Popper. */
    record Figures(double maxDeviation, int inBand, double meanPp, double minPp) {
        static Figures of(List<ProposedGrid> grids, List<ProposalBuilding> buildings, double lo, double hi) {
            int k = grids.size();
            double[] hh = new double[k];
            double total = 0;
            for (ProposalBuilding b : buildings) {
                Geometry p = b.footprint().getInteriorPoint();
                for (int g = 0; g < k; g++) {
                    if (grids.get(g).shape().contains(p)) {
                        hh[g] += b.households();
                        break;
                    }
                }
                total += b.households();
            }
            double mean = total / k, maxDev = 0, sumPp = 0, minPp = 1;
            int inBand = 0;
            for (int g = 0; g < k; g++) {
                maxDev = Math.max(maxDev, Math.abs(hh[g] - mean) / mean);
                if (hh[g] >= lo && hh[g] <= hi) inBand++;
                Geometry s = grids.get(g).shape();
                double pp = 4 * Math.PI * s.getArea() / (s.getLength() * s.getLength());
                sumPp += pp;
                minPp = Math.min(minPp, pp);
            }
            return new Figures(maxDev, inBand, sumPp / k, minPp);
        }
    }

    static void assertAtLeastAsBalancedAndMoreCompact(Figures p, Figures b) {
        assertNoWorse(p, b);
        assertThat(p.meanPp()).as("mean PP (bisection %.4f)", b.meanPp()).isGreaterThan(b.meanPp() + 1e-6);
    }

    static void assertNoWorse(Figures p, Figures b) {
        assertThat(p.inBand()).as("grids in band (bisection %d)", b.inBand()).isGreaterThanOrEqualTo(b.inBand());
        assertThat(p.maxDeviation())
                .as("max deviation (bisection %.4f)", b.maxDeviation())
                .isLessThanOrEqualTo(b.maxDeviation() + 1e-9);
        assertThat(p.meanPp()).as("mean PP (bisection %.4f)", b.meanPp()).isGreaterThanOrEqualTo(b.meanPp() - 1e-6);
        assertThat(p.minPp()).as("min PP (bisection %.4f)", b.minPp()).isGreaterThanOrEqualTo(b.minPp() - 1e-6);
    }

    static void compare(Geometry community, List<ProposalBuilding> buildings, int k, long seed, boolean strictly) {
        int total = buildings.stream().mapToInt(ProposalBuilding::households).sum();
        double lo = 0.85 * total / k, hi = 1.15 * total / k;
        Settings s = new Settings(false, lo, hi, 0.5, seed, false);
        CommunityInput in = new CommunityInput("c", community, buildings, Map.of(), List.of());
        CommunityProposal p = Redistricter.propose(in, s, k, () -> false, x -> {});
        CommunityProposal b = Redistricter.baseline(in, s, k);
        assertTiles(community, p.grids(), buildings);
        Figures fp = Figures.of(p.grids(), buildings, lo, hi), fb = Figures.of(b.grids(), buildings, lo, hi);
        if (strictly) assertAtLeastAsBalancedAndMoreCompact(fp, fb);
        else assertNoWorse(fp, fb);
    }

    /**
     * A 400 m × 200 m block of 16 × 8 buildings in a regular lattice whose households fall from west to east (40 in
     * the first columns, 2 in the last). Here bisection cuts rectangles of whole lattice columns and rows, which no
     * move or swap of single buildings makes more compact under the same balance: the proposal must be no worse on
     * any count (the polished bisection is one of its starts), more compact where it can.
     */
    @ParameterizedTest(name = "{0} grids, seed {1}")
    @CsvSource({"3, 1", "5, 1", "6, 7", "7, 3", "9, 1"})
    void aRegularLatticeIsDividedNoWorseThanByBisection(int k, long seed) {
        compare(box(0, 0, 400, 200), lattice(16, 8, (i, j) -> Math.max(2, 40 - 3 * i) + (j % 3)), k, seed, false);
    }

    /**
     * Irregular ground as in the sample street: a five-sided community of about 500 m × 300 m with 240 buildings
     * of 6–22 m set off a 25 m lattice by up to 6 m, households 0–30 (a fifth none), all from a fixed random
     * sequence. The proposal is at least as balanced and strictly more compact than bisection.
     */
    @ParameterizedTest(name = "{0} grids, seed {1}")
    @CsvSource({"4, 1", "6, 2", "8, 3", "10, 1"})
    void irregularGroundIsDividedAtLeastAsEvenlyAndMoreCompactlyThanByBisection(int k, long seed) {
        Geometry community = RedistricterTest.GF.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
            new org.locationtech.jts.geom.Coordinate(0, 0),
            new org.locationtech.jts.geom.Coordinate(520, 0),
            new org.locationtech.jts.geom.Coordinate(560, 180),
            new org.locationtech.jts.geom.Coordinate(300, 310),
            new org.locationtech.jts.geom.Coordinate(0, 260),
            new org.locationtech.jts.geom.Coordinate(0, 0)
        });
        java.util.Random rnd = new java.util.Random(20261123);
        List<ProposalBuilding> buildings = new java.util.ArrayList<>();
        for (int i = 0; i < 22; i++) {
            for (int j = 0; j < 12; j++) {
                double x = 10 + 25 * i + 6 * rnd.nextDouble(), y = 10 + 25 * j + 6 * rnd.nextDouble();
                double w = 6 + 8 * rnd.nextDouble(), h = 6 + 8 * rnd.nextDouble();
                int hh = rnd.nextDouble() < 0.2 ? 0 : 1 + rnd.nextInt(30);
                Geometry f = box(x, y, x + w, y + h);
                if (community.contains(f)) buildings.add(new ProposalBuilding("B" + i + "-" + j, f, hh, null));
            }
        }
        compare(community, buildings, k, seed, true);
    }

    /** An L-shaped community (a 300 m square without its north-east 200 m quarter): bisection cuts across the bend. */
    @ParameterizedTest(name = "{0} grids")
    @CsvSource({"4", "6", "8"})
    void anLShapedCommunityIsDividedAtLeastAsEvenlyAndMoreCompactlyThanByBisection(int k) {
        Geometry community = box(0, 0, 300, 300).difference(box(100, 100, 300, 300));
        List<ProposalBuilding> buildings = lattice(12, 12, (i, j) -> (i * 7 + j * 5) % 9 + 1).stream()
                .filter(b -> community.contains(b.footprint()))
                .toList();
        compare(community, buildings, k, 1, true);
    }

    /**
     * Three communities of 3,022, 3,358 and 3,611 households sharing 30 grids (street mean 333.0): by hand,
     * 9/10/11 grids give means of 335.8, 335.8 and 328.3 (gaps under 1.5 %); a floor-and-round-robin share gave
     * 10/10/10 (302, 336, 361: the first community's grids crowd the band's lower bound of 300).
     */
    @Test
    void aStreetsGridsAreSharedSoThatTheCommunitiesMeanGridsAreEven() {
        assertThat(Redistricter.share(new int[] {3022, 3358, 3611}, 30)).containsExactly(9, 10, 11);
        assertThat(Redistricter.share(new int[] {500, 0, 100}, 3)).containsExactly(1, 1, 1);
        assertThat(Redistricter.share(new int[] {1200, 400}, 4)).containsExactly(3, 1);
    }

    @Test
    void theSameSeedGivesTheSameProposal() {
        Geometry community = box(0, 0, 400, 200);
        List<ProposalBuilding> buildings = lattice(16, 8, (i, j) -> Math.max(2, 40 - 3 * i));
        CommunityInput in = new CommunityInput("c", community, buildings, Map.of(), List.of());
        Settings s = new Settings(false, 300, 500, 0.5, 5, false);
        CommunityProposal a = Redistricter.propose(in, s, 5, () -> false, x -> {});
        CommunityProposal again = Redistricter.propose(in, s, 5, () -> false, x -> {});
        for (int g = 0; g < 5; g++) {
            assertThat(again.grids().get(g).shape().equalsExact(a.grids().get(g).shape()))
                    .isTrue();
        }
    }
}
