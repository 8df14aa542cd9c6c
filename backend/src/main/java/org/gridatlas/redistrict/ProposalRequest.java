package org.gridatlas.redistrict;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A request for a balanced proposal (POST /api/proposals).
 *
 * @param plan the plan to start from (default: the street's published plan)
 * @param street the street, when the scope is the whole street
 * @param community the community, when the scope is one community
 * @param mode {@code scratch} (default) or {@code minimal} (minimal change from the plan)
 * @param grids number of grids (for a street: in total, shared by households); null = as many as the band allows
 * @param bandMin fewest households per grid (default: the street's norm band)
 * @param bandMax most households per grid (default: the street's norm band)
 * @param compactness weight of compactness against balance, 0 … 1 (default 0.5)
 * @param seed random seed (default 1): the same request gives the same proposal
 * @param keepCompounds keep a compound's (小区) buildings in one grid when it fits the band (default false)
 * @param locked codes of grids that must not change
 * @param name the draft's name
 * @param householdsPerWorker target households per full-time worker (one worker per grid): the number of grids is
 *     the scope's households divided by it, rounded; instead of {@code grids}
 * @param workers full-time workers available: at most this many grids with {@code householdsPerWorker}
 * @param compoundAreas compounds drawn by the planner (GeoJSON Polygon/MultiPolygon, WGS84): the buildings inside
 *     each stay in one grid (whatever {@code keepCompounds} says), unless together above the band's upper bound
 * @param barriers lines no grid may cross (roads, rivers: GeoJSON LineString/MultiLineString, WGS84)
 */
public record ProposalRequest(
        Long plan,
        String street,
        String community,
        String mode,
        Integer grids,
        Double bandMin,
        Double bandMax,
        Double compactness,
        Long seed,
        Boolean keepCompounds,
        List<String> locked,
        String name,
        Double householdsPerWorker,
        Integer workers,
        List<JsonNode> compoundAreas,
        List<JsonNode> barriers) {}
