package org.gridatlas.building;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spellings of one address that real records use normalise to the same text. */
class AddressNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "天童南路588号潜龙小区12幢",
        "天童南路５８８号潜龙小区１２幢",
        "天童南路 588号 潜龙小区 12栋",
        "天童南路588号潜龙小区12座",
        "天童南路588号潜龙小区12号楼",
        "天童南路588号潜龙小区12幢2单元301室",
        "天童南路588号潜龙小区12幢301室",
        "浙江省宁波市鄞州区中河街道潜龙社区天童南路588号潜龙小区12幢",
        "宁波市鄞州区天童南路588号潜龙小区12幢",
        "天童南路588弄潜龙小区12幢"
    })
    void variantsNormaliseAlike(String variant) {
        assertThat(AddressNormalizer.normalize(variant)).isEqualTo("天童南路588号潜龙小区12幢");
    }
}
