package org.gridatlas.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The rules a community's grids must keep (DESIGN.md): valid polygons, inside the community, no overlap and no gap
 * above the area tolerance, no building split between grids, no empty grid. An edit is refused when it breaks a rule
 * that held before it or makes a fault worse; faults the plan already had (e.g. copied from the published plan) are
 * listed, not blamed on the edit.
 */
public final class CoverageRules {
    /** Faults with an area of their own, matched by place. */
    private static final Set<String> AREA_FAULTS = Set.of("gap", "overlap", "outside_community");

    private final double areaTolerance;

    /** @param areaTolerance area (m²) below which a gap, overlap, overhang or building part is ignored */
    public CoverageRules(double areaTolerance) {
        this.areaTolerance = areaTolerance;
    }

    /**
     * One broken rule.
     *
     * @param kind invalid, empty, outside_community, overlap, gap or building_split
     * @param grids the grids concerned (none for a gap)
     * @param building the split building's code, or null
     * @param where the place to show on the map (metric CRS)
     * @param areaM2 the area of the fault in m² (for a split building: the smaller part)
     */
    public record Violation(String kind, List<String> grids, String building, Geometry where, double areaM2) {
        public Violation {
            grids = List.copyOf(grids);
        }
    }

    public List<Violation> check(CommunityCoverage c) {
        return check(c, null, null);
    }

    /**
     * The faults that involve the grids {@code changed} (null: all): per-grid rules and overlaps of those grids,
     * building splits of footprints near them ({@code before}: the coverage before the edit, whose shapes of those
     * grids count as "near" too), and every gap. Faults of other grids are the same as before the edit, so
     * {@link #introduced} of this and the full check before is the same as with the full check after.
     */
    public List<Violation> check(CommunityCoverage c, Set<String> changed, CommunityCoverage before) {
        List<Violation> found = new ArrayList<>();
        STRtree index = new STRtree();
        PreparedGeometry community = PreparedGeometryFactory.prepare(c.community());
        STRtree near = new STRtree();
        for (var e : c.grids().entrySet()) {
            String code = e.getKey();
            Geometry g = e.getValue();
            if (changed != null && !changed.contains(code)) {
                index.insert(g.getEnvelopeInternal(), new Indexed(code, g, PreparedGeometryFactory.prepare(g)));
                continue;
            }
            near.insert(g.getEnvelopeInternal(), code);
            if (!g.isValid()) found.add(new Violation("invalid", List.of(code), null, g, 0));
            if (g.getArea() < areaTolerance) {
                found.add(new Violation(
                        "empty",
                        List.of(code),
                        null,
                        g.isEmpty() ? c.community().getCentroid() : g,
                        g.getArea()));
                continue;
            }
            if (!community.covers(g)) { // the overlay only for grids not plainly inside
                Geometry outside = CoverageEditor.polygonal(g.difference(c.community()));
                if (outside.getArea() > areaTolerance) {
                    found.add(new Violation("outside_community", List.of(code), null, outside, outside.getArea()));
                }
            }
            index.insert(g.getEnvelopeInternal(), new Indexed(code, g, PreparedGeometryFactory.prepare(g)));
        }
        if (changed != null && before != null) {
            for (String code : changed) {
                Geometry was = before.grids().get(code);
                if (was != null) near.insert(was.getEnvelopeInternal(), code);
            }
        }
        for (var e : c.grids().entrySet()) {
            boolean mine = changed == null || changed.contains(e.getKey());
            for (Object o : index.query(e.getValue().getEnvelopeInternal())) {
                Indexed other = (Indexed) o;
                boolean theirs = changed == null || changed.contains(other.code());
                if (!mine && !theirs) continue;
                // each pair once: ordered by code, or only from the changed side when one side is unchanged
                if (mine && theirs ? other.code().compareTo(e.getKey()) <= 0 : !mine) continue;
                if (!other.prepared().intersects(e.getValue())) continue;
                Geometry overlap = CoverageEditor.polygonal(e.getValue().intersection(other.grid()));
                if (overlap.getArea() > areaTolerance) {
                    List<String> pair = new ArrayList<>(List.of(e.getKey(), other.code()));
                    pair.sort(null);
                    found.add(new Violation("overlap", pair, null, overlap, overlap.getArea()));
                }
            }
        }
        Geometry covered = CoverageEditor.union(new ArrayList<>(c.grids().values()));
        Geometry gaps = CoverageEditor.polygonal(c.community().difference(covered));
        for (int i = 0; i < gaps.getNumGeometries(); i++) {
            Geometry gap = gaps.getGeometryN(i);
            if (gap.getArea() > areaTolerance) found.add(new Violation("gap", List.of(), null, gap, gap.getArea()));
        }
        for (PlanBuilding b : c.buildings()) {
            if (changed != null
                    && near.query(b.footprint().getEnvelopeInternal()).isEmpty()) continue;
            List<String> holders = new ArrayList<>();
            double smallest = Double.MAX_VALUE;
            for (Object o : index.query(b.footprint().getEnvelopeInternal())) {
                Indexed grid = (Indexed) o;
                // prepared predicates first: the overlay only for footprints that cross a grid's edge
                double part = grid.prepared().containsProperly(b.footprint())
                        ? b.footprint().getArea()
                        : grid.prepared().intersects(b.footprint())
                                ? grid.grid().intersection(b.footprint()).getArea()
                                : 0;
                if (part > areaTolerance) {
                    holders.add(grid.code());
                    smallest = Math.min(smallest, part);
                }
            }
            if (holders.size() > 1) {
                holders.sort(null);
                found.add(new Violation("building_split", holders, b.code(), b.footprint(), smallest));
            }
        }
        return found;
    }

    private record Indexed(String code, Geometry grid, PreparedGeometry prepared) {}

    /**
     * The violations of {@code after} that the edit caused: new or worse than before. Area faults (gap, overlap,
     * outside the community) are matched by place, not by the grids they involve: an overlap inherited from the
     * published plan stays the same fault when an edit merges, splits or renames one of its grids; it is introduced
     * only where more than the tolerance of it lies outside the same kind of fault before. Per-grid faults are
     * matched by grid, split buildings by building (worse: a larger smaller part).
     */
    public List<Violation> introduced(List<Violation> before, List<Violation> after) {
        List<Violation> introduced = new ArrayList<>();
        for (Violation v : after) {
            boolean old = AREA_FAULTS.contains(v.kind())
                    ? uncoveredArea(v, before) <= areaTolerance
                    : before.stream().anyMatch(b -> sameFault(b, v) && v.areaM2() <= b.areaM2() + areaTolerance);
            if (!old) introduced.add(v);
        }
        return introduced;
    }

    /** Area of {@code v}'s place that no fault of the same kind covered before. */
    private double uncoveredArea(Violation v, List<Violation> before) {
        Geometry rest = v.where();
        for (Violation b : before) {
            if (!b.kind().equals(v.kind()) || !b.where().getEnvelopeInternal().intersects(rest.getEnvelopeInternal()))
                continue;
            rest = OverlayNGRobust.overlay(rest, b.where(), OverlayNG.DIFFERENCE);
            if (rest.getArea() <= areaTolerance) return rest.getArea();
        }
        return rest.getArea();
    }

    private static boolean sameFault(Violation a, Violation b) {
        if (!a.kind().equals(b.kind())) return false;
        return "building_split".equals(a.kind())
                ? a.building().equals(b.building())
                : a.grids().equals(b.grids());
    }
}
