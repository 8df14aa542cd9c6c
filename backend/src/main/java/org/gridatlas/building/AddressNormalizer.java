package org.gridatlas.building;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Brings a Chinese street address to one spelling so the same place matches however it was typed: full-width
 * digits and letters to half-width (NFKC), no spaces or punctuation, the administrative prefix dropped (省/市/区县/
 * 街道镇/社区 — a building's address starts at its road), the building word unified (栋/座/号楼 → 幢), 弄 read as 号
 * (Shanghai-style lanes), and a unit or room after the building dropped (单元/室: the building is what we place).
 * "天童南路５８８号 潜龙小区12栋2单元301室" and "天童南路588号潜龙小区12幢" normalise alike.
 */
public final class AddressNormalizer {
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{Punct}，。、（）()·\\-－—]+");
    private static final Pattern ADMIN_PREFIX = Pattern.compile(
            "^(\\p{IsHan}{1,6}?省)?(\\p{IsHan}{1,6}?市)?(\\p{IsHan}{1,6}?[区县])?(\\p{IsHan}{1,8}?(街道|镇|乡))?"
                    + "(\\p{IsHan}{1,8}?社区)?(?=\\p{IsHan}+\\d)");
    private static final Pattern BUILDING_WORD = Pattern.compile("(\\d+)(栋|座|号楼|号幢)");
    private static final Pattern LANE = Pattern.compile("(\\d+)弄");
    private static final Pattern UNIT_ROOM = Pattern.compile("(幢)(\\d+单元)?(\\d+(室|户|号房?))?$");

    private AddressNormalizer() {}

    public static String normalize(String address) {
        if (address == null) return null;
        String s = Normalizer.normalize(address, Normalizer.Form.NFKC).toLowerCase();
        s = NOISE.matcher(s).replaceAll("");
        s = ADMIN_PREFIX.matcher(s).replaceFirst("");
        s = LANE.matcher(s).replaceAll("$1号");
        s = BUILDING_WORD.matcher(s).replaceAll("$1幢");
        return UNIT_ROOM.matcher(s).replaceAll("$1");
    }
}
