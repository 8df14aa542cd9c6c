package org.gridatlas.sample;

/**
 * The size and attributes of a building before it has a place.
 *
 * @param length footprint length in metres along the block's axis
 * @param depth footprint depth in metres across it
 * @param lShape whether the footprint has a wing
 * @param households households (户)
 * @param residents residents (人): households × 2.3–2.9
 */
record BuildingDraft(
        BuildingKind kind,
        double length,
        double depth,
        boolean lShape,
        int floors,
        int units,
        int households,
        int residents,
        boolean elevator,
        int builtYear) {

    static BuildingDraft draw(BuildingKind kind, Rng rng) {
        return switch (kind) {
            case WALK_UP -> walkUp(rng);
            case HOUSE ->
                housing(
                        kind,
                        rng,
                        rng.uniform(9, 13),
                        rng.uniform(8, 11),
                        rng.between(2, 3),
                        1,
                        rng.weighted(new double[] {0.35, 0.45, 0.2}) + 1,
                        1980,
                        2008);
            case COURTYARD_HOUSE ->
                housing(
                        kind,
                        rng,
                        rng.uniform(7, 12),
                        rng.uniform(5, 6.5),
                        1,
                        1,
                        rng.weighted(new double[] {0.4, 0.4, 0.2}) + 1,
                        1930,
                        1985);
            case TOWER -> tower(rng);
            case RESETTLEMENT_SLAB -> {
                int floors = rng.between(11, 18);
                yield housing(kind, rng, rng.uniform(38, 46), rng.uniform(13, 16), floors, 2, floors * 4, 2006, 2019);
            }
            case RENTAL_SLAB -> {
                int floors = rng.between(12, 18);
                yield housing(kind, rng, rng.uniform(45, 55), rng.uniform(15, 17), floors, 2, floors * 8, 2011, 2018);
            }
            case SHOP -> other(kind, rng, rng.uniform(12, 30), rng.uniform(8, 12), rng.between(1, 3), false);
            case MARKET_HALL -> other(kind, rng, rng.uniform(50, 70), rng.uniform(32, 42), rng.between(1, 2), false);
            case SCHOOL_BLOCK ->
                other(kind, rng, rng.uniform(50, 70), rng.uniform(14, 16), rng.between(3, 4), rng.chance(0.25));
            case OFFICE_BLOCK -> other(kind, rng, rng.uniform(30, 60), rng.uniform(15, 24), rng.between(2, 4), false);
            case FACTORY -> other(kind, rng, rng.uniform(60, 100), rng.uniform(30, 48), rng.between(1, 2), false);
            case ANCILLARY -> other(kind, rng, rng.uniform(12, 24), rng.uniform(6, 10), rng.between(1, 2), false);
        };
    }

    private static BuildingDraft walkUp(Rng rng) {
        double length = rng.uniform(50, 70);
        int floors = rng.weighted(new double[] {0.25, 0.55, 0.2}) + 5;
        int units = (int) Math.max(2, Math.min(4, Math.round(length / 17)));
        BuildingDraft d = housing(
                BuildingKind.WALK_UP, rng, length, rng.uniform(11, 13), floors, units, units * floors * 2, 1984, 2000);
        return rng.chance(0.1) ? d.withLShape() : d;
    }

    /** 18–33 storeys, 1–2 units, 2–4 households per floor in all. */
    private static BuildingDraft tower(Rng rng) {
        int floors = rng.between(18, 33);
        int units = rng.chance(0.45) ? 1 : 2;
        int perFloor = units == 1 ? rng.between(2, 4) : 4;
        return housing(
                BuildingKind.TOWER,
                rng,
                rng.uniform(23, 28),
                rng.uniform(18, 22),
                floors,
                units,
                floors * perFloor,
                2004,
                2021);
    }

    private static BuildingDraft housing(
            BuildingKind kind,
            Rng rng,
            double length,
            double depth,
            int floors,
            int units,
            int households,
            int fromYear,
            int toYear) {
        int residents = (int) Math.round(households * rng.uniform(2.3, 2.9));
        boolean elevator = floors > 7;
        return new BuildingDraft(
                kind,
                length,
                depth,
                false,
                floors,
                units,
                households,
                residents,
                elevator,
                rng.between(fromYear, toYear));
    }

    private static BuildingDraft other(
            BuildingKind kind, Rng rng, double length, double depth, int floors, boolean lShape) {
        return new BuildingDraft(kind, length, depth, lShape, floors, 0, 0, 0, false, rng.between(1988, 2022));
    }

    BuildingDraft withLShape() {
        return new BuildingDraft(kind, length, depth, true, floors, units, households, residents, elevator, builtYear);
    }

    /** The same building without a wing (straddlers need a plain rectangle). */
    BuildingDraft rectangular() {
        return new BuildingDraft(kind, length, depth, false, floors, units, households, residents, elevator, builtYear);
    }
}
