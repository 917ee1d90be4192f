package cn.lianluo.notification.service;

import cn.lianluo.common.data.TransientFailures;
import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.inbox.Inbox;
import cn.lianluo.common.outbox.ProcessedEvents;
import cn.lianluo.notification.domain.WebhookRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Takes each event for the webhooks: claims it under a consumer name of its own, so the rules and the webhooks each
 * take an event once whatever the other did, and writes the envelope and one delivery per matching subscription
 * (active or paused) in the claiming transaction.
 */
@ApplicationScoped
public class WebhookIntake {

    /** The consumer's name in the processed-events log. */
    public static final String CONSUMER = "webhooks";

    private final ProcessedEvents processed;
    private final EntityManager em;
    private final ObjectMapper mapper;

    public WebhookIntake(ProcessedEvents processed, EntityManager em, ObjectMapper mapper) {
        this.processed = processed;
        this.em = em;
        this.mapper = mapper;
    }

    /** The envelope as received and the event read from it; in a transaction of its own, retried when refused a moment. */
    public void take(String envelope, IncomingEvent event) {
        TransientFailures.inNewTransaction(Inbox.ATTEMPTS, () -> takeInTransaction(envelope, event));
    }

    private void takeInTransaction(String envelope, IncomingEvent event) {
        if (!processed.firstTime(CONSUMER, event.id())) {
            return;
        }
        JsonNode tree = outgoing(envelope);
        String region = tree.path("regioncode").isTextual() ? tree.path("regioncode").asText() : null;
        if (region == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> subscriptions = em.createNativeQuery("""
                        SELECT id, event_types, region_prefix FROM webhook_subscription
                        WHERE ?1 LIKE region_prefix || '%'""")
                .setParameter(1, region).getResultList();
        List<UUID> matching = subscriptions.stream()
                .filter(s -> WebhookRules.matches(Arrays.asList(((String) s[1]).split(" ")), (String) s[2], event.type(), region))
                .map(s -> (UUID) s[0]).toList();
        if (matching.isEmpty()) {
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IncomingEvent.Unreadable("the envelope cannot be written back: " + e.getMessage());
        }
        String subject = tree.path("subject").isTextual() ? tree.path("subject").asText() : null;
        Instant now = Instant.now();
        for (UUID subscription : matching) {
            em.createNativeQuery("""
                            WITH e AS (
                                INSERT INTO webhook_event (subscription_id, event_id, event_type, subject, region_code,
                                                           event_time, envelope, matched_at)
                                VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING RETURNING id)
                            INSERT INTO webhook_delivery (subscription_id, webhook_event_id, subject, status, reason,
                                                          not_before, created_at)
                            SELECT ?1, e.id, NULLIF(?4, ''), 'PENDING', 'EVENT', ?8, ?8 FROM e""")
                    .setParameter(1, subscription).setParameter(2, event.id()).setParameter(3, event.type())
                    .setParameter(4, subject == null ? "" : subject).setParameter(5, region).setParameter(6, event.time())
                    .setParameter(7, body).setParameter(8, now)
                    .executeUpdate();
        }
    }

    /**
     * The envelope as it may leave the platform: without {@code data.citizen.sealed} (the citizen's phone and tracking
     * code, sealed for this service alone).
     */
    JsonNode outgoing(String envelope) {
        JsonNode tree;
        try {
            tree = mapper.readTree(envelope);
        } catch (JsonProcessingException e) {
            throw new IncomingEvent.Unreadable("not JSON: " + e.getMessage());
        }
        if (tree.path("data").path("citizen") instanceof ObjectNode citizen) {
            citizen.remove("sealed");
        }
        return tree;
    }
}
