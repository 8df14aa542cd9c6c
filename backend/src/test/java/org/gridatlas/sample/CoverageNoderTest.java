package org.gridatlas.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class CoverageNoderTest {
    private final GeometryFactory factory = new GeometryFactory();
    private final WKTReader wkt = new WKTReader(factory);

    @Test
    void insertsTheEndOfANeighboursCutIntoTheSharedEdge() throws ParseException {
        List<Polygon> noded = CoverageNoder.node(
                List.of(
                        polygon("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"),
                        polygon("POLYGON ((10 0, 20 0, 20 5, 10 5, 10 0))"),
                        polygon("POLYGON ((10 5, 20 5, 20 10, 10 10, 10 5))")),
                factory);

        assertThat(noded.get(0).toText()).isEqualTo("POLYGON ((0 0, 10 0, 10 5, 10 10, 0 10, 0 0))");
        assertThat(noded.get(1).toText()).isEqualTo("POLYGON ((10 0, 20 0, 20 5, 10 5, 10 0))");
        assertThat(CoverageValidator.validate(noded.toArray(Geometry[]::new))).containsOnlyNulls();
    }

    @Test
    void aTJunctionLeftAloneIsReportedByTheCoverageValidator() throws ParseException {
        Geometry[] raw = {
            polygon("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"),
            polygon("POLYGON ((10 0, 20 0, 20 5, 10 5, 10 0))"),
            polygon("POLYGON ((10 5, 20 5, 20 10, 10 10, 10 5))")
        };
        assertThat(CoverageValidator.validate(raw)[0]).isNotNull();
    }

    private Polygon polygon(String text) throws ParseException {
        return (Polygon) wkt.read(text);
    }
}
