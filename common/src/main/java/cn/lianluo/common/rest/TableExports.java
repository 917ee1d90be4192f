package cn.lianluo.common.rest;

import cn.lianluo.common.files.TableWriter;
import cn.lianluo.common.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A table export as an answer: CSV or .xlsx, its rows written as the database's cursor gives them into a temporary
 * file (java.io.tmpdir), which is then sent with its length and deleted. The province's roll takes a service the memory
 * of a few hundred rows and no transaction waits on a slow download; an export the database fails halfway is a problem
 * answer, never a short file with a 200. The rows and the time it took go to the log.
 */
public final class TableExports {

    private static final Logger LOG = Logger.getLogger(TableExports.class);

    private TableExports() {
    }

    /**
     * The answer to an export request.
     *
     * @param stem   the file's name without its extension, e.g. {@code deputies-433124}
     * @param format {@code csv} or {@code xlsx} as the request spells it (any case); another is a 400 naming it
     * @param sheet  the .xlsx sheet's name
     * @param write  writes the header and the rows (in its own transaction) and answers the rows it wrote, the header
     *               not counted
     */
    public static Response stream(String stem, String format, String sheet, ToLongFunction<TableWriter> write) {
        String kind = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw ProblemException.invalid("format", "csv or xlsx");
        }
        String file = stem + "." + kind;
        long started = System.nanoTime();
        Path spool = spool(kind);
        long rows;
        long bytes;
        try {
            try (TableWriter table = kind.equals("csv") ? TableWriter.csv(Files.newOutputStream(spool))
                    : TableWriter.xlsx(Files.newOutputStream(spool), sheet)) {
                rows = write.applyAsLong(table);
            }
            bytes = Files.size(spool);
        } catch (IOException | RuntimeException e) {
            delete(spool);
            throw e instanceof IOException io ? new UncheckedIOException("writing " + file, io) : (RuntimeException) e;
        }
        LOG.infof("exported %s: %d rows, %d bytes in %d ms", file, rows, bytes, (System.nanoTime() - started) / 1_000_000);
        StreamingOutput body = out -> {
            try {
                Files.copy(spool, out);
            } finally {
                delete(spool);
            }
        };
        return Response.ok(body, kind.equals("csv") ? "text/csv; charset=UTF-8" : TableWriter.XLSX)
                .header(HttpHeaders.CONTENT_LENGTH, bytes)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private static Path spool(String kind) {
        try {
            return Files.createTempFile("lianluo-export-", "." + kind);
        } catch (IOException e) {
            throw new UncheckedIOException("creating an export's temporary file", e);
        }
    }

    private static void delete(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", spool, e.getMessage());
        }
    }
}
