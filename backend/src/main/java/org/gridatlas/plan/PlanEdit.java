package org.gridatlas.plan;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * One edit of a draft plan, with its geometries in the deployment's metric CRS. Every edit keeps the grids of the
 * community a coverage: what one grid gains, its neighbours lose, and the reverse.
 */
public sealed interface PlanEdit {
    /** The kind as stored in the plan history (plan_event.kind). */
    String kind();

    /**
     * The grid drawn anew (vertices moved, added or deleted).
     *
     * @param neighboursFollow true: the neighbours give up what the grid gains and take over what it gives up (a
     *     shared edge moves for both); false: the neighbours keep their shape, so encroaching on one is an overlap and
     *     giving up area leaves a gap, both refused by the rules
     */
    record Reshape(String grid, Geometry shape, boolean neighboursFollow) implements PlanEdit {
        public String kind() {
            return "reshape";
        }
    }

    /** A grid cut in two by a drawn line: the larger part keeps the code, the other becomes a new grid. */
    record Split(String grid, LineString line) implements PlanEdit {
        public String kind() {
            return "split";
        }
    }

    /** Two adjacent grids made one: {@code grid} keeps its code and absorbs {@code other}. */
    record Merge(String grid, String other) implements PlanEdit {
        public String kind() {
            return "merge";
        }
    }

    /** Buildings picked on the map go to a neighbouring grid; the boundary follows them. */
    record MoveBuildings(List<String> buildings, String grid) implements PlanEdit {
        public MoveBuildings {
            buildings = List.copyOf(buildings);
        }

        public String kind() {
            return "move_buildings";
        }
    }

    /** A new grid where the drawn polygon covers area no grid holds (a gap). */
    record Create(Geometry shape) implements PlanEdit {
        public String kind() {
            return "create";
        }
    }

    /** A grid removed; its area goes to the chosen neighbour {@code other}. */
    record Delete(String grid, String other) implements PlanEdit {
        public String kind() {
            return "delete";
        }
    }
}
