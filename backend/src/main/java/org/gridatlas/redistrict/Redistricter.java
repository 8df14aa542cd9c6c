package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Proposes the grids of one community: from scratch (units of the free area, grown regions, local search; with
 * {@code k ≤ 0} as many grids as the band allows, max-p style) or with minimal change (units of each current grid,
 * local search from the current assignment weighing households moved). Plain Java, no Spring: unit-tested directly.
 */
public final class Redistricter {
    private static final int PASSES = 80;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Redistricter.class);

    private Redistricter() {}

    /**
     * @param k number of grids from scratch; 0 or less for as many as the band allows (ignored in minimal change)
     */
    public static CommunityProposal propose(
            CommunityInput in, Settings s, int k, BooleanSupplier cancelled, DoubleConsumer progress) {
        List<String> notes = new ArrayList<>();
        return s.minimalChange()
                ? minimal(in, s, cancelled, progress, notes)
                : scratch(in, s, k, cancelled, progress, notes);
    }

    /**
     * The reference proposal: the same units cut by recursive bisection along the longer axis into k grids (no
     * search, no contiguity guarantee), dissolved the same way. For benchmarks and comparisons.
     */
    public static CommunityProposal baseline(CommunityInput in, Settings s, int k) {
        List<String> notes = new ArrayList<>();
        List<Unit> units = Tessellation.units(in.free(), in.buildings(), s.keepCompounds(), s.hi(), notes);
        UnitGraph graph = UnitGraph.of(units, in.barriers());
        Regions r = new Regions(units, graph, Bisection.partition(units, k), k, null);
        int total = units.stream().mapToInt(Unit::households).sum();
        List<ProposedGrid> grids = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            List<Geometry> shapes = new ArrayList<>();
            int hh = 0, nb = 0;
            for (Unit u : units) {
                if (r.of[u.id()] != g) continue;
                shapes.add(u.shape());
                hh += u.households();
                nb += u.buildings().size();
            }
            grids.add(grid(null, Tessellation.polygonal(UnaryUnionOp.union(shapes)), hh, nb, (double) total / k, true));
        }
        RegionStats stats = RegionStats.of(r, s.lo(), s.hi());
        return new CommunityProposal(
                in.community(), grids, 0, stats.inBand() == k, List.of(), notes, stats, stats, units.size(), 0);
    }

    private static CommunityProposal scratch(
            CommunityInput in,
            Settings s,
            int k,
            BooleanSupplier cancelled,
            DoubleConsumer progress,
            List<String> notes) {
        PhaseClock clock = new PhaseClock();
        List<Unit> units = Tessellation.units(in.free(), in.buildings(), s.keepCompounds(), s.hi(), notes);
        clock.mark("units");
        progress.accept(0.2);
        UnitGraph graph = UnitGraph.of(units, in.barriers());
        clock.mark("graph");
        int[] component = graph.components();
        int total = units.stream().mapToInt(Unit::households).sum();
        List<String> proof = Feasibility.proof(units, total, k, s.lo(), s.hi());
        List<Integer> tries = new ArrayList<>();
        if (k > 0) tries.add(k);
        else tries.addAll(Feasibility.maxPCandidates(total, s.lo(), s.hi()));
        Regions best = null;
        int bestOut = Integer.MAX_VALUE;
        for (int t = 0; t < tries.size() && !cancelled.getAsBoolean(); t++) {
            int kk = tries.get(t);
            int[] perComponent = Feasibility.allocate(units, component, kk);
            int regions = java.util.Arrays.stream(perComponent).sum();
            if (regions < kk && k > 0) {
                notes.add(
                        "only " + regions + " building units hold households: " + regions + " grids instead of " + kk);
            }
            double base = 0.2 + 0.7 * t / tries.size();
            double span = 0.7 / tries.size();
            Regions r = bestOfStarts(
                    units,
                    graph,
                    component,
                    perComponent,
                    regions,
                    s,
                    cancelled,
                    p -> progress.accept(base + span * p));
            clock.mark("search");
            if (r == null) break; // cancelled
            int out = regions - RegionStats.of(r, s.lo(), s.hi()).inBand();
            if (best == null || out < bestOut) {
                best = r;
                bestOut = out;
            }
            if (k > 0 || out == 0) break;
        }
        // a search cut short is no result: nothing half-done leaves the core
        if (best == null || cancelled.getAsBoolean()) throw new CancelledException();
        if (k <= 0 && RegionStats.of(best, s.lo(), s.hi()).inBand() < best.k && proof.isEmpty()) {
            notes.add("no partition with every grid in the band was found (none proved impossible either)");
        }
        Regions baseline = new Regions(units, graph, Bisection.partition(units, best.k), best.k, null);
        List<ProposedGrid> grids = new ArrayList<>();
        double mean = (double) total / best.k;
        for (int r = 0; r < best.k; r++) {
            List<Geometry> shapes = new ArrayList<>();
            int hh = 0, nb = 0;
            for (Unit u : units) {
                if (best.of[u.id()] != r) continue;
                shapes.add(u.shape());
                hh += u.households();
                nb += u.buildings().size();
            }
            grids.add(grid(null, Tessellation.polygonal(UnaryUnionOp.union(shapes)), hh, nb, mean, true));
        }
        grids = noded(grids, List.of());
        requireWholeGrids(grids, total);
        RegionStats stats = RegionStats.of(best, s.lo(), s.hi());
        clock.mark("dissolve");
        LOG.debug("proposal {}: {} units, CPU {}", in.community(), units.size(), clock);
        progress.accept(1.0);
        return new CommunityProposal(
                in.community(),
                grids,
                Moves.moved(units, in.current(), best),
                stats.inBand() == best.k,
                proof,
                notes,
                stats,
                RegionStats.of(baseline, s.lo(), s.hi()),
                units.size(),
                java.util.Arrays.stream(component).max().orElse(-1) + 1);
    }

    /**
     * The search from several starts, the best result winning ({@link #better}): regions grown from spread seeds and
     * the bisection made contiguous, each through the shape, balance and even-out phases and the balance-keeping
     * compactness polish ({@link Polish}); the contiguous bisection through the same without the shape phase (which
     * may undo its straight cuts); the contiguous bisection through the polish alone, which keeps its
     * balance (grids in band, max deviation) and min compactness and only raises the sum of compactness; and the
     * contiguous bisection as it is. So when the bisection is contiguous, a result no worse than it on any count is
     * always at hand, and the search only has to find a more compact one. Null when cancelled.
     */
    private static Regions bestOfStarts(
            List<Unit> units,
            UnitGraph graph,
            int[] component,
            int[] perComponent,
            int regions,
            Settings s,
            BooleanSupplier cancelled,
            DoubleConsumer progress) {
        int total = units.stream().mapToInt(Unit::households).sum();
        double target = (double) total / regions;
        RegionStats bisection = RegionStats.of(
                new Regions(units, graph, Bisection.partition(units, regions), regions, null), s.lo(), s.hi());
        // the polish may trade balance for shape up to this deviation: the compactness weight's share of 10 %, but
        // never beyond the bisection's own (so the proposal stays at least as balanced) nor the balance reached
        double allowance = Math.min(0.1 * s.compactness(), bisection.maxDeviation()) * target;
        List<int[]> starts = new ArrayList<>();
        starts.add(RegionGrowing.grow(units, graph, component, perComponent, new Random(s.seed())));
        int[] cut = Bisection.contiguous(units, graph, regions);
        if (cut != null) {
            for (int i = 0; i < 4; i++) starts.add(cut);
        }
        Regions best = null;
        RegionStats bestStats = null;
        for (int i = 0; i < starts.size(); i++) {
            double base = (double) i / starts.size(), span = 1.0 / starts.size();
            Regions r = new Regions(units, graph, starts.get(i), regions, null);
            Random rng = new Random(s.seed());
            if (i < 3) {
                // First shape (compactness weighs much), then balance (compactness only breaks ties).
                Objective shape = new Objective(target, s.lo(), s.hi(), 1, 0.5 * s.compactness(), 0);
                Objective balance = new Objective(target, s.lo(), s.hi(), 4, 0.02 * s.compactness(), 0);
                Objective evenOut = new Objective(target, s.lo(), s.hi(), 40, 0.02 * s.compactness(), 0);
                // from the bisection also without the shape phase, which may undo its shapes
                if (i != 2)
                    LocalSearch.improve(r, shape, rng, PASSES, cancelled, p -> progress.accept(base + span * 0.3 * p));
                LocalSearch.improve(
                        r, balance, rng, PASSES, cancelled, p -> progress.accept(base + span * (0.3 + 0.3 * p)));
                LocalSearch.improve(r, evenOut, rng, PASSES, cancelled, p -> {});
            }
            if (i < 4) Polish.run(r, s.lo(), s.hi(), allowance, rng, PASSES, cancelled);
            if (cancelled.getAsBoolean()) return null;
            progress.accept(base + span);
            RegionStats stats = RegionStats.of(r, s.lo(), s.hi());
            if (best == null || better(stats, bestStats, bisection, allowance / target)) {
                best = r;
                bestStats = stats;
            }
        }
        return best;
    }

    /**
     * Whether a is the better partition. First against the bisection: one at least as balanced (as many grids in
     * the band, max deviation no larger) and more compact (mean Polsby–Popper higher, min no lower) beats one that
     * is only no worse, which beats one that is worse on some count. Then: more grids in the band; a smaller max
     * deviation, where deviations within the allowance count as equal; more compact (mean plus min Polsby–Popper).
     */
    static boolean better(RegionStats a, RegionStats b, RegionStats bisection, double allowance) {
        int ta = tier(a, bisection), tb = tier(b, bisection);
        if (ta != tb) return ta < tb;
        if (a.inBand() != b.inBand()) return a.inBand() > b.inBand();
        double da = Math.max(a.maxDeviation(), allowance), db = Math.max(b.maxDeviation(), allowance);
        if (Math.abs(da - db) > 1e-9) return da < db;
        return a.meanPolsbyPopper() + a.minPolsbyPopper() > b.meanPolsbyPopper() + b.minPolsbyPopper();
    }

    /** 0: at least as balanced as the reference and more compact; 1: no worse on any count; 2: worse on one. */
    private static int tier(RegionStats a, RegionStats reference) {
        boolean noWorse = a.inBand() >= reference.inBand()
                && a.maxDeviation() <= reference.maxDeviation() + 1e-12
                && a.meanPolsbyPopper() >= reference.meanPolsbyPopper() - 1e-12
                && a.minPolsbyPopper() >= reference.minPolsbyPopper() - 1e-12;
        if (!noWorse) return 2;
        return a.meanPolsbyPopper() > reference.meanPolsbyPopper() + 1e-9 ? 0 : 1;
    }

    private static CommunityProposal minimal(
            CommunityInput in, Settings s, BooleanSupplier cancelled, DoubleConsumer progress, List<String> notes) {
        List<String> codes = new ArrayList<>(in.current().keySet());
        List<Unit> units = new ArrayList<>();
        List<Integer> startList = new ArrayList<>();
        for (int g = 0; g < codes.size(); g++) {
            Geometry grid = in.current().get(codes.get(g));
            List<ProposalBuilding> inside = new ArrayList<>();
            for (ProposalBuilding b : in.buildings()) {
                if (grid.contains(b.footprint().getInteriorPoint())) inside.add(b);
            }
            if (inside.isEmpty()) continue;
            for (Unit u : Tessellation.units(grid, inside, s.keepCompounds(), s.hi(), notes)) {
                units.add(new Unit(
                        units.size(), u.buildings(), u.households(), u.shape(), u.area(), u.perimeter(), u.x(), u.y()));
                startList.add(g);
            }
            progress.accept(0.4 * (g + 1) / codes.size());
        }
        int[] start = startList.stream().mapToInt(Integer::intValue).toArray();
        UnitGraph graph = UnitGraph.of(units, in.barriers());
        int total = units.stream().mapToInt(Unit::households).sum();
        List<String> proof = Feasibility.proof(units, total, codes.size(), s.lo(), s.hi());
        Regions r = new Regions(units, graph, start, codes.size(), start);
        Objective o = new Objective((double) total / codes.size(), s.lo(), s.hi(), 0, 0.002 * s.compactness(), 1);
        LocalSearch.improve(r, o, new Random(s.seed()), PASSES, cancelled, p -> progress.accept(0.4 + 0.5 * p));
        if (cancelled.getAsBoolean()) throw new CancelledException();
        double mean = (double) total / codes.size();
        List<ProposedGrid> grids = new ArrayList<>();
        Map<Integer, List<Geometry>> out = new HashMap<>();
        Map<Integer, List<Geometry>> gained = new HashMap<>();
        for (Unit u : units) {
            if (r.of[u.id()] == start[u.id()]) continue;
            out.computeIfAbsent(start[u.id()], x -> new ArrayList<>()).add(u.shape());
            gained.computeIfAbsent(r.of[u.id()], x -> new ArrayList<>()).add(u.shape());
        }
        for (int g = 0; g < codes.size(); g++) {
            Geometry shape = in.current().get(codes.get(g));
            boolean changed = out.containsKey(g) || gained.containsKey(g);
            if (out.containsKey(g)) {
                shape = OverlayNGRobust.overlay(shape, UnaryUnionOp.union(out.get(g)), OverlayNG.DIFFERENCE);
            }
            if (gained.containsKey(g)) {
                List<Geometry> all = new ArrayList<>(gained.get(g));
                all.add(shape);
                shape = UnaryUnionOp.union(all);
            }
            int hh = 0, nb = 0;
            for (Unit u : units) {
                if (r.of[u.id()] == g) {
                    hh += u.households();
                    nb += u.buildings().size();
                }
            }
            grids.add(grid(codes.get(g), Tessellation.polygonal(shape), hh, nb, mean, changed));
        }
        grids = noded(grids, List.copyOf(in.current().values()));
        RegionStats stats = RegionStats.of(r, s.lo(), s.hi());
        progress.accept(1.0);
        return new CommunityProposal(
                in.community(),
                grids,
                r.movedHouseholds(),
                stats.inBand() == r.k,
                proof,
                notes,
                stats,
                null,
                units.size(),
                java.util.Arrays.stream(graph.components()).max().orElse(-1) + 1);
    }

    /**
     * The last guard of every result: each grid one polygon, with households when the area has any. Growth keeps
     * regions connected and seeded on households, the search never disconnects nor drains one; a grid failing here
     * is a bug, reported as such rather than saved.
     */
    static void requireWholeGrids(List<ProposedGrid> grids, int totalHouseholds) {
        for (ProposedGrid g : grids) {
            int pieces = 0; // slivers below the plan rules' 1 m² tolerance are not pieces
            for (int i = 0; i < g.shape().getNumGeometries(); i++)
                if (g.shape().getGeometryN(i).getArea() >= 1) pieces++;
            if (pieces != 1)
                throw new IllegalStateException("proposed grid in " + pieces + " pieces: no proposal saved");
            if (totalHouseholds > 0 && g.households() == 0)
                throw new IllegalStateException("proposed grid without households: no proposal saved");
        }
    }

    /** The grids noded against each other and against the unchanged grids (whose vertices they gain). */
    private static List<ProposedGrid> noded(List<ProposedGrid> grids, List<Geometry> others) {
        List<Geometry> all =
                new ArrayList<>(grids.stream().map(ProposedGrid::shape).toList());
        all.addAll(others);
        List<Geometry> noded = Noding.node(all);
        List<ProposedGrid> out = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            ProposedGrid g = grids.get(i);
            out.add(new ProposedGrid(
                    g.code(),
                    g.households(),
                    g.buildings(),
                    g.deviation(),
                    g.polsbyPopper(),
                    g.areaM2(),
                    g.changed(),
                    g.changed() ? noded.get(i) : g.shape()));
        }
        return out;
    }

    private static ProposedGrid grid(String code, Geometry shape, int hh, int nb, double mean, boolean changed) {
        double pp = 4 * Math.PI * shape.getArea() / (shape.getLength() * shape.getLength());
        return new ProposedGrid(code, hh, nb, mean == 0 ? 0 : (hh - mean) / mean, pp, shape.getArea(), changed, shape);
    }

    /**
     * A street's grids shared over its communities so that their mean grids are as even as possible: at least one
     * grid each, then one at a time to the community whose grids would otherwise be largest (D'Hondt), then single
     * grids moved between communities while that lowers the largest relative gap between a community's mean grid
     * and the street's. A community whose mean grid is far from the street's leaves every one of its grids far
     * from the band whatever the partition (a floor-and-round-robin share gave 302 households a grid in one sample
     * community and 361 in another).
     *
     * @param households households of each community
     * @param total grids for the street (at least one per community)
     */
    public static int[] share(int[] households, int total) {
        int n = households.length;
        int[] k = new int[n];
        java.util.Arrays.fill(k, 1);
        for (int left = total - n; left > 0; left--) {
            int best = 0;
            for (int c = 1; c < n; c++)
                if ((double) households[c] / k[c] > (double) households[best] / k[best]) best = c;
            k[best]++;
        }
        double mean = (double) java.util.Arrays.stream(households).sum() / total;
        for (int iter = 0; iter < 10 * total; iter++) {
            double now = worstGap(households, k, mean);
            int from = -1, to = -1;
            for (int a = 0; a < n; a++) {
                if (k[a] <= 1) continue;
                for (int b = 0; b < n; b++) {
                    if (a == b) continue;
                    k[a]--;
                    k[b]++;
                    double gap = worstGap(households, k, mean);
                    k[a]++;
                    k[b]--;
                    if (gap < now - 1e-12) {
                        now = gap;
                        from = a;
                        to = b;
                    }
                }
            }
            if (from < 0) break;
            k[from]--;
            k[to]++;
        }
        return k;
    }

    private static double worstGap(int[] households, int[] k, double mean) {
        double worst = 0;
        for (int c = 0; c < k.length; c++) {
            if (households[c] > 0 && mean > 0)
                worst = Math.max(worst, Math.abs(households[c] / (double) k[c] - mean) / mean);
        }
        return worst;
    }

    /** Thrown when the job was cancelled. */
    public static final class CancelledException extends RuntimeException {
        CancelledException() {
            super("cancelled");
        }
    }
}
