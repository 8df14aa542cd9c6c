package org.gridatlas.geo;

import java.util.Arrays;
import java.util.Locale;

/**
 * The coordinate systems incident files arrive in. The store is WGS84/CGCS2000 (they differ by centimetres);
 * Chinese apps deliver GCJ-02 (Amap, Tencent, WeChat: "火星坐标") or BD-09 (Baidu), which {@link ChinaOffset} turns
 * back into WGS84.
 */
public enum Datum {
    /** WGS84 or CGCS2000 lon/lat: stored as given. */
    wgs84,
    /** GCJ-02, the obfuscated datum of Chinese web maps. */
    gcj02,
    /** BD-09, Baidu's second offset on top of GCJ-02. */
    bd09;

    public LonLat toWgs84(LonLat p) {
        return switch (this) {
            case wgs84 -> p;
            case gcj02 -> ChinaOffset.gcj02ToWgs84(p);
            case bd09 -> ChinaOffset.gcj02ToWgs84(ChinaOffset.bd09ToGcj02(p));
        };
    }

    /** Parses a user's word for a datum ("GCJ-02", "gcj02", "cgcs2000", "BD09" ...); null when unknown. */
    public static Datum parse(String value) {
        if (value == null || value.isBlank()) return wgs84;
        String v = value.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (v) {
            case "wgs84", "cgcs2000", "epsg4326", "epsg4490" -> wgs84;
            case "gcj02", "gcj", "amap", "mars" -> gcj02;
            case "bd09", "bd09ll", "baidu" -> bd09;
            default -> null;
        };
    }

    public static String names() {
        return Arrays.toString(values());
    }
}
