package org.gridatlas.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.overlay.snap.GeometrySnapper;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * Applies an edit to a community's coverage (pure JTS, metric coordinates). The grids stay a coverage by overlay:
 * what a grid gains is cut from its neighbours and what it gives up goes to the neighbour sharing the longest
 * border with it, so a moved boundary moves for both sides. Drawn vertices snap to the neighbours' and the
 * community's vertices and edges within the snap tolerance, so no slivers appear.
 */
public final class CoverageEditor {
    /** Pieces smaller than this (m²) are floating-point noise of the overlay, not area. */
    private static final double NOISE_M2 = 1e-3;
    /** Two grids are neighbours when they share at least this much border (m); a corner contact is not enough. */
    private static final double MIN_SHARED_BORDER_M = 1.0;
    /** Moved buildings take this much ground around their footprint with them (m). */
    private static final double BUILDING_MARGIN_M = 1.0;

    private final double snapTolerance;

    /** @param snapTolerance distance (m) within which drawn vertices snap to existing ones */
    public CoverageEditor(double snapTolerance) {
        this.snapTolerance = snapTolerance;
    }

    /**
     * The result of an edit.
     *
     * @param after the community's coverage after the edit
     * @param created the code given to a grid the edit created, or null
     */
    public record Result(CommunityCoverage after, String created) {}

    public Result apply(CommunityCoverage c, PlanEdit edit, Set<String> codesTaken) {
        // Java 17: no pattern matching in switch yet
        if (edit instanceof PlanEdit.Reshape r) return new Result(reshape(c, r), null);
        if (edit instanceof PlanEdit.Split s) return split(c, s, codesTaken);
        if (edit instanceof PlanEdit.Merge m) return new Result(absorb(c, m.grid(), m.other(), "other"), null);
        if (edit instanceof PlanEdit.Delete d) return new Result(absorb(c, d.other(), d.grid(), "other"), null);
        if (edit instanceof PlanEdit.MoveBuildings m) return new Result(moveBuildings(c, m), null);
        return create(c, (PlanEdit.Create) edit, codesTaken);
    }

    private CommunityCoverage reshape(CommunityCoverage c, PlanEdit.Reshape edit) {
        Geometry before = c.grid(edit.grid());
        Geometry shape = polygonal(snap(fix(edit.shape()), c, edit.grid())).intersection(c.community());
        shape = polygonal(shape);
        if (shape.getArea() < NOISE_M2)
            throw new PlanEditException("geometry", "the drawn grid has no area inside the community");
        Geometry gained = shape.difference(before);
        Geometry lost = before.difference(shape);
        Map<String, Geometry> grids = new LinkedHashMap<>();
        for (var e : c.grids().entrySet()) {
            boolean follows = edit.neighboursFollow() && !e.getKey().equals(edit.grid());
            grids.put(e.getKey(), follows ? cut(e.getValue(), gained) : e.getValue());
        }
        grids.put(edit.grid(), shape);
        if (edit.neighboursFollow()) giveToNeighbours(grids, edit.grid(), polygonal(lost));
        return c.withGrids(grids);
    }

    /** Each piece a grid gave up goes to the neighbour with the longest border on it; with none it stays a gap. */
    private void giveToNeighbours(Map<String, Geometry> grids, String giver, Geometry lost) {
        for (int i = 0; i < lost.getNumGeometries(); i++) {
            Geometry piece = lost.getGeometryN(i);
            if (piece.getArea() < NOISE_M2) continue;
            String best = null;
            double bestBorder = 0;
            for (var e : grids.entrySet()) {
                if (e.getKey().equals(giver)) continue;
                double border = sharedBorder(piece, e.getValue());
                if (border > bestBorder) {
                    best = e.getKey();
                    bestBorder = border;
                }
            }
            if (best != null && bestBorder >= snapTolerance)
                grids.put(best, polygonal(grids.get(best).union(piece)));
        }
    }

    private Result split(CommunityCoverage c, PlanEdit.Split edit, Set<String> codesTaken) {
        Geometry grid = c.grid(edit.grid());
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(grid.getBoundary().union(edit.line()));
        List<Geometry> cut = new ArrayList<>();
        List<Geometry> untouched = new ArrayList<>();
        for (Object o : polygonizer.getPolygons()) {
            Polygon p = (Polygon) o;
            if (p.getArea() < NOISE_M2 || !grid.covers(p.getInteriorPoint())) continue; // holes of the grid
            (p.distance(edit.line()) < 1e-6 ? cut : untouched).add(p);
        }
        if (cut.size() < 2) {
            throw new PlanEditException(
                    "line",
                    "the line does not cut grid " + edit.grid() + " in two: draw it across the grid, edge to edge");
        }
        cut.sort(Comparator.comparingDouble(Geometry::getArea).reversed());
        untouched.add(cut.get(0));
        Geometry kept = union(untouched);
        Geometry split = union(cut.subList(1, cut.size()));
        String code = c.nextFreeCode(codesTaken);
        Map<String, Geometry> grids = new LinkedHashMap<>(c.grids());
        grids.put(edit.grid(), kept);
        grids.put(code, split);
        return new Result(c.withGrids(grids), code);
    }

    /** {@code keeper} takes all of {@code absorbed}, which disappears (merge, and delete into a neighbour). */
    private CommunityCoverage absorb(CommunityCoverage c, String keeper, String absorbed, String parameter) {
        if (keeper.equals(absorbed)) throw new PlanEditException(parameter, "a grid cannot absorb itself");
        Geometry k = c.grid(keeper);
        Geometry a = c.grid(absorbed);
        if (sharedBorder(k, a) < MIN_SHARED_BORDER_M) {
            throw new PlanEditException(parameter, "grids " + keeper + " and " + absorbed + " do not share a border");
        }
        Map<String, Geometry> grids = new LinkedHashMap<>(c.grids());
        grids.put(keeper, polygonal(k.union(a)));
        grids.remove(absorbed);
        return c.withGrids(grids);
    }

    private CommunityCoverage moveBuildings(CommunityCoverage c, PlanEdit.MoveBuildings edit) {
        if (edit.buildings().isEmpty()) throw new PlanEditException("buildings", "pick at least one building");
        Geometry target = c.grid(edit.grid());
        Set<String> wanted = new HashSet<>(edit.buildings());
        List<Geometry> grounds = new ArrayList<>();
        for (PlanBuilding b : c.buildings()) {
            if (wanted.remove(b.code())) grounds.add(b.footprint().buffer(BUILDING_MARGIN_M));
        }
        if (!wanted.isEmpty()) {
            throw new PlanEditException("buildings", "not buildings of community " + c.communityCode() + ": " + wanted);
        }
        Geometry ground = union(grounds);
        if (ground.distance(target) > snapTolerance) {
            // Bridge to the target: the ground between the buildings and the nearest point of the target grid.
            Coordinate[] nearest = DistanceOp.nearestPoints(ground, target);
            Geometry bridge = ground.getFactory().createPoint(nearest[1]).buffer(BUILDING_MARGIN_M);
            ground = ground.union(bridge).convexHull();
        }
        ground = polygonal(ground.intersection(c.community()));
        Map<String, Geometry> grids = new LinkedHashMap<>();
        for (var e : c.grids().entrySet()) {
            grids.put(
                    e.getKey(),
                    e.getKey().equals(edit.grid()) ? polygonal(e.getValue().union(ground)) : cut(e.getValue(), ground));
        }
        return c.withGrids(grids);
    }

    private Result create(CommunityCoverage c, PlanEdit.Create edit, Set<String> codesTaken) {
        Geometry shape = polygonal(snap(fix(edit.shape()), c, null)).intersection(c.community());
        Geometry free =
                polygonal(shape.difference(union(new ArrayList<>(c.grids().values()))));
        if (free.getArea() < 1.0) {
            throw new PlanEditException(
                    "geometry", "the drawn polygon covers no gap: every part of it already has a grid");
        }
        String code = c.nextFreeCode(codesTaken);
        Map<String, Geometry> grids = new LinkedHashMap<>(c.grids());
        grids.put(code, free);
        return new Result(c.withGrids(grids), code);
    }

    /** Snaps a drawn geometry to the other grids and the community boundary. */
    private Geometry snap(Geometry drawn, CommunityCoverage c, String except) {
        List<Geometry> reference = new ArrayList<>();
        reference.add(c.community());
        c.grids().forEach((code, g) -> {
            if (!code.equals(except)) reference.add(g);
        });
        Geometry ref = drawn.getFactory().buildGeometry(reference);
        return fix(new GeometrySnapper(drawn).snapTo(ref, snapTolerance));
    }

    /** A grid without the region; a grid the region does not overlap is returned as it is (same vertex order). */
    private static Geometry cut(Geometry grid, Geometry region) {
        if (!grid.intersects(region) || grid.touches(region)) return grid;
        return polygonal(grid.difference(region));
    }

    /** Border length shared by two polygonal geometries, measured as the overlap of a thin band round one of them. */
    static double sharedBorder(Geometry a, Geometry b) {
        double band = 0.05;
        if (a.distance(b) > band) return 0;
        return a.buffer(band).intersection(b).getArea() / band;
    }

    static Geometry union(List<Geometry> parts) {
        if (parts.isEmpty()) return new GeometryFactory().createMultiPolygon();
        return polygonal(parts.get(0).getFactory().buildGeometry(parts).union());
    }

    private static Geometry fix(Geometry g) {
        return g.isValid() ? g : GeometryFixer.fix(g);
    }

    /** Only the polygons of an overlay result, without noise specks, as one (multi)polygon. */
    static Geometry polygonal(Geometry g) {
        List<Polygon> polygons = new ArrayList<>();
        for (Object o : PolygonExtracter.getPolygons(g)) {
            Polygon p = (Polygon) o;
            if (p.getArea() >= NOISE_M2) polygons.add(p);
        }
        GeometryFactory f = g.getFactory();
        if (polygons.size() == 1) return polygons.get(0);
        return f.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }
}
