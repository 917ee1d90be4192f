package cn.lianluo.deputy.service;

import cn.lianluo.common.files.SpreadsheetCells;
import cn.lianluo.common.files.TableWriter;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes roll files (代表名册): CSV in UTF-8 or the GBK/GB18030 that Chinese Excel writes, and .xlsx.
 * Pure file handling: no database, no scope; the import use case checks the rows.
 */
public final class RollFiles {

    public static final String XLSX = TableWriter.XLSX;
    /** The .xlsx sheet's name. */
    public static final String SHEET = "代表名册";
    public static final Charset GB18030 = Charset.forName("GB18030");

    /** One data row: its line (the header is line 1) and its cells by column. */
    public record RollRow(int line, Map<RollColumn, String> cells) {
    }

    private RollFiles() {
    }

    public static List<RollRow> read(byte[] body, String mediaType, String charset, int maxRows) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("file", "the file is empty");
        }
        if (mediaType != null && mediaType.toLowerCase().startsWith(XLSX)) {
            return readXlsx(body, maxRows);
        }
        return readCsv(decode(body, charset), maxRows);
    }

    /** Charsets a roll may really be written in; another declared one (a client's ISO-8859-1 default) is not trusted. */
    private static final java.util.Set<String> CHINESE_CAPABLE = java.util.Set.of("UTF-8", "GBK", "GB2312", "GB18030", "UTF-16",
            "UTF-16LE", "UTF-16BE");

    /**
     * UTF-8 (with or without a BOM), else GB18030 (which covers GBK). A declared Unicode or Chinese charset is
     * taken at its word; any other declaration is ignored, since it could not hold the Chinese header anyway.
     */
    static String decode(byte[] body, String charset) {
        if (charset != null && !charset.isBlank()) {
            Charset named;
            try {
                named = Charset.forName(charset.strip().replace("\"", ""));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("charset", "unknown charset '" + charset + "'");
            }
            if (CHINESE_CAPABLE.contains(named.name())) {
                return strict(body, named).orElseThrow(() ->
                        ProblemException.invalid("file", "the file is not valid " + named.name() + " text"));
            }
        }
        int skip = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
        byte[] text = skip == 0 ? body : java.util.Arrays.copyOfRange(body, skip, body.length);
        return strict(text, StandardCharsets.UTF_8)
                .or(() -> strict(text, GB18030))
                .orElseThrow(() -> ProblemException.invalid("file",
                        "the file is neither UTF-8 nor GBK/GB18030 text; save it as CSV UTF-8 or as .xlsx"));
    }

    private static java.util.Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.indexOf('\u0000') >= 0 ? java.util.Optional.empty() : java.util.Optional.of(text);
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }

    static List<RollRow> readCsv(String text, int maxRows) {
        List<RollRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new StringReader(text))) {
            List<RollColumn> columns = null;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (columns == null) {
                    columns = header(cells);
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() >= maxRows) {
                    throw tooMany(maxRows);
                }
                rows.add(row((int) record.getRecordNumber(), columns, cells));
            }
            if (columns == null) {
                throw ProblemException.unprocessable("import-header", "header", "the file has no header row");
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ProblemException.invalid("file", "the CSV cannot be read: " + e.getMessage());
        }
        return rows;
    }

    static List<RollRow> readXlsx(byte[] body, int maxRows) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > maxRows + 1) {
                throw tooMany(maxRows);
            }
            DataFormatter format = new DataFormatter();
            List<RollColumn> columns = null;
            List<RollRow> rows = new ArrayList<>();
            List<FieldError> formulas = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                    Cell cell = row.getCell(i);
                    if (cell != null && cell.getCellType() == CellType.FORMULA) {
                        formulas.add(new FieldError("row " + (row.getRowNum() + 1) + ": column " + (i + 1),
                                "a formula is not accepted; paste the values only"));
                        cells.add("");
                    } else if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                    } else {
                        cells.add(cell == null ? "" : format.formatCellValue(cell).strip());
                    }
                }
                if (columns == null) {
                    columns = header(cells);
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() >= maxRows) {
                    throw tooMany(maxRows);
                }
                rows.add(row(row.getRowNum() + 1, columns, cells));
            }
            if (!formulas.isEmpty()) {
                throw rejected(formulas);
            }
            if (columns == null) {
                throw ProblemException.unprocessable("import-header", "header", "the sheet has no header row");
            }
            return rows;
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("file", "the file is not a readable .xlsx workbook");
        }
    }

    /** The header must name the roll's columns; order is free, unknown or missing required columns are refused. */
    private static List<RollColumn> header(List<String> cells) {
        List<RollColumn> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String cell : cells) {
            String name = cell.replace("\uFEFF", "").strip();
            RollColumn column = null;
            for (RollColumn c : RollColumn.values()) {
                if (c.header().equals(name) || c.name().equalsIgnoreCase(name)) {
                    column = c;
                }
            }
            if (column == null) {
                unknown.add(name);
            }
            columns.add(column);
        }
        List<String> missing = java.util.Arrays.stream(RollColumn.values())
                .filter(c -> c.required() && !columns.contains(c)).map(RollColumn::header).toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw ProblemException.unprocessable("import-header", "header",
                    (unknown.isEmpty() ? "" : "unknown columns " + unknown + "; ")
                            + (missing.isEmpty() ? "" : "missing columns " + missing + "; ")
                            + "expected " + RollColumn.headers());
        }
        return columns;
    }

    private static RollRow row(int line, List<RollColumn> columns, List<String> cells) {
        Map<RollColumn, String> values = new EnumMap<>(RollColumn.class);
        for (int i = 0; i < Math.min(columns.size(), cells.size()); i++) {
            // an exported cell that was neutralised ('=…) reads back as written, and is then judged as any other
            values.put(columns.get(i), cells.get(i) == null ? "" : SpreadsheetCells.restore(cells.get(i).strip()));
        }
        return new RollRow(line, values);
    }

    /**
     * A cell a spreadsheet would run as a formula ({@link SpreadsheetCells#startsFormula}): refused in every column. The
     * one exception is a phone in international form ({@code +86 139 0000 1234}); no name, code, year or date starts
     * with {@code -}, so a leading minus is refused everywhere ({@code -1+cmd|…}).
     */
    public static boolean looksLikeFormula(RollColumn column, String value) {
        if (column == RollColumn.PHONE && value != null && INTERNATIONAL_PHONE.matcher(value).matches()) {
            return false;
        }
        return SpreadsheetCells.startsFormula(value);
    }

    private static final java.util.regex.Pattern INTERNATIONAL_PHONE = java.util.regex.Pattern.compile("\\+[0-9][0-9 ()-]*");

    public static ProblemException rejected(List<FieldError> errors) {
        List<FieldError> shown = errors.size() > 200 ? errors.subList(0, 200) : errors;
        return new ProblemException(422, "import-rejected", "Import rejected 导入未通过",
                errors.size() + " problem(s) in the file; nothing was imported"
                        + (errors.size() > shown.size() ? " (the first " + shown.size() + " are listed)" : ""),
                shown);
    }

    private static ProblemException tooMany(int maxRows) {
        return new ProblemException(413, "too-many-rows", "Too many rows 行数过多",
                "a roll file holds at most " + maxRows + " rows; split it");
    }

    /** The roll's header and {@code rows} as CSV (UTF-8 with a BOM), as the export streams it. */
    public static byte[] writeCsv(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(TableWriter.csv(out), rows);
        return out.toByteArray();
    }

    /** The roll's header and {@code rows} as .xlsx, every cell a text cell, as the export streams it. */
    public static byte[] writeXlsx(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(TableWriter.xlsx(out, SHEET), rows);
        return out.toByteArray();
    }

    private static void write(TableWriter table, List<List<String>> rows) {
        try (table) {
            table.row(RollColumn.headers());
            rows.forEach(table::row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
