package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.CaseStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cases by status ({@code lianluo_cases{status}}) and the cases with a stage past its due time
 * ({@code lianluo_cases_overdue}), read every minute, never on a scrape. Closed and merged cases, the bulk of them, come
 * from the case tally ({@link CaseTally}); the open ones are counted, as no figure keeps them by status (they are the
 * few that are still being handled); the overdue ones from the partial index of open deadlines.
 */
@ApplicationScoped
public class CaseGauges {

    private static final Logger LOG = Logger.getLogger(CaseGauges.class);

    private final EntityManager em;
    private final MeterRegistry registry;
    private final Map<CaseStatus, AtomicLong> byStatus = new EnumMap<>(CaseStatus.class);
    private final AtomicLong overdue = new AtomicLong();

    public CaseGauges(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.registry = registry;
        for (CaseStatus status : CaseStatus.values()) {
            byStatus.put(status, new AtomicLong());
        }
    }

    void onStart(@Observes StartupEvent event) {
        byStatus.forEach((status, count) -> Gauge.builder("lianluo.cases", count, AtomicLong::get)
                .description("Cases by status").tag("status", status.name()).register(registry));
        Gauge.builder("lianluo.cases.overdue", overdue, AtomicLong::get)
                .description("Cases with a stage past its due time (超期)").register(registry);
    }

    @Scheduled(every = "${lianluo.cases.gauges-every:60s}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(this::read);
        } catch (RuntimeException e) {
            LOG.debugf("case gauges not refreshed: %s", e.getMessage());
        }
    }

    private void read() {
        Object[] finished = (Object[]) em.createNativeQuery("SELECT coalesce(sum(closed), 0), coalesce(sum(merged), 0) FROM "
                + CaseTally.ROWS + " t").getSingleResult();
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        counts.put(CaseStatus.CLOSED, ((Number) finished[0]).longValue());
        counts.put(CaseStatus.MERGED, ((Number) finished[1]).longValue());
        @SuppressWarnings("unchecked")
        List<Object[]> open = em.createNativeQuery("SELECT status, count(*) FROM citizen_case "
                + "WHERE status NOT IN ('CLOSED', 'MERGED') GROUP BY status").getResultList();
        for (Object[] row : open) {
            counts.put(CaseStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        byStatus.forEach((status, count) -> count.set(counts.getOrDefault(status, 0L)));
        overdue.set(((Number) em.createNativeQuery(
                "SELECT count(DISTINCT case_id) FROM case_deadline WHERE met_at IS NULL AND due_at <= now()")
                .getSingleResult()).longValue());
    }
}
