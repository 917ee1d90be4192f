package cn.lianluo.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The idempotent-consumer log. Call {@link #firstTime} first, inside the transaction that applies the
 * event's effect: the insert either claims the event or finds it already applied (a concurrent
 * duplicate waits on the key and then finds it), so a redelivered event changes nothing. Consumers reach it through
 * {@link cn.lianluo.common.inbox.Inbox}, which claims before it hands the event to a handler.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
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
}
