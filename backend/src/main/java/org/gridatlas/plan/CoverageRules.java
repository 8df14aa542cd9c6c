package org.gridatlas.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The rules a community's grids must keep (DESIGN.md): valid polygons, inside the community, no overlap and no gap
 * above the area tolerance, no building split between grids, no empty grid. An edit is refused when it breaks a rule
 * that held before it; faults the plan already had (e.g. copied from the published plan) are listed, not blamed on
 * the edit.
 */
public final class CoverageRules {
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
        List<Violation> found = new ArrayList<>();
        STRtree index = new STRtree();
        for (var e : c.grids().entrySet()) {
            String code = e.getKey();
            Geometry g = e.getValue();
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
            Geometry outside = CoverageEditor.polygonal(g.difference(c.community()));
            if (outside.getArea() > areaTolerance) {
                found.add(new Violation("outside_community", List.of(code), null, outside, outside.getArea()));
            }
            index.insert(g.getEnvelopeInternal(), Map.entry(code, g));
        }
        for (var e : c.grids().entrySet()) {
            for (Object o : index.query(e.getValue().getEnvelopeInternal())) {
                @SuppressWarnings("unchecked")
                Map.Entry<String, Geometry> other = (Map.Entry<String, Geometry>) o;
                if (other.getKey().compareTo(e.getKey()) <= 0) continue; // each pair once
                Geometry overlap = CoverageEditor.polygonal(e.getValue().intersection(other.getValue()));
                if (overlap.getArea() > areaTolerance) {
                    found.add(new Violation(
                            "overlap", List.of(e.getKey(), other.getKey()), null, overlap, overlap.getArea()));
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
            List<String> holders = new ArrayList<>();
            double smallest = Double.MAX_VALUE;
            for (Object o : index.query(b.footprint().getEnvelopeInternal())) {
                @SuppressWarnings("unchecked")
                Map.Entry<String, Geometry> grid = (Map.Entry<String, Geometry>) o;
                double part = grid.getValue().intersection(b.footprint()).getArea();
                if (part > areaTolerance) {
                    holders.add(grid.getKey());
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

    /**
     * The violations of {@code after} that the edit caused: not present before, or grown by more than the tolerance.
     * A gap or overlap counts as the same fault when it lies where one was before.
     */
    public List<Violation> introduced(List<Violation> before, List<Violation> after) {
        List<Violation> introduced = new ArrayList<>();
        for (Violation v : after) {
            boolean old = before.stream().anyMatch(b -> sameFault(b, v) && v.areaM2() <= b.areaM2() + areaTolerance);
            if (!old) introduced.add(v);
        }
        return introduced;
    }

    private static boolean sameFault(Violation a, Violation b) {
        if (!a.kind().equals(b.kind())) return false;
        return switch (a.kind()) {
            case "gap" -> a.where().intersects(b.where());
            case "building_split" -> a.building().equals(b.building());
            default -> a.grids().equals(b.grids());
        };
    }
}
