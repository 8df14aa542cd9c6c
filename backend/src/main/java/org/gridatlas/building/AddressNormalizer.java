package org.gridatlas.building;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Brings a Chinese street address to one spelling so the same place matches however it was typed: full-width
 * digits and letters to half-width (NFKC), no spaces or punctuation, and the building word unified
 * (栋/座/号楼 → 幢). "天童南路５８８号 潜龙小区12栋" and "天童南路588号潜龙小区12幢" normalise alike.
 */
public final class AddressNormalizer {
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{Punct}，。、（）()·]+");
    private static final Pattern BUILDING_WORD = Pattern.compile("(\\d+)(栋|座|号楼|号幢)");

    private AddressNormalizer() {}

    public static String normalize(String address) {
        if (address == null) return null;
        String s = Normalizer.normalize(address, Normalizer.Form.NFKC).toLowerCase();
        s = NOISE.matcher(s).replaceAll("");
        return BUILDING_WORD.matcher(s).replaceAll("$1幢");
    }
}
