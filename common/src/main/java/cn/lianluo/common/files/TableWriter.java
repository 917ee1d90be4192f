package cn.lianluo.common.files;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A table the offices open in a spreadsheet, written row by row to a stream so that an export of the whole province
 * takes the memory of a few rows: CSV (UTF-8 with a BOM, so Excel and WPS read the Chinese) goes out as it is written;
 * .xlsx keeps {@link #XLSX_WINDOW} rows in memory and the rest in a temporary file until {@link #close()} writes the
 * workbook. A cell is a {@link Number} (a number cell) or text (neutralised as {@link SpreadsheetCells} says, so a
 * name cannot run as a formula). Not for poi-less services: common declares POI optional, and the services that export
 * declare it themselves.
 */
public abstract sealed class TableWriter implements Closeable {

    /** The content type of an .xlsx workbook. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The rows of an .xlsx kept in memory; those before them are flushed to the temporary file. */
    public static final int XLSX_WINDOW = 200;

    private long rows;
    private long every;
    private LongConsumer progress;

    /** A CSV table on {@code out}, which {@link #close()} closes. */
    public static TableWriter csv(OutputStream out) {
        return new Csv(out);
    }

    /** An .xlsx workbook of one sheet named {@code sheet}, written to {@code out} at {@link #close()}, which closes it. */
    public static TableWriter xlsx(OutputStream out, String sheet) {
        return new Xlsx(out, sheet);
    }

    /** Writes one row; the header is the first. */
    public final void row(List<?> cells) {
        try {
            write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException("writing row " + rows + " of a table", e);
        }
        rows++;
        if (progress != null && rows % every == 0) {
            progress.accept(rows);
        }
    }

    /**
     * Calls {@code progress} with {@link #rows()} after every {@code every} rows, e.g. to show a long export's progress;
     * an exception it throws stops the writing.
     */
    public final TableWriter onProgress(long every, LongConsumer progress) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, not " + every);
        }
        this.every = every;
        this.progress = progress;
        return this;
    }

    /** The rows written so far, the header included. */
    public final long rows() {
        return rows;
    }

    abstract void write(List<?> cells) throws IOException;

    private static final class Csv extends TableWriter {
        private final Writer out;

        Csv(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            try {
                this.out.write('\uFEFF');
            } catch (IOException e) {
                throw new UncheckedIOException("starting a CSV table", e);
            }
        }

        @Override
        void write(List<?> cells) throws IOException {
            for (int c = 0; c < cells.size(); c++) {
                if (c > 0) {
                    out.write(',');
                }
                Object cell = cells.get(c);
                out.write(cell instanceof Number n ? n.toString() : SpreadsheetCells.csvField(cell == null ? "" : cell.toString()));
            }
            out.write("\r\n");
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private static final class Xlsx extends TableWriter {
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(XLSX_WINDOW);
        private final Sheet sheet;

        Xlsx(OutputStream out, String sheet) {
            this.out = out;
            this.workbook.setCompressTempFiles(true);
            this.sheet = workbook.createSheet(sheet);
        }

        @Override
        void write(List<?> cells) {
            Row row = sheet.createRow((int) rows());
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                if (value instanceof Number n) {
                    row.createCell(c, CellType.NUMERIC).setCellValue(n.doubleValue());
                } else {
                    Cell cell = row.createCell(c, CellType.STRING);
                    cell.setCellValue(value == null ? "" : value.toString());
                }
            }
        }

        @Override
        public void close() throws IOException {
            try (out) {
                workbook.write(out);
            } finally {
                // the temporary file of the flushed rows goes with the workbook
                workbook.dispose();
                workbook.close();
            }
        }
    }
}
