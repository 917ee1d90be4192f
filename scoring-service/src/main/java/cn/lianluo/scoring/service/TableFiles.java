package cn.lianluo.scoring.service;

import cn.lianluo.common.files.SpreadsheetCells;
import cn.lianluo.scoring.service.PointsDtos.Standing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A region's points table as a file for the office (名次, 代表, 行政区划, 积分, 等次). */
public final class TableFiles {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADER = List.of("名次", "代表ID", "姓名", "行政区划代码", "积分", "等次");

    private TableFiles() {
    }

    static List<String> cells(Standing s) {
        return List.of(String.valueOf(s.rank()), s.deputyId().toString(), s.name(), s.regionCode(), String.valueOf(s.total()),
                s.grade() == null ? "" : s.grade());
    }

    /** The numbers (名次, 积分) as numbers; every text cell neutralised, so a name cannot be run as a formula. */
    public static byte[] csv(List<Standing> table) {
        StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", HEADER)).append("\r\n");
        for (Standing s : table) {
            List<String> cells = cells(s);
            for (int c = 0; c < cells.size(); c++) {
                out.append(c == 0 ? "" : ",").append(c == 0 || c == 4 ? cells.get(c) : SpreadsheetCells.csvField(cells.get(c)));
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(List<Standing> table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("履职积分");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            for (int r = 0; r < table.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = cells(table.get(r));
                for (int c = 0; c < cells.size(); c++) {
                    if (c == 0 || c == 4) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells.get(c)));
                    } else {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
