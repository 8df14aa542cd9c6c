package org.gridatlas.security;

/**
 * What a signed-in user may see: admin, planner and supervisor work on a street (an admin with no street on every
 * street), a grid chief (网格长) on one community. Every query of every capability filters by it.
 *
 * @param role admin, planner, supervisor or grid_chief
 * @param streetCode the 9-digit street code, or null for an admin of every street
 * @param communityCode the 12-digit community code of a grid chief, else null
 */
public record Scope(String role, String streetCode, String communityCode) {
    public static final String ADMIN = "admin";
    public static final String PLANNER = "planner";
    public static final String SUPERVISOR = "supervisor";
    public static final String GRID_CHIEF = "grid_chief";

    /** Whether this scope covers the given community. */
    public boolean covers(String community) {
        if (community == null) return false;
        if (communityCode != null) return communityCode.equals(community);
        return streetCode == null || community.startsWith(streetCode);
    }

    /** Whether this scope covers the given street as a whole. */
    public boolean coversStreet(String street) {
        return communityCode == null && (streetCode == null || streetCode.equals(street));
    }

    /**
     * Phone numbers of workers are for those who call them: the grid chief of the community and the admin. Names
     * are shown to every staff role of the scope (they assign and supervise the workers).
     */
    public boolean seesWorkerPhones() {
        return ADMIN.equals(role) || GRID_CHIEF.equals(role);
    }
}
