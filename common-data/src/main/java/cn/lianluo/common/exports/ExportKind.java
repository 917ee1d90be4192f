package cn.lianluo.common.exports;

import cn.lianluo.common.files.TableWriter;

/**
 * What a service exports as jobs: one bean per kind, found by {@link ExportJobs}. The service checks the request's
 * region against the requester's scope before it submits; the worker then counts and writes with no caller.
 */
public interface ExportKind {

    /** The kind's name in requests and job ids, e.g. {@code deputy-roll}. */
    String kind();

    /** Whether the export is of a year (the points table), which a request may name and which is this year if not. */
    default boolean yearly() {
        return false;
    }

    /** The file's name without its extension, e.g. {@code deputies-4301}. */
    String stem(ExportTarget target);

    /** The .xlsx sheet's name. */
    String sheet();

    /** The rows the export will write, the header not counted (the job's rowsTotal). */
    long count(ExportTarget target);

    /** Writes the header and the rows to {@code table} in its own transaction; answers the rows, the header not counted. */
    long write(ExportTarget target, TableWriter table);
}
