package org.gridatlas.sample;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;

/**
 * Identity and placement of one generated street.
 *
 * @param number street number inside the district (8 = the sample street 中河街道)
 * @param code 9-digit statistical code: district 330212 + number
 * @param name street name
 * @param origin UTM 51N position (metres) of the south-west corner of its road lattice
 */
record StreetSpec(int number, String code, String name, Coordinate origin) {
    static final String DISTRICT_CODE = "330212";
    static final String DISTRICT_NAME = "鄞州区";
    /** Nominal extent of a street's lattice in metres (east–west, north–south). */
    static final double WIDTH = 3400;

    static final double HEIGHT = 2800;
    /** Centre of the sample street, 中河街道, in lon/lat. */
    private static final double CENTRE_LON = 121.5575;

    private static final double CENTRE_LAT = 29.8175;
    /** Streets of a larger run sit on a 5-column layout, 200 m apart, anchored so street 8 stays in place. */
    private static final int COLUMNS = 5;

    private static final double SPACING = 200;

    static StreetSpec of(int number, UtmProjection projection) {
        if (number < 1 || number > 999) {
            throw new IllegalArgumentException("street number must be 1–999: " + number);
        }
        Coordinate centre = projection.toUtm(CENTRE_LON, CENTRE_LAT);
        int col = (number - 1) % COLUMNS - (8 - 1) % COLUMNS;
        int row = (number - 1) / COLUMNS - (8 - 1) / COLUMNS;
        Coordinate origin = new Coordinate(
                centre.x - WIDTH / 2 + col * (WIDTH + SPACING), centre.y - HEIGHT / 2 - row * (HEIGHT + SPACING));
        String code = DISTRICT_CODE + String.format(Locale.ROOT, "%03d", number);
        return new StreetSpec(number, code, NameBook.streetName(number), origin);
    }
}
