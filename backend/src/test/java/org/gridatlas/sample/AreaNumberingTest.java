package org.gridatlas.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class AreaNumberingTest {
    @Test
    void numbersWestToEastThenNorthToSouthInBands() throws ParseException {
        WKTReader wkt = new WKTReader();
        List<Geometry> areas = new ArrayList<>();
        // a 2 × 2 block of 300 m squares, listed south-east, north-west, south-west, north-east;
        // the north-east one sits 50 m lower but stays in the northern 400 m band
        areas.add(wkt.read("POLYGON ((300 0, 600 0, 600 300, 300 300, 300 0))"));
        areas.add(wkt.read("POLYGON ((0 300, 300 300, 300 600, 0 600, 0 300))"));
        areas.add(wkt.read("POLYGON ((0 0, 300 0, 300 300, 0 300, 0 0))"));
        areas.add(wkt.read("POLYGON ((300 250, 600 250, 600 550, 300 550, 300 250))"));

        assertThat(AreaNumbering.order(areas, 600, AreaNumbering.GRID_BAND)).containsExactly(1, 3, 2, 0);
    }
}
