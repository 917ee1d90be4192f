package cn.lianluo.common.exports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a service runs its export jobs ({@link ExportJobs}). */
@ConfigMapping(prefix = "lianluo.exports")
public interface ExportsConfig {

    /** Whether this replica runs jobs (tests drive {@link ExportJobs#work()} themselves). */
    @WithDefault("true")
    boolean worker();

    /** How often an idle worker looks for queued jobs and for jobs whose worker died. */
    @WithDefault("5s")
    Duration poll();

    /**
     * How long a running job may go without a heartbeat before another worker takes it over: a worker beats with
     * every progress update, so this is longer than writing {@link #progressEvery()} rows or closing a workbook.
     */
    @WithDefault("5m")
    Duration lease();

    /** Rows written between two updates of a job's progress (and heartbeats). */
    @WithDefault("1000")
    int progressEvery();

    /** How long a job and its file are kept after it was asked for (and after it finished). */
    @WithDefault("1d")
    Duration keep();

    /** How many times a job is started before it is failed (a worker that dies on it each time). */
    @WithDefault("3")
    int maxAttempts();

    /** The size of one stored piece of a file (a bytea row). */
    @WithDefault("1048576")
    int chunkBytes();
}
