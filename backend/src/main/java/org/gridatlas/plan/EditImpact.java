package org.gridatlas.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * What an edit (or the difference between two plans) does to the people in the grids: per grid before → after, the
 * buildings that change grid, and the grids that leave or enter their norm band.
 *
 * @param grids the grids whose shape or figures change, in code order
 * @param moves the buildings that change grid
 */
public record EditImpact(List<GridChange> grids, List<BuildingMove> moves) {

    /**
     * A grid's figures. A building counts in the grid holding the larger share of its footprint.
     *
     * @param areaM2 area in m² (metric CRS)
     * @param householdsPerWorker households per full-time worker; null without one
     * @param householdStatus households per grid against the band: below, within or above
     */
    public record GridFigures(
            int buildings,
            int households,
            int residents,
            double areaM2,
            int fullTimeWorkers,
            Double householdsPerWorker,
            String householdStatus) {}

    /** A grid before and after; before or after is null for a grid that the change creates or removes. */
    public record GridChange(
            String grid, GridFigures before, GridFigures after, boolean leavesBand, boolean entersBand) {}

    /** A building changing grid; from or to is null when it had or gets none. */
    public record BuildingMove(String building, String address, String from, String to, int households) {}

    public static EditImpact between(CommunityCoverage before, CommunityCoverage after, NormBands bands) {
        return between(before, after, bands, holders(before), holders(after));
    }

    /**
     * As {@link #between(CommunityCoverage, CommunityCoverage, NormBands)} with the building → grid maps given
     * (e.g. {@link #holders} of a cached coverage and {@link #holdersAfterEdit}).
     */
    public static EditImpact between(
            CommunityCoverage before,
            CommunityCoverage after,
            NormBands bands,
            Map<String, String> heldBefore,
            Map<String, String> heldAfter) {
        List<BuildingMove> moves = new ArrayList<>();
        for (PlanBuilding b : before.buildings()) {
            String from = heldBefore.get(b.code());
            String to = heldAfter.get(b.code());
            if (!Objects.equals(from, to)) moves.add(new BuildingMove(b.code(), b.address(), from, to, b.households()));
        }
        Map<String, GridFigures> figuresBefore = figures(before, heldBefore, bands);
        Map<String, GridFigures> figuresAfter = figures(after, heldAfter, bands);
        TreeSet<String> codes = new TreeSet<>(before.grids().keySet());
        codes.addAll(after.grids().keySet());
        List<GridChange> changes = new ArrayList<>();
        for (String code : codes) {
            GridFigures b = figuresBefore.get(code);
            GridFigures a = figuresAfter.get(code);
            Geometry was = before.grids().get(code);
            Geometry is = after.grids().get(code);
            boolean shapeChanged = was == null || is == null || !was.equalsExact(is);
            if (!shapeChanged && Objects.equals(a, b)) continue;
            boolean wasIn = b != null && b.householdStatus().equals("within");
            boolean isIn = a != null && a.householdStatus().equals("within");
            changes.add(new GridChange(code, b, a, wasIn && !isIn, !wasIn && isIn));
        }
        return new EditImpact(changes, moves);
    }

    /** Building code → code of the grid holding the larger share of its footprint (none: absent). */
    static Map<String, String> holders(CommunityCoverage c) {
        STRtree index = new STRtree();
        c.grids()
                .forEach((code, g) -> index.insert(
                        g.getEnvelopeInternal(), new Candidate(code, g, PreparedGeometryFactory.prepare(g))));
        Map<String, String> holders = new HashMap<>();
        for (PlanBuilding b : c.buildings()) {
            @SuppressWarnings("unchecked")
            List<Candidate> candidates = index.query(b.footprint().getEnvelopeInternal());
            String best = null;
            double bestArea = 0;
            for (Candidate cand : candidates) {
                if (cand.prepared().containsProperly(b.footprint())) {
                    best = cand.code();
                    break;
                }
                double part = cand.geometry().intersection(b.footprint()).getArea();
                if (part > bestArea
                        || (part == bestArea && part > 0 && cand.code().compareTo(best) < 0)) {
                    best = cand.code();
                    bestArea = part;
                }
            }
            if (best != null) holders.put(b.code(), best);
        }
        return holders;
    }

    private record Candidate(String code, Geometry geometry, PreparedGeometry prepared) {}

    /**
     * The holders after an edit that changed only the grids {@code changed} (codes of either side): a building whose
     * envelope meets none of their shapes, before or after, keeps its grid, the others are recomputed — the same
     * answer as {@link #holders} of {@code after}, for the cost of the buildings near the edit.
     */
    static Map<String, String> holdersAfterEdit(
            CommunityCoverage before, CommunityCoverage after, Map<String, String> heldBefore, Set<String> changed) {
        STRtree near = new STRtree();
        for (String code : changed) {
            for (CommunityCoverage side : List.of(before, after)) {
                Geometry g = side.grids().get(code);
                if (g != null) near.insert(g.getEnvelopeInternal(), g.getEnvelopeInternal());
            }
        }
        List<PlanBuilding> touched = new ArrayList<>();
        for (PlanBuilding b : after.buildings()) {
            if (!near.query(b.footprint().getEnvelopeInternal()).isEmpty()) touched.add(b);
        }
        Map<String, String> held = new HashMap<>(heldBefore);
        touched.forEach(b -> held.remove(b.code()));
        held.putAll(holders(
                new CommunityCoverage(after.communityCode(), after.community(), after.grids(), touched, Map.of())));
        return held;
    }

    private static Map<String, GridFigures> figures(CommunityCoverage c, Map<String, String> holders, NormBands bands) {
        Map<String, int[]> sums = new HashMap<>();
        for (PlanBuilding b : c.buildings()) {
            String grid = holders.get(b.code());
            if (grid == null) continue;
            int[] s = sums.computeIfAbsent(grid, k -> new int[3]);
            s[0]++;
            s[1] += b.households();
            s[2] += b.residents();
        }
        Map<String, GridFigures> figures = new HashMap<>();
        c.grids().forEach((code, g) -> {
            int[] s = sums.getOrDefault(code, new int[3]);
            int workers = c.fullTimeWorkers().getOrDefault(code, 0);
            Double perWorker = workers == 0 ? null : (double) s[1] / workers;
            figures.put(
                    code,
                    new GridFigures(
                            s[0],
                            s[1],
                            s[2],
                            Math.round(g.getArea() * 10) / 10.0,
                            workers,
                            perWorker,
                            NormBands.status(s[1], bands.householdsMin(), bands.householdsMax())));
        });
        return figures;
    }
}
