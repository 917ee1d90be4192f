package cn.lianluo.common.exports;

import cn.lianluo.common.data.SqlValues;
import cn.lianluo.common.files.TableWriter;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.time.Zones;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Exports run as jobs (导出任务) in the service that owns the data, kept in its own database ({@code export_job} and
 * the file's pieces in {@code export_chunk}) so every replica sees every job:
 * <ul>
 * <li>a request names the requester (the token's subject); the same requester asking for the same kind, region, year
 * and format while such a job is queued or running gets that job again — a unique partial index decides it, so two
 * replicas cannot start it twice;</li>
 * <li>a worker claims a queued job {@code FOR UPDATE SKIP LOCKED}, counts its rows, writes the table and beats (the
 * job's {@code heartbeat_at}) with each progress update; a running job whose heartbeat is older than the lease is
 * taken over by another worker, so a job survives a replica that dies, up to {@code max-attempts} starts;</li>
 * <li>the file is kept in pieces of {@code chunk-bytes} and deleted with its job a day ({@code keep}) after it
 * finished.</li>
 * </ul>
 * A service without an {@link ExportKind} bean has no table and runs nothing.
 */
@ApplicationScoped
public class ExportJobs {

    private static final Logger LOG = Logger.getLogger(ExportJobs.class);
    private static final String COLUMNS = "id, kind, region, year, format, status, rows_written, rows_total, created_at, "
            + "finished_at, expires_at, error";

    private final EntityManager em;
    private final ExportsConfig config;
    private final Instance<ExportKind> kinds;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "export-worker");
        t.setDaemon(true);
        return t;
    });

    public ExportJobs(EntityManager em, ExportsConfig config, Instance<ExportKind> kinds) {
        this.em = em;
        this.config = config;
        this.kinds = kinds;
    }

    /** The kind of that name this service exports, or a 400 naming the field. */
    public ExportKind kind(String name) {
        return kinds.stream().filter(k -> k.kind().equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("kind", "this service exports " + names()));
    }

    /** {@code csv} or {@code xlsx} (any case; csv when absent), or a 400 naming the field. */
    static String format(String format) {
        String f = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("xlsx")) {
            throw ProblemException.invalid("format", "csv or xlsx");
        }
        return f;
    }

    /**
     * The job that writes {@code target} for {@code requester}: a new queued one, or the one of the same requester and
     * target still queued or running.
     */
    public ExportJob submit(ExportTarget target, String requester) {
        kind(target.kind());
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<ExportJob> job = QuarkusTransaction.requiringNew().call(() -> {
                String id = target.kind() + "-" + UUID.randomUUID();
                // the unique partial index on (requester, kind, region, year, format) of the queued and running jobs
                int inserted = em.createNativeQuery("""
                                INSERT INTO export_job (id, requester, kind, region, year, format, status, expires_at)
                                VALUES (:id, :requester, :kind, :region, :year, :format, 'QUEUED',
                                        now() + :keep * interval '1 second')
                                ON CONFLICT DO NOTHING""")
                        .setParameter("id", id).setParameter("requester", requester).setParameter("kind", target.kind())
                        .setParameter("region", target.region().value())
                        .setParameter("year", target.year() == null ? -1 : target.year())
                        .setParameter("format", target.format()).setParameter("keep", config.keep().toSeconds())
                        .executeUpdate();
                if (inserted == 1) {
                    return find(id, requester);
                }
                @SuppressWarnings("unchecked")
                List<String> running = em.createNativeQuery("""
                                SELECT id FROM export_job WHERE requester = :requester AND kind = :kind AND region = :region
                                   AND year = :year AND format = :format AND status IN ('QUEUED', 'RUNNING')""")
                        .setParameter("requester", requester).setParameter("kind", target.kind())
                        .setParameter("region", target.region().value())
                        .setParameter("year", target.year() == null ? -1 : target.year())
                        .setParameter("format", target.format()).getResultList();
                return running.isEmpty() ? Optional.<ExportJob>empty() : find(running.get(0), requester);
            });
            if (job.isPresent()) {
                nudge();
                return job.get();
            }
            // the running one finished between the insert and the select: ask again
        }
        throw ProblemException.conflict("export-busy", "the same export keeps finishing as it is asked for; ask again");
    }

    /**
     * Starts (or finds) the job {@code request} asks for on behalf of {@code caller}: a kind this service exports, a
     * region inside the caller's scope (theirs when absent), a year only for a yearly kind (this year when absent), csv
     * or xlsx. Answers 202 with the job and its Location ({@code base} + its id); a bad field is a 400, a region outside
     * the scope a 403.
     */
    public Response start(ExportRequest request, Caller caller, String base) {
        if (request == null) {
            throw ProblemException.invalid("kind", "a body {kind, region, year, format} is required");
        }
        ExportKind kind = kind(request.kind());
        if (!kind.yearly() && request.year() != null) {
            throw ProblemException.invalid("year", kind.kind() + " has no year");
        }
        if (request.year() != null && (request.year() < 2000 || request.year() > 2999)) {
            throw ProblemException.invalid("year", "a year from 2000 to 2999");
        }
        Integer year = !kind.yearly() ? null
                : request.year() == null ? Integer.valueOf(LocalDate.now(Zones.CHINA).getYear()) : request.year();
        String format = format(request.format());
        if (request.region() != null && request.region().isBlank()) {
            // in a body an empty string is a value given, not one left out (the query's ?region= is the latter)
            throw ProblemException.invalid("region", "an empty region: leave it out for your own scope, or give a region code");
        }
        RegionCode scope = caller.listScope(RegionCodes.optional("region", request.region()));
        return accepted(submit(new ExportTarget(kind.kind(), scope, year, format), caller.subject()), base);
    }

    /** The 202 answer to a request: the job, and where to read it ({@code base} + its id). */
    private static Response accepted(ExportJob job, String base) {
        return Response.accepted(job).location(java.net.URI.create(base + job.id())).build();
    }

    /** The job {@code id} if {@code requester} asked for it. */
    public Optional<ExportJob> find(String id, String requester) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM export_job WHERE id = :id AND requester = :requester")
                .setParameter("id", id).setParameter("requester", requester).getResultList();
        return rows.stream().findFirst().map(ExportJobs::job);
    }

    /** The job as its requester reads it, or a 404 (another person's job is not found either). */
    public ExportJob get(String id, String requester) {
        return QuarkusTransaction.requiringNew().call(() -> find(id, requester))
                .orElseThrow(() -> ProblemException.notFound("export job", id));
    }

    /**
     * The finished job's file as an answer with its length, read from the database piece by piece as it is sent; a 404
     * for another person's job, a 409 while it is queued or running or when it failed.
     */
    public Response download(String id, String requester) {
        ExportJob job = get(id, requester);
        if (job.status() != ExportStatus.DONE) {
            throw ProblemException.conflict("export-not-ready", "export job " + id + " is " + job.status()
                    + (job.status() == ExportStatus.FAILED ? " (" + job.error() + ")" : "; ask again when it is DONE"));
        }
        // swept between the status read and here: gone, as for anyone else
        @SuppressWarnings("unchecked")
        List<Object[]> found = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT file_name, file_bytes, (SELECT count(*) FROM export_chunk c WHERE c.job_id = j.id) "
                                + "FROM export_job j WHERE id = :id")
                .setParameter("id", id).getResultList());
        if (found.isEmpty()) {
            throw ProblemException.notFound("export job", id);
        }
        Object[] file = found.get(0);
        long chunks = ((Number) file[2]).longValue();
        StreamingOutput body = out -> {
            for (int seq = 0; seq < chunks; seq++) {
                int s = seq;
                @SuppressWarnings("unchecked")
                List<byte[]> piece = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                                "SELECT bytes FROM export_chunk WHERE job_id = :id AND seq = :seq")
                        .setParameter("id", id).setParameter("seq", s).getResultList());
                if (piece.isEmpty()) {
                    // swept while it was being sent: the download fails rather than ending short
                    throw new java.io.IOException("export job " + id + " was swept while its file was sent");
                }
                out.write(piece.get(0));
            }
        };
        return Response.ok(body, job.format().equals("csv") ? "text/csv; charset=UTF-8" : TableWriter.XLSX)
                .header(HttpHeaders.CONTENT_LENGTH, ((Number) file[1]).longValue())
                .header("Content-Disposition", "attachment; filename=\"" + file[0] + "\"").build();
    }

    /** Asks the worker for a pass soon (after a job was queued). */
    public void nudge() {
        if (config.worker() && !kinds.isUnsatisfied() && !worker.isShutdown() && busy.compareAndSet(false, true)) {
            worker.execute(() -> {
                try {
                    while (work()) {
                        // another job may be waiting
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("export worker paused: %s", e.getMessage());
                } finally {
                    busy.set(false);
                }
            });
        }
    }

    @Scheduled(every = "${lianluo.exports.poll:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        nudge();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepHourly() {
        if (!kinds.isUnsatisfied()) {
            sweep(Instant.now());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        // a job cut short here is taken over by another replica once its lease runs out
        worker.shutdownNow();
    }

    /** Deletes the jobs (and their files) that expired before {@code now}; answers how many. */
    public int sweep(Instant now) {
        int swept = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        // a job still queued or running is never taken from under its worker, however old
                        "DELETE FROM export_job WHERE expires_at < :now AND status IN ('DONE', 'FAILED')")
                .setParameter("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).executeUpdate());
        if (swept > 0) {
            LOG.infof("swept %d expired export jobs", swept);
        }
        return swept;
    }

    /**
     * Claims one job — queued, or running with a heartbeat older than the lease — and runs it to its end here.
     * Answers whether there was one.
     */
    public boolean work() {
        String token = UUID.randomUUID().toString();
        List<String> names = names();
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        UPDATE export_job SET status = 'RUNNING', worker = :worker, heartbeat_at = now(),
                               attempts = attempts + 1, rows_written = 0
                         WHERE id = (SELECT id FROM export_job
                                      WHERE kind IN (:kinds) AND (status = 'QUEUED' OR (status = 'RUNNING'
                                            AND heartbeat_at < now() - :lease * interval '1 second'))
                                      ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, kind, region, year, format, attempts, requester""")
                .setParameter("worker", token).setParameter("kinds", names)
                .setParameter("lease", config.lease().toSeconds()).getResultList());
        if (claimed.isEmpty()) {
            return false;
        }
        Object[] row = claimed.get(0);
        String id = (String) row[0];
        int year = ((Number) row[3]).intValue();
        ExportTarget target = new ExportTarget((String) row[1], RegionCode.of((String) row[2]),
                year < 0 ? null : year, (String) row[4]);
        if (((Number) row[5]).intValue() > config.maxAttempts()) {
            finish(id, token, "FAILED", "the export was interrupted " + config.maxAttempts() + " times");
            return true;
        }
        run(id, token, target);
        return true;
    }

    private void run(String id, String token, ExportTarget target) {
        ExportKind kind = kind(target.kind());
        long started = System.nanoTime();
        Path spool = null;
        try {
            long total = QuarkusTransaction.requiringNew().call(() -> kind.count(target));
            progress(id, token, 0, total);
            spool = Files.createTempFile("lianluo-export-job-", "." + target.format());
            long rows;
            try (TableWriter table = target.format().equals("csv") ? TableWriter.csv(Files.newOutputStream(spool))
                    : TableWriter.xlsx(Files.newOutputStream(spool), kind.sheet())) {
                // the header is the table's first row: the progress counts data rows
                table.onProgress(config.progressEvery(), written -> progress(id, token, written - 1, null));
                rows = kind.write(target, table);
            }
            long bytes = store(id, token, spool, kind.stem(target) + "." + target.format(), rows);
            LOG.infof("export job %s (%s of %s%s as %s) done: %d rows, %d bytes in %d ms", id, target.kind(),
                    target.region().value(), target.year() == null ? "" : " " + target.year(), target.format(), rows,
                    bytes, (System.nanoTime() - started) / 1_000_000);
        } catch (LeaseLost e) {
            LOG.warnf("export job %s was taken over by another worker; this one stops", id);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.errorf(e, "export job %s failed after %d ms", id, (System.nanoTime() - started) / 1_000_000);
            finish(id, token, "FAILED", why.length() > 500 ? why.substring(0, 500) : why);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    LOG.warnf("could not delete %s: %s", spool, e.getMessage());
                }
            }
        }
    }

    /** Progress and heartbeat in a transaction of their own, so readers see them while the export runs. */
    private void progress(String id, String token, long written, Long total) {
        int updated = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "UPDATE export_job SET rows_written = :written, " + (total == null ? "" : "rows_total = " + total + ", ")
                                + "heartbeat_at = now() WHERE id = :id AND worker = :worker AND status = 'RUNNING'")
                .setParameter("written", written).setParameter("id", id).setParameter("worker", token).executeUpdate());
        if (updated == 0) {
            throw new LeaseLost();
        }
    }

    /** The file in pieces and the job DONE, in one transaction; answers the file's bytes. */
    private long store(String id, String token, Path spool, String name, long rows) throws IOException {
        long bytes = Files.size(spool);
        QuarkusTransaction.requiringNew().run(() -> {
            // locks the job: a worker that lost it cannot store over the one that took it over
            if (em.createNativeQuery("SELECT id FROM export_job WHERE id = :id AND worker = :worker AND status = 'RUNNING' FOR UPDATE")
                    .setParameter("id", id).setParameter("worker", token).getResultList().isEmpty()) {
                throw new LeaseLost();
            }
            em.createNativeQuery("DELETE FROM export_chunk WHERE job_id = :id").setParameter("id", id).executeUpdate();
            try (InputStream in = Files.newInputStream(spool)) {
                int seq = 0;
                byte[] piece;
                while ((piece = in.readNBytes(config.chunkBytes())).length > 0) {
                    em.createNativeQuery("INSERT INTO export_chunk (job_id, seq, bytes) VALUES (:id, :seq, :bytes)")
                            .setParameter("id", id).setParameter("seq", seq++).setParameter("bytes", piece).executeUpdate();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("storing export job " + id, e);
            }
            em.createNativeQuery("""
                            UPDATE export_job SET status = 'DONE', rows_written = :rows, file_name = :name,
                                   file_bytes = :bytes, finished_at = now(), expires_at = now() + :keep * interval '1 second'
                             WHERE id = :id""")
                    .setParameter("rows", rows).setParameter("name", name).setParameter("bytes", bytes)
                    .setParameter("keep", config.keep().toSeconds()).setParameter("id", id).executeUpdate();
        });
        return bytes;
    }

    private void finish(String id, String token, String status, String error) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        UPDATE export_job SET status = :status, error = :error, finished_at = now(),
                               expires_at = now() + :keep * interval '1 second'
                         WHERE id = :id AND worker = :worker""")
                .setParameter("status", status).setParameter("error", error)
                .setParameter("keep", config.keep().toSeconds()).setParameter("id", id).setParameter("worker", token)
                .executeUpdate());
    }

    private List<String> names() {
        return kinds.stream().map(ExportKind::kind).sorted().toList();
    }

    private static ExportJob job(Object[] r) {
        int year = ((Number) r[3]).intValue();
        return new ExportJob((String) r[0], (String) r[1], (String) r[2], year < 0 ? null : year, (String) r[4],
                ExportStatus.valueOf((String) r[5]), ((Number) r[6]).longValue(),
                r[7] == null ? null : ((Number) r[7]).longValue(), SqlValues.instant(r[8]), SqlValues.instant(r[9]), SqlValues.instant(r[10]),
                (String) r[11]);
    }


    /** The job was taken over by another worker (its lease ran out): this one stops without touching it. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("export job lease lost", null, false, false);
        }
    }
}
