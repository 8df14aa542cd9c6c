package org.gridatlas.sample;

import java.util.List;
import java.util.Locale;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The generator's own checks of its output; any failure stops the run with the reason, because a sample that
 * silently has an extra gap or overlap would make the coverage analysis look wrong.
 */
final class TilingCheck {
    /** Relative area tolerance of a tiling (0.01%). */
    static final double AREA_TOLERANCE = 1e-4;

    private TilingCheck() {}

    static void valid(String what, Geometry geometry) {
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            throw new IllegalStateException(what + " is not a valid polygon: " + error);
        }
    }

    /** Children tile the parent: their areas add up to it and so does the area of their union. */
    static void tiles(String what, Geometry parent, List<? extends Geometry> children) {
        double parentArea = parent.getArea();
        double sum = children.stream().mapToDouble(Geometry::getArea).sum();
        double union = OverlayNGRobust.union(List.copyOf(children)).getArea();
        if (Math.abs(sum - parentArea) > AREA_TOLERANCE * parentArea
                || Math.abs(union - parentArea) > AREA_TOLERANCE * parentArea) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "%s: parts do not tile it (area %.1f m², sum of parts %.1f m², union of parts %.1f m²)",
                    what,
                    parentArea,
                    sum,
                    union));
        }
    }

    /** Polygons form a clean coverage: no overlaps and edges that match vertex for vertex. */
    static void cleanCoverage(String what, List<? extends Geometry> polygons) {
        Geometry[] invalid = CoverageValidator.validate(polygons.toArray(Geometry[]::new));
        for (int i = 0; i < invalid.length; i++) {
            if (invalid[i] != null) {
                throw new IllegalStateException(
                        what + ": polygon " + i + " does not match its neighbours at " + invalid[i]);
            }
        }
    }

    /** Two numbers agree within the relative tolerance. */
    static void sameArea(String what, double expected, double actual) {
        if (Math.abs(expected - actual) > AREA_TOLERANCE * Math.max(expected, 1)) {
            throw new IllegalStateException(what + ": expected " + expected + " m², found " + actual + " m²");
        }
    }
}
