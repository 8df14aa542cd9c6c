package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Fills a parcel with building footprints the way compounds are laid out: rows of buildings parallel to the
 * block's south road, packed from the north, with the spacing of their kind (towers far apart, walk-ups closer,
 * village houses nearly touching), and a few small ancillary buildings in the gaps.
 *
 * <p>Footprints stay inside the parcel's buildable area: {@value #PARCEL_MARGIN} m from the parcel edge and each
 * road's set-back from its centre line, so no building is ever split between parcels.
 */
final class BuildingPlacer {
    /** Metres between a footprint and the edge of its parcel. */
    static final double PARCEL_MARGIN = 6;

    /** Spacing and limits of one land use. */
    private record Layout(BuildingKind kind, double rowGap, double colGap, int max, double skip, int ancillaries) {}

    private final GeometryFactory factory;
    private final Rng rng;

    BuildingPlacer(GeometryFactory factory, Rng rng) {
        this.factory = factory;
        this.rng = rng;
    }

    /** Where buildings may stand in a parcel. */
    static Geometry buildable(Parcel parcel, GeometryFactory factory) {
        return buildable(parcel, factory, PARCEL_MARGIN);
    }

    private static Geometry buildable(Parcel parcel, GeometryFactory factory, double margin) {
        Geometry inner = parcel.polygon().buffer(-margin);
        return OverlayNGRobust.overlay(inner, parcel.block().inset(factory), OverlayNG.INTERSECTION);
    }

    List<PlacedBuilding> place(Parcel parcel) {
        Layout layout = layout(parcel.use());
        Geometry area = buildable(parcel, factory);
        if (layout == null || area.isEmpty()) {
            return List.of();
        }
        Frame frame = new Frame(area, axis(parcel.block()));
        List<PlacedBuilding> placed = new ArrayList<>();
        if (parcel.use() == LandUse.MARKET) {
            fillRows(parcel, frame, new Layout(BuildingKind.MARKET_HALL, 12, 12, 1, 0, 0), placed);
        }
        fillRows(parcel, frame, layout, placed);
        for (int i = 0; i < layout.ancillaries(); i++) {
            addAncillary(parcel, frame, placed);
        }
        return placed;
    }

    /**
     * 平房 courtyards of the old town ({@link OldTown}), crowded as 大杂院 are: rows of small one-storey houses with a
     * yard of 3.5–5.5 m between rows, passages of 1–2 m between houses, and lanes (胡同) of 3 m along the parcel edge.
     */
    List<PlacedBuilding> placeCourtyards(Parcel parcel) {
        Geometry area = buildable(parcel, factory, 3);
        if (area.isEmpty()) {
            return List.of();
        }
        List<PlacedBuilding> placed = new ArrayList<>();
        Layout layout =
                new Layout(BuildingKind.COURTYARD_HOUSE, rng.uniform(3.5, 5.5), rng.uniform(1, 2), 800, 0.05, 0);
        fillRows(parcel, new Frame(area, axis(parcel.block())), layout, placed);
        return placed;
    }

    private Layout layout(LandUse use) {
        return switch (use) {
            case OLD ->
                new Layout(BuildingKind.WALK_UP, rng.uniform(19, 24), rng.uniform(8, 14), 40, 0.05, rng.between(1, 2));
            case VILLAGE -> new Layout(BuildingKind.HOUSE, rng.uniform(4, 6), rng.uniform(3, 5), 400, 0.1, 0);
            case COMMERCIAL -> new Layout(BuildingKind.TOWER, rng.uniform(38, 48), rng.uniform(28, 38), 40, 0, 1);
            case RESETTLEMENT ->
                new Layout(BuildingKind.RESETTLEMENT_SLAB, rng.uniform(40, 50), rng.uniform(18, 24), 40, 0, 1);
            case PUBLIC_RENTAL -> new Layout(BuildingKind.RENTAL_SLAB, rng.uniform(40, 48), 18, 40, 0, 1);
            case MARKET -> new Layout(BuildingKind.SHOP, 8, 4, 10, 0.2, 0);
            case SCHOOL -> new Layout(BuildingKind.SCHOOL_BLOCK, 25, 20, 5, 0, 1);
            case OFFICE -> new Layout(BuildingKind.OFFICE_BLOCK, rng.uniform(20, 30), rng.uniform(15, 25), 5, 0.3, 0);
            case INDUSTRY -> new Layout(BuildingKind.FACTORY, 20, 15, 4, 0, 1);
            case SHOPS -> new Layout(BuildingKind.SHOP, rng.uniform(6, 10), rng.uniform(2, 4), 18, 0.15, 0);
            case CONSTRUCTION, GREEN -> null;
        };
    }

    /** Rows from north to south, buildings from west to east, each accepted where it fits. */
    private void fillRows(Parcel parcel, Frame frame, Layout layout, List<PlacedBuilding> placed) {
        int count = 0;
        double top = frame.local.getMaxY();
        while (count < layout.max()) {
            BuildingDraft draft = BuildingDraft.draw(layout.kind(), rng);
            if (top - draft.depth() < frame.local.getMinY()) {
                return;
            }
            double x = frame.local.getMinX() + rng.uniform(0, 6);
            double rowDepth = draft.depth();
            while (x + draft.length() <= frame.local.getMaxX() && count < layout.max()) {
                Coordinate at = frame.world(x + draft.length() / 2, top - draft.depth() / 2);
                Polygon footprint = Footprints.of(factory, draft, at, frame.angle + rng.uniform(-0.02, 0.02));
                if (!rng.chance(layout.skip()) && fits(frame, footprint, placed, layout.colGap())) {
                    placed.add(new PlacedBuilding(footprint, parcel.id(), draft, false));
                    count++;
                    rowDepth = Math.max(rowDepth, draft.depth());
                    x += draft.length() + layout.colGap();
                    draft = BuildingDraft.draw(layout.kind(), rng);
                } else {
                    x += 5;
                }
            }
            top -= rowDepth + layout.rowGap();
        }
    }

    private void addAncillary(Parcel parcel, Frame frame, List<PlacedBuilding> placed) {
        for (int attempt = 0; attempt < 40; attempt++) {
            BuildingDraft draft = BuildingDraft.draw(BuildingKind.ANCILLARY, rng);
            Envelope e = frame.local;
            Coordinate at = frame.world(rng.uniform(e.getMinX(), e.getMaxX()), rng.uniform(e.getMinY(), e.getMaxY()));
            Polygon footprint = Footprints.of(factory, draft, at, frame.angle);
            if (fits(frame, footprint, placed, 8)) {
                placed.add(new PlacedBuilding(footprint, parcel.id(), draft, false));
                return;
            }
        }
    }

    private static boolean fits(Frame frame, Polygon footprint, List<PlacedBuilding> placed, double gap) {
        if (!frame.area.covers(footprint)) {
            return false;
        }
        Envelope near = footprint.getEnvelopeInternal();
        near.expandBy(gap);
        for (PlacedBuilding other : placed) {
            Polygon o = other.footprint();
            if (o.getEnvelopeInternal().intersects(near) && o.distance(footprint) < gap) {
                return false;
            }
        }
        return true;
    }

    /** Direction of the block's south road, in radians from east: compounds face south. */
    static double axis(Block block) {
        Coordinate[] q = block.corners();
        return StrictMath.atan2(q[1].y - q[0].y, q[1].x - q[0].x);
    }

    /** A local frame turned by the block's axis around the buildable area's centre. */
    private static final class Frame {
        final PreparedGeometry area;
        final Envelope local = new Envelope();
        final double angle;
        private final Coordinate centre;
        private final double cos;
        private final double sin;

        Frame(Geometry buildable, double angle) {
            this.area = PreparedGeometryFactory.prepare(buildable);
            this.angle = angle;
            this.centre = buildable.getCentroid().getCoordinate();
            this.cos = StrictMath.cos(angle);
            this.sin = StrictMath.sin(angle);
            for (Coordinate c : buildable.getCoordinates()) {
                double dx = c.x - centre.x;
                double dy = c.y - centre.y;
                local.expandToInclude(dx * cos + dy * sin, -dx * sin + dy * cos);
            }
        }

        Coordinate world(double x, double y) {
            return new Coordinate(centre.x + x * cos - y * sin, centre.y + x * sin + y * cos);
        }
    }
}
