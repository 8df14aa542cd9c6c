package org.gridatlas.sample;

/**
 * The kinds of building the generator draws, each with its import {@code type} and whether it gets a building
 * leader (楼长: walk-ups of old compounds and slabs of resettlement compounds).
 */
enum BuildingKind {
    /** Old compound walk-up slab, 5–7 storeys, no lift. */
    WALK_UP("old", true),
    /** Self-built house of the village, 2–3 storeys. */
    HOUSE("old", false),
    /** One-storey courtyard house (平房) of the old town, 1–3 households. */
    COURTYARD_HOUSE("old", false),
    /** Commercial high-rise tower, 18–33 storeys. */
    TOWER("commercial", false),
    /** Resettlement slab, 11–18 storeys. */
    RESETTLEMENT_SLAB("resettlement", true),
    /** Public rental slab, 12–18 storeys of small flats. */
    RENTAL_SLAB("public_rental", false),
    SHOP("other", false),
    MARKET_HALL("other", false),
    SCHOOL_BLOCK("other", false),
    OFFICE_BLOCK("other", false),
    FACTORY("other", false),
    /** Bicycle shed, club house, kindergarten or property office inside a compound. */
    ANCILLARY("other", false);

    private final String type;
    private final boolean leader;

    BuildingKind(String type, boolean leader) {
        this.type = type;
        this.leader = leader;
    }

    /** The {@code type} value of the buildings import format. */
    String type() {
        return type;
    }

    /** Whether the roster gives it a building leader. */
    boolean hasLeader() {
        return leader;
    }

    boolean residential() {
        return !type.equals("other");
    }
}
