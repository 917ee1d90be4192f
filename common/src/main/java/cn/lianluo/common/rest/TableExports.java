package cn.lianluo.common.rest;

import cn.lianluo.common.files.TableWriter;
import cn.lianluo.common.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A table export as an answer: CSV or .xlsx, written to the client as the rows come (no Content-Length), so that the
 * province's roll takes a service the memory of a few hundred rows and the gateway sees its first bytes at once. The
 * rows and the time it took go to the log.
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
     * @param write  writes the header and the rows (in a transaction of its own: this runs after the resource method
     *               returned) and answers the rows it wrote, the header not counted
     */
    public static Response stream(String stem, String format, String sheet, ToLongFunction<TableWriter> write) {
        String kind = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw ProblemException.invalid("format", "csv or xlsx");
        }
        String file = stem + "." + kind;
        StreamingOutput body = out -> {
            long started = System.nanoTime();
            long rows;
            try (TableWriter table = kind.equals("csv") ? TableWriter.csv(out) : TableWriter.xlsx(out, sheet)) {
                rows = write.applyAsLong(table);
            }
            LOG.infof("exported %s: %d rows in %d ms", file, rows, (System.nanoTime() - started) / 1_000_000);
        };
        return Response.ok(body, kind.equals("csv") ? "text/csv; charset=UTF-8" : TableWriter.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
