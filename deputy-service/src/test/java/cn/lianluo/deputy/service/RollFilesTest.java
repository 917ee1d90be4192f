package cn.lianluo.deputy.service;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollFilesTest {

    static final String HEADER = String.join(",", RollColumn.headers());
    static final String ROW = "示例甲,女,瑶族,1980,中共党员,农民,界牌乡第1村选区,431129200,13900001234,乡,18,2021-12-01,,";

    @Test
    void utf8_with_or_without_bom_and_gbk_read_the_same() {
        String text = HEADER + "\n" + ROW + "\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        byte[] gbk = text.getBytes(java.nio.charset.Charset.forName("GBK"));

        for (byte[] file : List.of(utf8, bom, gbk)) {
            var rows = RollFiles.read(file, "text/csv", null, 10);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).cells().get(RollColumn.NAME)).isEqualTo("示例甲");
            assertThat(rows.get(0).cells().get(RollColumn.ETHNICITY)).isEqualTo("瑶族");
            assertThat(rows.get(0).line()).isEqualTo(2);
        }
    }

    @Test
    void a_named_charset_is_taken_at_its_word() {
        byte[] gbk = (HEADER + "\n" + ROW).getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThatThrownBy(() -> RollFiles.read(gbk, "text/csv", "UTF-8", 10))
                .isInstanceOf(ProblemException.class).hasMessageContaining("UTF-8");
        assertThat(RollFiles.read(gbk, "text/csv", "GBK", 10)).hasSize(1);
    }

    @Test
    void a_wrong_header_names_what_is_unknown_and_missing() {
        byte[] file = "姓名,性别,年龄\n张三,男,40\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RollFiles.read(file, "text/csv", null, 10))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("年龄").contains("民族");
                });
    }

    @Test
    void more_rows_than_allowed_are_refused_as_too_large() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 11; i++) {
            text.append(ROW).append('\n');
        }
        assertThatThrownBy(() -> RollFiles.read(text.toString().getBytes(StandardCharsets.UTF_8), "text/csv", null, 10))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void binary_that_is_no_text_is_refused() {
        byte[] binary = {(byte) 0xFF, (byte) 0xFE, 0x00, 0x41, 0x00, (byte) 0x80, (byte) 0x81};
        assertThatThrownBy(() -> RollFiles.read(binary, "text/csv", null, 10))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void formulas_are_recognised_in_every_column_but_an_international_phone_is_not() {
        assertThat(RollFiles.looksLikeFormula(RollColumn.NAME, "=HYPERLINK(\"x\")")).isTrue();
        assertThat(RollFiles.looksLikeFormula(RollColumn.NAME, "@SUM(A1)")).isTrue();
        assertThat(RollFiles.looksLikeFormula(RollColumn.PHONE, "+cmd|' /C calc'!A0")).isTrue();
        assertThat(RollFiles.looksLikeFormula(RollColumn.OCCUPATION, "-1+cmd|' /C calc'!A0")).isTrue();
        assertThat(RollFiles.looksLikeFormula(RollColumn.BIRTH_YEAR, "-1")).isTrue();
        assertThat(RollFiles.looksLikeFormula(RollColumn.PHONE, "+86 139 0000 1234")).isFalse();
        assertThat(RollFiles.looksLikeFormula(RollColumn.NAME, "+86 139 0000 1234")).isTrue();
        assertThat(RollFiles.looksLikeFormula(RollColumn.ETHNICITY, "汉族")).isFalse();
    }

    @Test
    void an_exported_csv_quotes_formulas_as_text_and_reads_back_as_written() {
        byte[] csv = RollFiles.writeCsv(List.of(List.of("-1+cmd|' /C calc'!A0", "女", "瑶族", "1980", "", "", "", "431129200",
                "+86 139 0000 1234", "乡(镇)人大代表", "18", "2021-12-01", "", "")));
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("\"'-1+cmd|' /C calc'!A0\"");
        var rows = RollFiles.read(csv, "text/csv", null, 10);
        assertThat(rows.get(0).cells()).containsEntry(RollColumn.NAME, "-1+cmd|' /C calc'!A0")
                .containsEntry(RollColumn.PHONE, "+86 139 0000 1234");
        assertThat(RollFiles.read(RollFiles.writeXlsx(List.of(List.of("示例乙", "男", "汉族", "1970", "", "", "",
                "431129200", "", "县", "18", "2021-11-15", "", ""))), RollFiles.XLSX, null, 10).get(0).cells())
                .containsEntry(RollColumn.NAME, "示例乙").containsEntry(RollColumn.LEVEL, "县");
    }
}
