package cn.lianluo.common.files;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableWriterTest {

    @Test
    void a_csv_table_has_a_bom_number_cells_as_numbers_and_text_cells_neutralised() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter table = TableWriter.csv(out)) {
            table.row(List.of("名次", "姓名", "积分"));
            table.row(Arrays.asList(1, "-1+cmd|' /C calc'!A0", 12.5));
            table.row(Arrays.asList(2, null, 0));
            assertThat(table.rows()).isEqualTo(3);
        }
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF名次,姓名,积分\r\n1,\"'-1+cmd|' /C calc'!A0\",12.5\r\n2,,0\r\n");
    }

    @Test
    void an_xlsx_table_longer_than_the_rows_kept_in_memory_reads_back_whole_in_order() throws IOException {
        int rows = TableWriter.XLSX_WINDOW * 3 + 7;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter table = TableWriter.xlsx(out, "代表名册")) {
            table.row(List.of("序号", "姓名"));
            for (int i = 1; i <= rows; i++) {
                table.row(List.of(i, "代表" + i));
            }
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("代表名册");
            assertThat(sheet.getLastRowNum()).isEqualTo(rows);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("姓名");
            for (int i : new int[] {1, TableWriter.XLSX_WINDOW, TableWriter.XLSX_WINDOW + 1, rows}) {
                assertThat(sheet.getRow(i).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(sheet.getRow(i).getCell(0).getNumericCellValue()).isEqualTo(i);
                assertThat(sheet.getRow(i).getCell(1).getStringCellValue()).isEqualTo("代表" + i);
            }
        }
    }

    @Test
    void progress_is_told_after_every_nth_row_and_can_stop_the_writing() {
        List<Long> told = new java.util.ArrayList<>();
        TableWriter table = TableWriter.csv(new ByteArrayOutputStream()).onProgress(2, rows -> {
            if (rows > 4) {
                throw new IllegalStateException("stop");
            }
            told.add(rows);
        });
        for (int i = 0; i < 3; i++) {
            table.row(List.of(i));
        }
        assertThat(told).containsExactly(2L);
        table.row(List.of(3));
        assertThat(told).containsExactly(2L, 4L);
        table.row(List.of(4));
        assertThat(told).containsExactly(2L, 4L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.row(List.of(5))).hasMessage("stop");
    }
}
