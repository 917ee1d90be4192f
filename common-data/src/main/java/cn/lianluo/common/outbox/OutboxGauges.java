package cn.lianluo.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * How far the outbox is behind: {@code lianluo_outbox_pending} (rows not yet sent) and
 * {@code lianluo_outbox_oldest_age_seconds} (how long the oldest of them has waited; 0 when none). Both come from the
 * partial index of unsent rows ({@code outbox_pending}), read every few seconds rather than on each scrape, so a scrape
 * never waits on the database; the age goes on growing between two reads.
 */
@ApplicationScoped
public class OutboxGauges {

    private static final Logger LOG = Logger.getLogger(OutboxGauges.class);

    private final EntityManager em;
    private final MeterRegistry registry;
    private volatile long pending;
    private volatile Instant oldest;

    public OutboxGauges(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("lianluo.outbox.pending", this, g -> g.pending)
                .description("Outbox rows not yet sent to Kafka").register(registry);
        Gauge.builder("lianluo.outbox.oldest.age.seconds", this, OutboxGauges::oldestAgeSeconds)
                .description("Seconds the oldest unsent outbox row has waited (0 when none)").register(registry);
    }

    @Scheduled(every = "${lianluo.events.gauges-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                    SELECT count(*), (SELECT created_at FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT 1)
                    FROM outbox WHERE sent_at IS NULL""").getSingleResult());
            pending = ((Number) row[0]).longValue();
            oldest = row[1] == null ? null : toInstant(row[1]);
        } catch (RuntimeException e) {
            LOG.debugf("outbox gauges not refreshed: %s", e.getMessage());
        }
    }

    private double oldestAgeSeconds() {
        Instant since = oldest;
        return since == null ? 0 : Math.max(0, Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
