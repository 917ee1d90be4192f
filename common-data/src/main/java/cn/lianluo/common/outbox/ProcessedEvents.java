package cn.lianluo.common.outbox;

import cn.lianluo.common.data.BatchDeletes;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * The idempotent-consumer log. Call {@link #firstTime} first, inside the transaction that applies the
 * event's effect: the insert either claims the event or finds it already applied (a concurrent
 * duplicate waits on the key and then finds it), so a redelivered event changes nothing. Consumers reach it through
 * {@link cn.lianluo.common.inbox.Inbox}, which claims before it hands the event to a handler. Ids older than
 * {@link EventsConfig#keepProcessed()} are deleted every hour: by then no topic can deliver the event again.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    private final EntityManager em;
    private final EventsConfig config;

    public ProcessedEvents(EntityManager em, EventsConfig config) {
        this.em = em;
        this.config = config;
    }

    /** @return true when this consumer has not applied the event before (and now has claimed it) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        int inserted = em.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }

    @Scheduled(every = "1h", delayed = "20m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneTick() {
        int deleted = prune(Instant.now().minus(config.keepProcessed()));
        if (deleted > 0) {
            LOG.infof("processed events: %d ids applied more than %s ago deleted", deleted, config.keepProcessed());
        }
    }

    /** Deletes the ids applied before {@code before}, a batch per transaction; returns how many went. */
    public int prune(Instant before) {
        return BatchDeletes.olderThan(em, """
                DELETE FROM processed_event WHERE (consumer, event_id) IN (
                    SELECT consumer, event_id FROM processed_event WHERE processed_at < ?1
                    LIMIT ?2 FOR UPDATE SKIP LOCKED)""", before);
    }
}
