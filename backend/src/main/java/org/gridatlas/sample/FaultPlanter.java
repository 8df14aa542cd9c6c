package org.gridatlas.sample;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Plants the geometric faults the coverage analysis must find, and nothing else: one gap (a green parcel that
 * belongs to its community but to no grid), one overlap (a grid reaching {@value #STRIP_WIDTH} m across a road
 * into its neighbour, over no building) and {@value #STRADDLERS} buildings straddling the boundary between two grids
 * of one community with about 60/40 shares. (Staffing and address faults are planted by {@link WorkerRoster} and
 * {@link IncidentSimulator}.)
 */
final class FaultPlanter {
    static final double STRIP_WIDTH = 15;
    static final int STRADDLERS = 3;
    /** Share of a straddler's length on its larger side. */
    static final double LARGER_SHARE = 0.6;

    private final List<Parcel> parcels;
    private final ParcelGraph graph;
    private final GeometryFactory factory;
    private final Rng rng;

    FaultPlanter(List<Parcel> parcels, ParcelGraph graph, Rng rng) {
        this.parcels = parcels;
        this.graph = graph;
        this.factory = parcels.get(0).polygon().getFactory();
        this.rng = rng;
    }

    /** A green parcel without buildings whose removal leaves its community's parcels connected. */
    int chooseGap(int[] communityOf, List<PlacedBuilding> buildings) {
        Set<Integer> built = new HashSet<>();
        buildings.forEach(b -> built.add(b.parcel()));
        List<Integer> candidates = new ArrayList<>();
        for (Parcel p : parcels) {
            if (p.use() == LandUse.GREEN && !built.contains(p.id()) && connectedWithout(communityOf, p.id())) {
                candidates.add(p.id());
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no green parcel can become the planted gap");
        }
        return rng.pick(candidates);
    }

    private boolean connectedWithout(int[] communityOf, int removed) {
        int c = communityOf[removed];
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < communityOf.length; i++) {
            if (communityOf[i] == c && i != removed) {
                members.add(i);
            }
        }
        boolean[] seen = new boolean[communityOf.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(members.get(0)));
        seen[members.get(0)] = true;
        int reached = 0;
        while (!queue.isEmpty()) {
            int p = queue.poll();
            reached++;
            for (int n : graph.neighbours(p)) {
                if (!seen[n] && n != removed && communityOf[n] == c) {
                    seen[n] = true;
                    queue.add(n);
                }
            }
        }
        return reached == members.size() && members.size() >= 10;
    }

    /**
     * Extends one grid across a road into a neighbouring grid of the same community by a strip along the middle
     * half of a road segment. The strip's two inner corners are also inserted into both parcels' rings (which does
     * not change their shape), so the overlap meets the neighbour's boundary exactly.
     */
    PlantedOverlap plantOverlap(int[] gridOf, int[] communityOf, List<PlacedBuilding> buildings) {
        List<ParcelGraph.SharedEdge> candidates = new ArrayList<>();
        for (ParcelGraph.SharedEdge e : graph.edges()) {
            int ga = gridOf[e.a()];
            int gb = gridOf[e.b()];
            if (e.road()
                    && e.length() >= 70
                    && ga >= 0
                    && gb >= 0
                    && ga != gb
                    && communityOf[e.a()] == communityOf[e.b()]) {
                candidates.add(e);
            }
        }
        rng.shuffle(candidates);
        for (ParcelGraph.SharedEdge e : candidates) {
            Coordinate from = lerp(e.p(), e.q(), 0.25);
            Coordinate to = lerp(e.p(), e.q(), 0.75);
            Polygon strip = strip(from, to);
            if (parcels.get(e.b()).polygon().covers(strip) && clear(strip, buildings, 1)) {
                insert(e.a(), e.p(), e.q(), from, to);
                insert(e.b(), e.q(), e.p(), to, from);
                return new PlantedOverlap(gridOf[e.a()], gridOf[e.b()], strip);
            }
        }
        throw new IllegalStateException("no road segment can carry the planted overlap");
    }

    /** The strip right of from→to (the neighbour's side of the shared edge). */
    private Polygon strip(Coordinate from, Coordinate to) {
        double len = from.distance(to);
        double nx = (to.y - from.y) / len * STRIP_WIDTH;
        double ny = -(to.x - from.x) / len * STRIP_WIDTH;
        Coordinate farTo = new Coordinate(to.x + nx, to.y + ny);
        Coordinate farFrom = new Coordinate(from.x + nx, from.y + ny);
        return factory.createPolygon(new Coordinate[] {from, farFrom, farTo, to, from.copy()});
    }

    /** Inserts vertices into a parcel's ring between its consecutive vertices p and q. */
    private void insert(int parcel, Coordinate p, Coordinate q, Coordinate... inserted) {
        Coordinate[] ring = parcels.get(parcel).polygon().getExteriorRing().getCoordinates();
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i + 1 < ring.length; i++) {
            out.add(ring[i]);
            if (ring[i].equals2D(p) && ring[i + 1].equals2D(q)) {
                out.addAll(List.of(inserted));
            }
        }
        out.add(ring[ring.length - 1]);
        parcels.set(parcel, parcels.get(parcel).withPolygon(factory.createPolygon(out.toArray(Coordinate[]::new))));
    }

    /**
     * Places buildings across internal parcel boundaries between two grids of one community, 60% on one side,
     * clearing the buildings in their way. Grids of the overlap are left alone so faults do not mix.
     */
    void plantStraddlers(int[] gridOf, int[] communityOf, PlantedOverlap overlap, List<PlacedBuilding> buildings) {
        List<ParcelGraph.SharedEdge> candidates = new ArrayList<>();
        Set<Integer> excluded = new HashSet<>(List.of(overlap.extendedGrid(), overlap.neighbourGrid()));
        for (ParcelGraph.SharedEdge e : graph.edges()) {
            int ga = gridOf[e.a()];
            int gb = gridOf[e.b()];
            if (!e.road()
                    && e.length() >= 60
                    && ga >= 0
                    && gb >= 0
                    && ga != gb
                    && !excluded.contains(ga)
                    && !excluded.contains(gb)
                    && communityOf[e.a()] == communityOf[e.b()]
                    && hosts(e.a())
                    && hosts(e.b())) {
                candidates.add(e);
            }
        }
        rng.shuffle(candidates);
        Set<Integer> usedGrids = new HashSet<>();
        Set<Integer> usedCommunities = new HashSet<>();
        for (int pass = 0; pass < 2 && usedGrids.size() < 2 * STRADDLERS; pass++) {
            for (ParcelGraph.SharedEdge e : candidates) {
                boolean fresh = !usedGrids.contains(gridOf[e.a()]) && !usedGrids.contains(gridOf[e.b()]);
                boolean spread = pass > 0 || !usedCommunities.contains(communityOf[e.a()]);
                if (usedGrids.size() < 2 * STRADDLERS && fresh && spread && straddle(e, buildings)) {
                    usedGrids.add(gridOf[e.a()]);
                    usedGrids.add(gridOf[e.b()]);
                    usedCommunities.add(communityOf[e.a()]);
                }
            }
        }
        if (usedGrids.size() < 2 * STRADDLERS) {
            throw new IllegalStateException("could not plant " + STRADDLERS + " straddling buildings");
        }
    }

    private boolean hosts(int parcel) {
        LandUse use = parcels.get(parcel).use();
        return use == LandUse.OLD || use == LandUse.COMMERCIAL || use == LandUse.RESETTLEMENT || use == LandUse.OFFICE;
    }

    /** Tries to put one straddler across edge e; the larger side is drawn at random. */
    private boolean straddle(ParcelGraph.SharedEdge e, List<PlacedBuilding> buildings) {
        boolean largerOnA = rng.chance(0.5);
        int larger = largerOnA ? e.a() : e.b();
        int smaller = largerOnA ? e.b() : e.a();
        BuildingDraft draft = draft(parcels.get(larger).use());
        double len = e.length();
        double sign = largerOnA ? 1 : -1; // a lies left of p→q
        double nx = -(e.q().y - e.p().y) / len * sign;
        double ny = (e.q().x - e.p().x) / len * sign;
        Geometry allowed = allowed(larger, smaller);
        for (double t : new double[] {0.5, 0.4, 0.6, 0.3, 0.7}) {
            Coordinate mid = lerp(e.p(), e.q(), t);
            double shift = (LARGER_SHARE - 0.5) * draft.length();
            Coordinate centre = new Coordinate(mid.x + nx * shift, mid.y + ny * shift);
            Polygon footprint = Footprints.of(factory, draft, centre, StrictMath.atan2(ny, nx));
            if (allowed.covers(footprint)) {
                buildings.removeIf(b -> (b.parcel() == larger || b.parcel() == smaller)
                        && b.footprint().distance(footprint) < 8);
                buildings.add(positionOf(larger, buildings), new PlacedBuilding(footprint, larger, draft, true));
                return true;
            }
        }
        return false;
    }

    /** Where a building of this parcel goes in the list (kept in parcel order, so codes do not give it away). */
    private static int positionOf(int parcel, List<PlacedBuilding> buildings) {
        int i = 0;
        while (i < buildings.size() && buildings.get(i).parcel() <= parcel) {
            i++;
        }
        return i;
    }

    private BuildingDraft draft(LandUse use) {
        BuildingKind kind =
                switch (use) {
                    case OLD -> BuildingKind.WALK_UP;
                    case COMMERCIAL -> BuildingKind.TOWER;
                    case RESETTLEMENT -> BuildingKind.RESETTLEMENT_SLAB;
                    default -> BuildingKind.OFFICE_BLOCK;
                };
        return BuildingDraft.draw(kind, rng).rectangular();
    }

    /** Buildable area of two neighbouring parcels of one block taken together. */
    private Geometry allowed(int a, int b) {
        Geometry both =
                OverlayNGRobust.overlay(parcels.get(a).polygon(), parcels.get(b).polygon(), OverlayNG.UNION);
        Geometry inner = both.buffer(-BuildingPlacer.PARCEL_MARGIN);
        return OverlayNGRobust.overlay(inner, parcels.get(a).block().inset(factory), OverlayNG.INTERSECTION);
    }

    private static boolean clear(Geometry area, List<PlacedBuilding> buildings, double distance) {
        return buildings.stream().noneMatch(b -> b.footprint().distance(area) < distance);
    }

    private static Coordinate lerp(Coordinate p, Coordinate q, double t) {
        return new Coordinate(p.x + t * (q.x - p.x), p.y + t * (q.y - p.y));
    }
}
