package org.gridatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parts of intake that need no database: times, headers, encodings. */
class IntakeParsingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-03-13 08:05|2024-03-13T08:05+08:00",
                "2024/3/13 8:05:00|2024-03-13T08:05+08:00",
                "2024年3月13日|2024-03-13T00:00+08:00",
                "2024年3月13日 8时5分|2024-03-13T08:05+08:00",
                "2024年03月13日 08:05:30|2024-03-13T08:05:30+08:00",
                "2024.3.13|2024-03-13T00:00+08:00",
                "２０２４－０３－１３　０８：０５|2024-03-13T08:05+08:00",
                "2026-03-13T08:05:00+08:00|2026-03-13T08:05+08:00",
                "2026-03-13T00:05:00Z|2026-03-13T00:05Z",
                "2026-03-13 08:05:00+0900|2026-03-13T08:05+09:00"
            })
    void chineseTimesAreReadInShanghaiUnlessAnOffsetIsGiven(String text, String expected) {
        assertThat(ChineseDates.parse(text)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"2024-02-30", "2024-13-01 08:00", "yesterday", "13/03/2024", "2024-03-13 25:00"})
    void impossibleTimesAreRefused(String text) {
        assertThat(ChineseDates.parse(text)).isNull();
    }

    @Test
    void chineseHeadersFindTheirFields() {
        Problems problems = new Problems();
        ColumnMapping m = ColumnMapping.resolve(
                List.of("工单编号", "受理时间", " 经度(°) ", "纬度", "事发地址", "大类", "小类"),
                Map.of(
                        "external_id", List.of("工单编号", "事件编号", "id"),
                        "reported_at", List.of("上报时间", "受理时间"),
                        "lon", List.of("经度", "longitude"),
                        "lat", List.of("纬度"),
                        "address", List.of("地址", "事发地址"),
                        "category_big", List.of("大类"),
                        "category_small", List.of("小类")),
                Map.of(),
                problems);
        assertThat(problems.any()).isFalse();
        List<String> row = List.of("A1", "2024/3/13 8:05", "121.55", "29.81", "某路1号", "市容环境", "暴露垃圾");
        assertThat(m.value(row, "lon")).isEqualTo("121.55");
        assertThat(m.value(row, "reported_at")).isEqualTo("2024/3/13 8:05");
        assertThat(m.label("lon")).isEqualTo("经度(°)");
        assertThat(m.label("external_id")).isEqualTo("工单编号");
    }

    @Test
    void anExplicitMappingWinsAndAWrongOneIsNamed() {
        Problems problems = new Problems();
        Map<String, List<String>> synonyms = Map.of("external_id", List.of("工单编号"), "address", List.of("地址"));
        ColumnMapping m = ColumnMapping.resolve(
                List.of("工单编号", "编号2", "位置描述"),
                synonyms,
                ColumnMapping.parseExplicit("external_id=编号2; address=位置描述"),
                problems);
        assertThat(m.value(List.of("a", "b", "c"), "external_id")).isEqualTo("b");
        assertThat(m.value(List.of("a", "b", "c"), "address")).isEqualTo("c");
        ColumnMapping.resolve(List.of("工单编号"), synonyms, Map.of("address", "不存在"), problems);
        assertThat(problems.list()).extracting(RowProblem::field).containsExactly("mapping");
    }

    @Test
    void gbkIsToldFromUtf8() {
        String text = "工单编号,上报时间,事发地址\n12345-1,2024-03-13 08:05,天童南路588号潜龙小区12幢\n";
        assertThat(Encodings.detect(text.getBytes(StandardCharsets.UTF_8), true))
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(Encodings.detect(text.getBytes(Encodings.GB18030), true)).isEqualTo(Encodings.GB18030);
        assertThat(Encodings.detect(text.getBytes(java.nio.charset.Charset.forName("GBK")), true))
                .isEqualTo(Encodings.GB18030);
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(Encodings.detect(bom, true)).isEqualTo(StandardCharsets.UTF_8);
        // a probe that ends inside a multi-byte character is still UTF-8
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Encodings.detect(java.util.Arrays.copyOf(utf8, 4), false)).isEqualTo(StandardCharsets.UTF_8);
    }
}
