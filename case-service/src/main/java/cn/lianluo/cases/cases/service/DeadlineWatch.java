package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.cases.persistence.DeadlineEntity;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.time.Zones;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock-driven events of DESIGN §6: 预警 at 80 % of a stage, 超期 at 100 %, 催办 the next working day, 通报 after
 * more than 5 working days overdue. Each fires once per stage: rows are claimed {@code FOR UPDATE SKIP LOCKED} and
 * marked in the transaction that writes the event, so two replicas never both fire, and a moment missed while
 * the service was down fires late, once. Each finished scan is stamped ({@code lianluo_deadline_scan_last_run_timestamp_seconds})
 * and what it fired counted by kind ({@code lianluo_deadline_scan_fired_total}): a scanner that stopped shows as an old
 * stamp, not as silence.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);
    private static final int BATCH = 200;
    /** The kind {@code lianluo_deadline_scan_fired_total} counts a suggestion's late reply as. */
    private static final String SUGGESTION_OVERDUE = "suggestion-overdue";

    /** One clock event: which rows are due and which column marks it fired. */
    private enum Moment {
        WARNING("deadline-warning", "warned_at", "d.warn_at <= :at"),
        OVERDUE("overdue", "overdue_at", "d.due_at <= :at"),
        URGED("urged", "urged_at", "d.urge_on <= :at AND d.overdue_at IS NOT NULL"),
        REPORTED("reported", "reported_at", "d.report_on <= :at AND d.overdue_at IS NOT NULL");

        /** The moments counted in days compare dates, the others instants. */
        boolean byDate() {
            return this == URGED || this == REPORTED;
        }

        final String action;
        final String firedColumn;
        final String dueCondition;

        Moment(String action, String firedColumn, String dueCondition) {
            this.action = action;
            this.firedColumn = firedColumn;
            this.dueCondition = dueCondition;
        }
    }

    private final EntityManager em;
    private final CaseRepositories.Cases cases;
    private final CaseRepositories.Deadlines deadlines;
    private final CasePublisher publisher;
    private final CaseClock clock;
    private final OverdueScan otherDeadlines;
    private final MeterRegistry registry;
    /** When the last scan finished, in epoch seconds; 0 until one has. */
    private final AtomicLong lastRun = new AtomicLong();

    public DeadlineWatch(EntityManager em, CaseRepositories.Cases cases, CaseRepositories.Deadlines deadlines,
                         CasePublisher publisher, CaseClock clock,
                         OverdueScan otherDeadlines, MeterRegistry registry) {
        this.otherDeadlines = otherDeadlines;
        this.registry = registry;
        Gauge.builder("lianluo.deadline.scan.last.run.timestamp.seconds", lastRun, AtomicLong::get)
                .description("When the 五环五时 deadline scan last finished (epoch seconds)").register(registry);
        // every kind from the start, at 0 until the scan fires one
        for (Moment moment : Moment.values()) {
            fired(moment.action);
        }
        fired(SUGGESTION_OVERDUE);
        this.em = em;
        this.cases = cases;
        this.deadlines = deadlines;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Scheduled(every = "${lianluo.deadlines.scan-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.warnf(e, "deadline scan failed; it runs again on the next tick");
        }
    }

    /** Fires every moment that has come and not yet fired; returns how many events it wrote. */
    public int scan() {
        Instant now = clock.now();
        LocalDate today = now.atZone(Zones.CHINA).toLocalDate();
        int fired = 0;
        for (Moment moment : Moment.values()) {
            int batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(() -> fire(moment, now, today));
                fired += batch;
                counted(moment.action, batch);
            } while (batch == BATCH);
        }
        int others = otherDeadlines.scanOverdue();
        counted(SUGGESTION_OVERDUE, others);
        lastRun.set(Instant.now().getEpochSecond());
        return fired + others;
    }

    private void counted(String kind, int fired) {
        if (fired > 0) {
            fired(kind).increment(fired);
        }
    }

    private Counter fired(String kind) {
        return Counter.builder("lianluo.deadline.scan.fired").description("Events the deadline scan fired, by kind")
                .tag("kind", kind).register(registry);
    }

    private int fire(Moment moment, Instant now, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT d.id FROM case_deadline d JOIN citizen_case c ON c.id = d.case_id "
                        + "WHERE d.met_at IS NULL AND NOT d.paused AND NOT c.paused AND d." + moment.firedColumn + " IS NULL AND "
                        + moment.dueCondition + " ORDER BY d.due_at LIMIT " + BATCH + " FOR UPDATE OF d SKIP LOCKED")
                .setParameter("at", moment.byDate() ? today : now)
                .getResultList();
        for (UUID id : ids) {
            DeadlineEntity d = deadlines.findById(id);
            switch (moment) {
                case WARNING -> d.warnedAt = now;
                case OVERDUE -> d.overdueAt = now;
                case URGED -> d.urgedAt = now;
                case REPORTED -> d.reportedAt = now;
            }
            CaseEntity c = cases.findById(d.caseId);
            publisher.publish(c, moment.action, "SYSTEM", null, now, d.stage);
        }
        return ids.size();
    }
}
