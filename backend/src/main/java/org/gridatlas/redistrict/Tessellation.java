package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Cuts an area into building units: the Voronoi diagram of the footprints' vertices and inner points (JTS
 * {@link VoronoiDiagramBuilder}, O(n log n)), cells merged per building — or per compound (小区) when compounds are
 * kept together — and clipped to the area. Each unit then takes its own footprints whole and gives up any other
 * footprint its cells reached, so the units tile the area exactly and no building is split. A piece of ground cut off
 * from its building by that exchange joins the unit it shares most border with, so every unit is one polygon (a
 * compound whose buildings lie apart becomes one unit per part; {@code notes} says so).
 */
final class Tessellation {
    private static final GeometryFactory GF = new GeometryFactory();

    private Tessellation() {}

    /**
     * @param area the area to cut (community minus locked grids), metric CRS
     * @param buildings the buildings inside the area
     * @param keepCompounds whether a compound's buildings form one unit
     * @param maxHouseholds a compound above this many households is cut into its buildings (noted)
     * @param notes receives what the planner should know (compounds split)
     */
    static List<Unit> units(
            Geometry area,
            List<ProposalBuilding> buildings,
            boolean keepCompounds,
            double maxHouseholds,
            List<String> notes) {
        List<List<ProposalBuilding>> atoms = atoms(buildings, keepCompounds, maxHouseholds, notes);
        List<Geometry> shapes = atomShapes(area, atoms);
        return split(area, atoms, shapes, notes);
    }

    /** The compound name given to the buildings inside a compound drawn in the request (always kept together). */
    static final String DRAWN = "drawn compound ";

    /** Buildings grouped into atoms: one per compound that fits the band, else one per building. */
    static List<List<ProposalBuilding>> atoms(
            List<ProposalBuilding> buildings, boolean keepCompounds, double maxHouseholds, List<String> notes) {
        Map<String, List<ProposalBuilding>> groups = new LinkedHashMap<>();
        for (ProposalBuilding b : buildings) {
            boolean keep =
                    keepCompounds || (b.compound() != null && b.compound().startsWith(DRAWN));
            String key =
                    keep && b.compound() != null && !b.compound().isBlank() ? "c:" + b.compound() : "b:" + b.code();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
        }
        List<List<ProposalBuilding>> atoms = new ArrayList<>();
        groups.forEach((key, members) -> {
            int households =
                    members.stream().mapToInt(ProposalBuilding::households).sum();
            if (key.startsWith("c:") && households > maxHouseholds && members.size() > 1) {
                notes.add("compound " + key.substring(2) + " has " + households
                        + " households, above the band: its buildings are placed separately");
                members.forEach(m -> atoms.add(List.of(m)));
            } else {
                atoms.add(members);
            }
        });
        return atoms;
    }

    /** Each atom's Voronoi ground, clipped to the area, with its own footprints and without the others'. */
    private static List<Geometry> atomShapes(Geometry area, List<List<ProposalBuilding>> atoms) {
        Map<Coordinate, Integer> siteAtom = new HashMap<>();
        STRtree footprints = new STRtree();
        for (int a = 0; a < atoms.size(); a++) {
            for (ProposalBuilding b : atoms.get(a)) {
                for (Coordinate c : b.footprint().getCoordinates()) siteAtom.putIfAbsent(new Coordinate(c.x, c.y), a);
                Coordinate inner = b.footprint().getInteriorPoint().getCoordinate();
                siteAtom.putIfAbsent(new Coordinate(inner.x, inner.y), a);
                footprints.insert(b.footprint().getEnvelopeInternal(), new Object[] {a, b.footprint()});
            }
        }
        List<List<Geometry>> cells = new ArrayList<>();
        atoms.forEach(x -> cells.add(new ArrayList<>()));
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(siteAtom.keySet());
        Envelope clip = new Envelope(area.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()) * 0.1 + 10);
        voronoi.setClipEnvelope(clip);
        Geometry diagram = voronoi.getDiagram(GF);
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            Coordinate site = (Coordinate) cell.getUserData();
            Integer a = siteAtom.get(new Coordinate(site.x, site.y));
            if (a != null) cells.get(a).add(cell);
        }
        List<Geometry> shapes = new ArrayList<>();
        // Most cells lie well inside the area: a prepared test skips their (costly) clipping.
        PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
        for (int a = 0; a < atoms.size(); a++) {
            Geometry ground = clip(cellUnion(cells.get(a)), area, inside);
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(ground);
            List<Geometry> others = new ArrayList<>();
            for (Object o : footprints.query(ground.getEnvelopeInternal())) {
                Object[] f = (Object[]) o;
                if ((Integer) f[0] != a && prepared.intersects((Geometry) f[1])) {
                    others.add((Geometry) f[1]);
                }
            }
            if (!others.isEmpty()) {
                ground = OverlayNGRobust.overlay(ground, UnaryUnionOp.union(others), OverlayNG.DIFFERENCE);
            }
            List<Geometry> own = new ArrayList<>(List.of(ground));
            for (ProposalBuilding b : atoms.get(a)) {
                // a footprint its own cells already cover needs no union (the common case)
                if (others.isEmpty() && prepared.covers(b.footprint())) continue;
                own.add(clip(b.footprint(), area, inside));
            }
            shapes.add(polygonal(own.size() == 1 ? ground : UnaryUnionOp.union(own)));
        }
        return shapes;
    }

    /**
     * The union of an atom's Voronoi cells. Cells of one diagram share their vertices exactly (one circumcentre per
     * triangle), so they form a coverage and the fast coverage union applies; the general union is the fallback.
     */
    private static Geometry cellUnion(List<Geometry> cells) {
        if (cells.size() == 1) return cells.get(0);
        try {
            Geometry u = CoverageUnion.union(GF.buildGeometry(cells));
            // a cheap sanity check in place of isValid (which cost as much as the union): one polygon, same area
            double sum = cells.stream().mapToDouble(Geometry::getArea).sum();
            if (u instanceof Polygon && Math.abs(u.getArea() - sum) <= 1e-9 * sum) return u;
        } catch (RuntimeException notACoverage) {
            // fall through
        }
        return UnaryUnionOp.union(cells);
    }

    private static Geometry clip(Geometry g, Geometry area, PreparedGeometry inside) {
        return inside.containsProperly(g) ? g : OverlayNGRobust.overlay(g, area, OverlayNG.INTERSECTION);
    }

    /** One unit per part holding a footprint; parts without one join the unit they share most border with. */
    private static List<Unit> split(
            Geometry area, List<List<ProposalBuilding>> atoms, List<Geometry> shapes, List<String> notes) {
        List<Geometry> parts = new ArrayList<>();
        List<List<ProposalBuilding>> partBuildings = new ArrayList<>();
        List<Geometry> orphans = new ArrayList<>();
        for (int a = 0; a < atoms.size(); a++) {
            Geometry shape = shapes.get(a);
            int kept = 0;
            for (int i = 0; i < shape.getNumGeometries(); i++) {
                Geometry part = shape.getGeometryN(i);
                List<ProposalBuilding> inside = new ArrayList<>();
                for (ProposalBuilding b : atoms.get(a)) {
                    if (part.contains(b.footprint().getInteriorPoint())) inside.add(b);
                }
                if (inside.isEmpty()) {
                    orphans.add(part);
                } else {
                    parts.add(part);
                    partBuildings.add(inside);
                    kept++;
                }
            }
            if (kept > 1 && atoms.get(a).size() > 1) {
                notes.add("compound " + atoms.get(a).get(0).compound() + " lies in " + kept
                        + " separate parts: each part is a unit");
            }
        }
        absorb(parts, orphans);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Geometry shape = parts.get(i);
            List<ProposalBuilding> bs = partBuildings.get(i);
            int households = bs.stream().mapToInt(ProposalBuilding::households).sum();
            double wx = 0, wy = 0, w = 0;
            for (ProposalBuilding b : bs) {
                Coordinate c = b.footprint().getInteriorPoint().getCoordinate();
                double weight = b.households() + 1.0;
                wx += c.x * weight;
                wy += c.y * weight;
                w += weight;
            }
            units.add(new Unit(
                    i,
                    bs.stream().map(ProposalBuilding::code).toList(),
                    households,
                    shape,
                    shape.getArea(),
                    shape.getLength(),
                    wx / w,
                    wy / w));
        }
        return units;
    }

    /** Unions each orphan piece into the part sharing the longest border with it (the nearest part if none). */
    private static void absorb(List<Geometry> parts, List<Geometry> orphans) {
        if (orphans.isEmpty() || parts.isEmpty()) return;
        STRtree index = new STRtree();
        for (int i = 0; i < parts.size(); i++) index.insert(parts.get(i).getEnvelopeInternal(), i);
        Map<Integer, List<Geometry>> gained = new HashMap<>();
        for (Geometry orphan : orphans) {
            Envelope env = new Envelope(orphan.getEnvelopeInternal());
            env.expandBy(0.01);
            int best = -1;
            double bestLength = -1;
            for (Object o : index.query(env)) {
                int i = (Integer) o;
                double shared = UnitGraph.sharedLength(orphan, parts.get(i));
                if (shared > bestLength) {
                    bestLength = shared;
                    best = i;
                }
            }
            if (best < 0) best = nearest(parts, orphan);
            gained.computeIfAbsent(best, k -> new ArrayList<>()).add(orphan);
        }
        gained.forEach((i, pieces) -> {
            List<Geometry> all = new ArrayList<>(pieces);
            all.add(parts.get(i));
            Geometry merged = polygonal(UnaryUnionOp.union(all));
            parts.set(i, largestWith(merged, parts.get(i)));
        });
    }

    /** The union stays one polygon when the orphans touch it by an edge; else keep it all (rare, noted by tests). */
    private static Geometry largestWith(Geometry merged, Geometry original) {
        return merged.isEmpty() ? original : merged;
    }

    private static int nearest(List<Geometry> parts, Geometry g) {
        int best = 0;
        double d = Double.MAX_VALUE;
        for (int i = 0; i < parts.size(); i++) {
            double di = parts.get(i).distance(g);
            if (di < d) {
                d = di;
                best = i;
            }
        }
        return best;
    }

    /** The polygons of an overlay result (lines and points dropped). */
    static Geometry polygonal(Geometry g) {
        if (g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon) return g;
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            if (p instanceof Polygon poly && !poly.isEmpty()) polys.add(poly);
            else if (p.getNumGeometries() > 1 || p instanceof org.locationtech.jts.geom.MultiPolygon) {
                Geometry inner = polygonal(p);
                for (int j = 0; j < inner.getNumGeometries(); j++) polys.add((Polygon) inner.getGeometryN(j));
            }
        }
        if (polys.size() == 1) return polys.get(0);
        return GF.createMultiPolygon(polys.toArray(Polygon[]::new));
    }
}
