package cn.lianluo.notification.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Deletes what is old and final, a chunk per statement (the caller repeats each until less than a chunk is left, one
 * transaction per chunk): messages with their attempts and inbox reads, webhook events with their deliveries and
 * attempts, the daily SMS counts.
 */
@ApplicationScoped
public class Retention {

    private final EntityManager em;

    public Retention(EntityManager em) {
        this.em = em;
    }

    /** Final messages written before {@code before}; their attempts and inbox reads go with them (on delete cascade). */
    public int messages(Instant before, int chunk) {
        return em.createNativeQuery("""
                        DELETE FROM message WHERE id IN (
                            SELECT id FROM message WHERE created_at < :before
                                AND status IN ('SENT', 'LOG_ONLY', 'SKIPPED', 'FAILED') LIMIT :chunk)""")
                .setParameter("before", before).setParameter("chunk", chunk).executeUpdate();
    }

    /**
     * Webhook events matched before {@code before} none of whose deliveries is pending, with their deliveries. A replay
     * holds its events {@code FOR SHARE} until it commits: the events are first locked {@code FOR UPDATE SKIP LOCKED}
     * (one being replayed is skipped, and a replay that comes later waits for this transaction), then deleted by a
     * statement of their own, whose fresh snapshot sees a replay committed in between and keeps its event.
     */
    @SuppressWarnings("unchecked")
    public int webhookEvents(Instant before, int chunk) {
        List<Number> locked = em.createNativeQuery("""
                        SELECT e.id FROM webhook_event e WHERE e.matched_at < :before
                            AND NOT EXISTS (SELECT 1 FROM webhook_delivery d
                                            WHERE d.webhook_event_id = e.id AND d.status = 'PENDING')
                        LIMIT :chunk FOR UPDATE SKIP LOCKED""")
                .setParameter("before", before).setParameter("chunk", chunk).getResultList();
        if (locked.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("""
                        DELETE FROM webhook_event e WHERE e.id IN (:ids)
                            AND NOT EXISTS (SELECT 1 FROM webhook_delivery d
                                            WHERE d.webhook_event_id = e.id AND d.status = 'PENDING')""")
                .setParameter("ids", locked.stream().map(Number::longValue).toList()).executeUpdate();
    }

    /** The per-phone daily SMS counts of days before {@code before}. */
    public int smsDaily(LocalDate before, int chunk) {
        return em.createNativeQuery("""
                        DELETE FROM sms_daily WHERE (phone_hash, day) IN (
                            SELECT phone_hash, day FROM sms_daily WHERE day < :before LIMIT :chunk)""")
                .setParameter("before", before).setParameter("chunk", chunk).executeUpdate();
    }
}
