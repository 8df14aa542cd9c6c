package org.gridatlas.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The datum offsets against published reference points, each to better than 1 m: WGS84 ↔ GCJ-02 from the test
 * vectors of googollee/eviltransform (Shanghai, Shenzhen, Beijing) and wandergis/coordtransform (as used by Hutool's
 * CoordinateUtilTest); BD-09 → GCJ-02 from coordtransform and BD-09 → WGS84 from hujiulong/gcoord. (eviltransform's own
 * BD-09 vectors are not used: its BD-09 formula uses π where Baidu's uses π·3000/180, and differs by tens of metres.)
 */
class ChinaOffsetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "shanghai, 121.5272106, 31.1774276, 121.531541859215,   31.17530398364597",
        "shenzhen, 113.912316,  22.543847,  113.9171764808363,  22.540796131694766",
        "beijing,  116.377817,  39.911954,  116.38404722455657, 39.91334545536069"
    })
    void wgs84AndGcj02RoundTheReferencePoints(String city, double wLon, double wLat, double gLon, double gLat) {
        LonLat wgs = new LonLat(wLon, wLat), gcj = new LonLat(gLon, gLat);
        assertThat(ChinaOffset.wgs84ToGcj02(wgs).metresTo(gcj)).isLessThan(1.0);
        assertThat(Datum.gcj02.toWgs84(gcj).metresTo(wgs)).isLessThan(1.0);
        // the offset is hundreds of metres, so the test would notice a conversion left out
        assertThat(wgs.metresTo(gcj)).isGreaterThan(300);
    }

    @org.junit.jupiter.api.Test
    void coordtransformReferencePoints() {
        LonLat p = new LonLat(116.404, 39.915);
        assertThat(ChinaOffset.wgs84ToGcj02(p).metresTo(new LonLat(116.41024449916938, 39.91640428150164)))
                .isLessThan(1.0);
        assertThat(ChinaOffset.bd09ToGcj02(p).metresTo(new LonLat(116.39762729119315, 39.90865673957631)))
                .isLessThan(1.0);
        assertThat(ChinaOffset.gcj02ToBd09(p).metresTo(new LonLat(116.41036949371029, 39.92133699351021)))
                .isLessThan(1.0);
    }

    @org.junit.jupiter.api.Test
    void gcoordBd09ReferencePoint() {
        LonLat bd = new LonLat(123, 45);
        assertThat(ChinaOffset.bd09ToGcj02(bd).metresTo(new LonLat(122.99363304, 44.99365430)))
                .isLessThan(1.0);
        assertThat(Datum.bd09.toWgs84(bd).metresTo(new LonLat(122.98762210, 44.99171540)))
                .isLessThan(1.0);
    }

    @ParameterizedTest
    @CsvSource({"121.5575, 29.8175", "87.6, 43.8", "126.6, 45.7"})
    void inverseUndoesTheForwardOffset(double lon, double lat) {
        LonLat wgs = new LonLat(lon, lat);
        assertThat(ChinaOffset.gcj02ToWgs84(ChinaOffset.wgs84ToGcj02(wgs)).metresTo(wgs))
                .isLessThan(0.001);
        LonLat bd = ChinaOffset.gcj02ToBd09(ChinaOffset.wgs84ToGcj02(wgs));
        assertThat(Datum.bd09.toWgs84(bd).metresTo(wgs)).isLessThan(0.5); // Baidu's inverse is approximate
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "london, -0.1276, 51.5072",
        "tokyo, 139.767, 35.681",
        "new york, -74.006, 40.7128",
        "singapore, 103.8198, 0.5"
    })
    // The offset's domain is the usual bounding box of China (as in every published implementation), so points in
    // the box but outside China (Seoul, Ulaanbaatar) are shifted too: a known limit, irrelevant for Chinese streets.
    void pointsOutsideChinaAreLeftUnshifted(String city, double lon, double lat) {
        LonLat p = new LonLat(lon, lat);
        assertThat(Datum.gcj02.toWgs84(p)).isEqualTo(p);
        assertThat(ChinaOffset.wgs84ToGcj02(p)).isEqualTo(p);
    }

    @ParameterizedTest
    @CsvSource({"GCJ-02, gcj02", "gcj02, gcj02", "BD-09, bd09", "CGCS2000, wgs84", "WGS84, wgs84", "'', wgs84"})
    void datumNamesAsUsersWriteThem(String text, Datum expected) {
        assertThat(Datum.parse(text)).isEqualTo(expected);
    }
}
