package cn.lianluo.common.files;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTest {

    @Test
    void every_character_that_starts_a_formula_is_recognised() {
        for (String cell : List.of("=1+1", "+cmd|' /C calc'!A0", "-1+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1")) {
            assertThat(SpreadsheetCells.startsFormula(cell)).as(cell).isTrue();
        }
        for (String cell : List.of("", "汉族", "13900001234", "1980", "'=1", " =1")) {
            assertThat(SpreadsheetCells.startsFormula(cell)).as(cell).isFalse();
        }
    }

    @Test
    void an_exported_formula_is_quoted_text_and_reads_back_as_written() {
        assertThat(SpreadsheetCells.csvField("-1+cmd|' /C calc'!A0")).isEqualTo("\"'-1+cmd|' /C calc'!A0\"");
        assertThat(SpreadsheetCells.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SpreadsheetCells.csvField("示例,甲")).isEqualTo("\"示例,甲\"");
        assertThat(SpreadsheetCells.csvField("示例甲")).isEqualTo("示例甲");
        assertThat(SpreadsheetCells.restore("'-1+cmd")).isEqualTo("-1+cmd");
        assertThat(SpreadsheetCells.restore("'示例")).isEqualTo("'示例");
        assertThat(SpreadsheetCells.csvLine(List.of("a", "@b"))).isEqualTo("a,\"'@b\"\r\n");
    }
}
