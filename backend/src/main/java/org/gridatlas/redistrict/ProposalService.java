package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.api.NotFoundException;
import org.gridatlas.plan.ProposalDrafts;
import org.gridatlas.security.GridAtlasUser;
import org.gridatlas.security.Scope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Balanced proposals as jobs: the request is checked and the data read at once (bad input is answered 400 naming
 * the field), the computation runs on one background thread with progress and cancel, and the result is saved as a
 * draft plan through {@link ProposalDrafts}.
 */
@Service
public class ProposalService {
    private static final Logger LOG = LoggerFactory.getLogger(ProposalService.class);

    private final ProposalStore store;
    private final ProposalDrafts drafts;
    private final Map<Long, ProposalJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "proposals");
        t.setDaemon(true);
        return t;
    });

    ProposalService(ProposalStore store, ProposalDrafts drafts) {
        this.store = store;
        this.drafts = drafts;
    }

    /** A checked request with its inputs read: what the job computes. */
    record Plan(
            long basedOn, String community, List<CommunityInput> inputs, int[] grids, Settings settings, String name) {}

    /** Starts a proposal; returns its job. */
    public ProposalJob.View start(GridAtlasUser user, ProposalRequest r) {
        Plan plan = check(user, r);
        ProposalJob job = new ProposalJob(ids.incrementAndGet(), user.username());
        jobs.put(job.id, job);
        worker.submit(() -> run(user, plan, job));
        return job.view();
    }

    public ProposalJob.View job(GridAtlasUser user, long id) {
        return owned(user, id).view();
    }

    public ProposalJob.View cancel(GridAtlasUser user, long id) {
        ProposalJob job = owned(user, id);
        job.cancel.set(true);
        return job.view();
    }

    /** Runs a proposal in the caller's thread (benchmarks, tests): the per-community results, nothing saved. */
    public List<CommunityProposal> compute(GridAtlasUser user, ProposalRequest r) {
        Plan plan = check(user, r);
        List<CommunityProposal> out = new ArrayList<>();
        for (int i = 0; i < plan.inputs().size(); i++) {
            out.add(Redistricter.propose(plan.inputs().get(i), plan.settings(), plan.grids()[i], () -> false, p -> {}));
        }
        return out;
    }

    private ProposalJob owned(GridAtlasUser user, long id) {
        ProposalJob job = jobs.get(id);
        if (job == null || !job.owner.equals(user.username()))
            throw new NotFoundException("id", "no proposal job " + id);
        return job;
    }

    private void run(GridAtlasUser user, Plan plan, ProposalJob job) {
        long t0 = System.nanoTime();
        try {
            List<CommunityProposal> results = new ArrayList<>();
            int n = plan.inputs().size();
            for (int i = 0; i < n; i++) {
                int idx = i;
                results.add(Redistricter.propose(
                        plan.inputs().get(i),
                        plan.settings(),
                        plan.grids()[i],
                        job.cancel::get,
                        p -> job.progress = 0.95 * (idx + p) / n));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Map<String, Geometry>> grids = new LinkedHashMap<>();
            Map<String, Set<String>> keep = new LinkedHashMap<>();
            List<CommunityProposal> coded = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                CommunityProposal c = code(results.get(i), plan.settings().minimalChange());
                coded.add(c);
                Map<String, Geometry> byCode = new LinkedHashMap<>();
                for (ProposedGrid g : c.grids()) if (g.changed()) byCode.put(g.code(), g.shape());
                grids.put(c.community(), byCode);
                Set<String> stay = new TreeSet<>(plan.inputs().get(i).locked());
                if (plan.settings().minimalChange()) {
                    c.grids().stream().filter(g -> !g.changed()).forEach(g -> stay.add(g.code()));
                }
                keep.put(c.community(), stay);
            }
            Map<String, Object> summary = Summaries.summary(coded, seconds);
            if (job.cancel.get()) throw new Redistricter.CancelledException();
            job.planId = drafts.save(
                    user, plan.basedOn(), plan.community(), plan.name(), "balanced proposal", grids, keep, summary);
            job.result = Summaries.result(coded, summary);
            job.progress = 1;
            job.status = "succeeded";
        } catch (Redistricter.CancelledException e) {
            job.status = "cancelled";
            job.message = "cancelled: nothing saved";
        } catch (RuntimeException e) {
            LOG.warn("proposal job {} failed", job.id, e);
            job.status = "failed";
            job.message = e.getMessage();
        }
    }

    /** Grid codes: kept in minimal change; from scratch the next free numbers, west → east, then north → south. */
    private CommunityProposal code(CommunityProposal c, boolean minimal) {
        if (minimal) return c;
        int next = drafts.codesEverUsed(c.community()).stream()
                        .mapToInt(code -> Integer.parseInt(code.substring(12)))
                        .max()
                        .orElse(0)
                + 1;
        List<ProposedGrid> sorted = new ArrayList<>(c.grids());
        sorted.sort(Comparator.comparingDouble((ProposedGrid g) ->
                        Math.round(g.shape().getInteriorPoint().getX()))
                .thenComparing(g -> -g.shape().getInteriorPoint().getY()));
        if (next + sorted.size() > 999)
            throw new BadParameterException("grids", "community " + c.community() + " has no free grid numbers left");
        List<ProposedGrid> out = new ArrayList<>();
        for (ProposedGrid g : sorted) out.add(g.withCode(c.community() + String.format("%03d", next++)));
        return new CommunityProposal(
                c.community(),
                out,
                c.movedHouseholds(),
                c.feasible(),
                c.infeasibility(),
                c.notes(),
                c.stats(),
                c.baseline(),
                c.units(),
                c.parts());
    }

    private Plan check(GridAtlasUser user, ProposalRequest r) {
        Scope scope = user.scope();
        if (!Scope.PLANNER.equals(scope.role()) && !Scope.ADMIN.equals(scope.role())) {
            throw new AccessDeniedException("proposals are made by planners");
        }
        String street = r.community() != null && r.community().length() >= 9
                ? r.community().substring(0, 9)
                : r.street();
        if (street == null) street = scope.streetCode();
        if (street == null) throw new BadParameterException("street", "say which street or community to propose for");
        if (r.community() != null && (!r.community().matches("[0-9]{12}") || !scope.covers(r.community())))
            throw new BadParameterException("community", "community " + r.community() + " is not in your scope");
        if (!scope.coversStreet(street) && r.community() == null)
            throw new BadParameterException("street", "street " + street + " is not in your scope");
        boolean minimal = r.mode() == null || r.mode().equals("scratch")
                ? false
                : r.mode().equals("minimal") ? true : fail("mode", "mode must be scratch or minimal");
        if (r.grids() != null && r.grids() <= 0)
            throw new BadParameterException(
                    "grids", "grids must be at least 1 (leave it out for as many as the band allows)");
        checkWorkers(r);
        double[] band = drafts.householdBand(street);
        double lo = r.bandMin() != null ? r.bandMin() : band[0];
        double hi = r.bandMax() != null ? r.bandMax() : band[1];
        if (lo < 0) throw new BadParameterException("bandMin", "bandMin must not be negative");
        if (lo > hi) throw new BadParameterException("bandMin", "bandMin " + lo + " is above bandMax " + hi);
        if (hi <= 0) throw new BadParameterException("bandMax", "bandMax must be positive");
        double compactness = r.compactness() == null ? 0.5 : r.compactness();
        if (compactness < 0 || compactness > 1)
            throw new BadParameterException("compactness", "compactness must lie in 0 … 1");
        Long basedOn = r.plan() != null ? r.plan() : drafts.publishedPlan(street);
        if (basedOn == null)
            throw new BadParameterException("plan", "street " + street + " has no published plan to start from");
        if (!drafts.streetOf(user, basedOn, "plan").equals(street))
            throw new BadParameterException("plan", "plan " + basedOn + " is of another street");
        List<String> communities = r.community() != null ? List.of(r.community()) : store.communities(street);
        Set<String> locked = new TreeSet<>(r.locked() == null ? List.of() : r.locked());
        List<Geometry> drawn = drawn(r.compoundAreas(), "compoundAreas", 2);
        List<Geometry> lines = drawn(r.barriers(), "barriers", 1);
        Geometry barriers = lines.isEmpty() ? null : UnaryUnionOp.union(lines);
        List<CommunityInput> inputs = new ArrayList<>();
        for (String c : communities) {
            CommunityInput in = withDrawnCompounds(input(basedOn, c, locked, r.community() != null), drawn);
            inputs.add(
                    new CommunityInput(in.community(), in.free(), in.buildings(), in.current(), in.locked(), barriers));
        }
        for (String l : locked) {
            if (inputs.stream().noneMatch(i -> i.locked().contains(l)))
                throw new BadParameterException(
                        "locked", "locked grid " + l + " is not a grid of plan " + basedOn + " in the scope");
        }
        int[] grids = allocate(inputs, total(r, inputs), minimal);
        Settings settings = new Settings(
                minimal, lo, hi, compactness, r.seed() == null ? 1 : r.seed(), Boolean.TRUE.equals(r.keepCompounds()));
        String name =
                r.name() == null || r.name().isBlank() ? "均衡网格方案" : r.name().strip();
        return new Plan(basedOn, r.community(), inputs, grids, settings, name);
    }

    /** Drawn geometries in the metric CRS: polygons (dimension 2) or lines (1), each valid. */
    private List<Geometry> drawn(List<tools.jackson.databind.JsonNode> areas, String name, int dimension) {
        List<Geometry> out = new ArrayList<>();
        if (areas == null) return out;
        for (int i = 0; i < areas.size(); i++) {
            String field = name + "[" + i + "]";
            Geometry g;
            try {
                g = areas.get(i) == null || areas.get(i).isNull()
                        ? null
                        : store.fromGeoJson(areas.get(i).toString());
            } catch (org.springframework.dao.DataAccessException e) {
                throw new BadParameterException(field, field + " is not a readable GeoJSON geometry");
            }
            if (g == null || g.getDimension() != dimension || !g.isValid() || g.isEmpty())
                throw new BadParameterException(
                        field,
                        field + " must be a valid GeoJSON "
                                + (dimension == 2 ? "Polygon or MultiPolygon" : "LineString or MultiLineString"));
            out.add(g);
        }
        return out;
    }

    /** Buildings inside a drawn compound get its name (Tessellation keeps such compounds whole). */
    private static CommunityInput withDrawnCompounds(CommunityInput in, List<Geometry> drawn) {
        if (drawn.isEmpty()) return in;
        List<ProposalBuilding> out = new ArrayList<>();
        for (ProposalBuilding b : in.buildings()) {
            String compound = b.compound();
            for (int i = 0; i < drawn.size(); i++) {
                if (drawn.get(i).contains(b.footprint().getInteriorPoint())) compound = Tessellation.DRAWN + (i + 1);
            }
            out.add(new ProposalBuilding(b.code(), b.footprint(), b.households(), compound));
        }
        return new CommunityInput(in.community(), in.free(), out, in.current(), in.locked());
    }

    private static void checkWorkers(ProposalRequest r) {
        if (r.householdsPerWorker() == null) {
            if (r.workers() != null)
                throw new BadParameterException("workers", "workers goes with householdsPerWorker");
            return;
        }
        if (r.grids() != null)
            throw new BadParameterException("householdsPerWorker", "give either grids or householdsPerWorker");
        if (!(r.householdsPerWorker() > 0))
            throw new BadParameterException("householdsPerWorker", "householdsPerWorker must be positive");
        if (r.workers() != null && r.workers() <= 0)
            throw new BadParameterException("workers", "workers must be at least 1");
    }

    /**
     * The number of grids asked for the whole scope: {@code grids}, or with a households-per-worker target (one
     * full-time worker per grid) the scope's households divided by it, rounded, at most the available workers; null
     * for as many as the band allows.
     */
    static Integer total(ProposalRequest r, List<CommunityInput> inputs) {
        if (r.householdsPerWorker() == null) return r.grids();
        long households = inputs.stream()
                .flatMap(i -> i.buildings().stream())
                .mapToLong(ProposalBuilding::households)
                .sum();
        long k = Math.max(1, Math.round(households / r.householdsPerWorker()));
        if (r.workers() != null && r.workers() < inputs.size())
            throw new BadParameterException(
                    "workers", inputs.size() + " communities need at least " + inputs.size() + " workers");
        if (r.workers() != null) k = Math.min(k, r.workers());
        return (int) Math.max(k, inputs.size());
    }

    private CommunityInput input(long plan, String community, Set<String> locked, boolean single) {
        Geometry outline = store.community(community);
        Map<String, Geometry> current = store.grids(plan, community);
        List<String> mine = new ArrayList<>();
        List<Geometry> lockedShapes = new ArrayList<>();
        for (String l : locked) {
            if (current.containsKey(l)) {
                mine.add(l);
                lockedShapes.add(current.remove(l));
            }
        }
        Geometry free = lockedShapes.isEmpty()
                ? outline
                : OverlayNGRobust.overlay(outline, UnaryUnionOp.union(lockedShapes), OverlayNG.DIFFERENCE);
        List<ProposalBuilding> buildings = new ArrayList<>();
        for (ProposalBuilding b : store.buildings(community)) {
            if (free.contains(b.footprint().getInteriorPoint())) buildings.add(b);
        }
        if (buildings.isEmpty() && single)
            throw new BadParameterException(
                    "community", "community " + community + " has no buildings outside the locked grids to divide");
        requireHouseholdsInEveryPiece(community, free, buildings, !mine.isEmpty());
        return new CommunityInput(community, free, buildings, current, mine);
    }

    /**
     * A piece of the area to divide without households could only be an empty grid or part of a grid in two pieces:
     * both are refused, so the request is (naming the locked grids that cut it off, else the community).
     */
    private static void requireHouseholdsInEveryPiece(
            String community, Geometry free, List<ProposalBuilding> buildings, boolean lockedAny) {
        int households =
                buildings.stream().mapToInt(ProposalBuilding::households).sum();
        if (free.getNumGeometries() < 2 || households == 0) return;
        for (int i = 0; i < free.getNumGeometries(); i++) {
            Geometry piece = free.getGeometryN(i);
            if (piece.getArea() < 1) continue; // a sliver of the overlay, below the plan rules' 1 m² tolerance
            int inside = buildings.stream()
                    .filter(b -> piece.contains(b.footprint().getInteriorPoint()))
                    .mapToInt(ProposalBuilding::households)
                    .sum();
            if (inside == 0)
                throw new BadParameterException(
                        lockedAny ? "locked" : "community",
                        "a piece of community " + community + " of " + Math.round(piece.getArea())
                                + " m² without households is cut off from the rest"
                                + (lockedAny ? " by the locked grids: lock it too or unlock a neighbouring grid" : ""));
        }
    }

    /** Grids per community: the total shared by households ({@link Redistricter#share}), or max-p (0). */
    private static int[] allocate(List<CommunityInput> inputs, Integer total, boolean minimal) {
        if (total == null || minimal) return new int[inputs.size()];
        if (total < inputs.size())
            throw new BadParameterException(
                    "grids",
                    "a street of " + inputs.size() + " communities needs at least " + inputs.size() + " grids");
        return shareByHouseholds(inputs, total);
    }

    /** A street's grids shared over its communities by their households ({@link Redistricter#share}). */
    public static int[] shareByHouseholds(List<CommunityInput> inputs, int total) {
        int[] hh = inputs.stream()
                .mapToInt(i -> i.buildings().stream()
                        .mapToInt(ProposalBuilding::households)
                        .sum())
                .toArray();
        return Redistricter.share(hh, total);
    }

    private static boolean fail(String field, String message) {
        throw new BadParameterException(field, message);
    }
}
