package org.gridatlas.plan;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An edit as a client sends it (geometries as GeoJSON in WGS84).
 *
 * @param kind reshape, split, merge, move_buildings, create or delete
 * @param grid the grid edited (reshape, split, merge: the one kept, delete: the one removed, move_buildings: the
 *     target)
 * @param other the second grid: absorbed by a merge, receiving a deleted grid's area
 * @param community the community of a new grid (create)
 * @param buildings building codes (move_buildings)
 * @param geometry the grid's new shape (reshape) or the new grid (create): Polygon or MultiPolygon
 * @param line the cutting line (split): LineString
 * @param neighboursFollow reshape: neighbours give up / take over the difference (default true)
 * @param version the plan version the client edits (required to save)
 * @param acceptViolations save even if the edit breaks a rule; the faults are kept and flagged in the history
 */
public record EditRequest(
        String kind,
        String grid,
        String other,
        String community,
        List<String> buildings,
        JsonNode geometry,
        JsonNode line,
        Boolean neighboursFollow,
        Integer version,
        Boolean acceptViolations) {}
