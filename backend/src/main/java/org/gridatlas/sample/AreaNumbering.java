package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The numbering rule of communities and grids: west→east, then north→south.
 *
 * <p>Each area is represented by its interior point (JTS {@code InteriorPoint}, the same as PostGIS
 * {@code ST_PointOnSurface}) in UTM 51N metres. Areas fall into east–west bands of {@code bandHeight} metres counted
 * down from the parent's northern envelope edge: band = floor((parent max northing − y) / bandHeight). They are
 * numbered band by band from the north, and inside a band by easting from the west.
 */
final class AreaNumbering {
    /** Band height for grids inside their community. */
    static final double GRID_BAND = 400;
    /** Band height for communities inside their street. */
    static final double COMMUNITY_BAND = 1000;

    private AreaNumbering() {}

    /** Indexes of {@code areas} in numbering order. */
    static List<Integer> order(List<? extends Geometry> areas, double parentMaxY, double bandHeight) {
        List<Integer> order = new ArrayList<>();
        List<Coordinate> points = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            order.add(i);
            points.add(areas.get(i).getInteriorPoint().getCoordinate());
        }
        order.sort(
                Comparator.comparingLong((Integer i) -> (long) Math.floor((parentMaxY - points.get(i).y) / bandHeight))
                        .thenComparingDouble(i -> points.get(i).x)
                        .thenComparingInt(i -> i));
        return order;
    }
}
