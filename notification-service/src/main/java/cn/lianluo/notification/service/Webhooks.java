package cn.lianluo.notification.service;

import cn.lianluo.common.data.SqlValues;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.events.contract.DeputyEvents;
import cn.lianluo.common.events.contract.ScoringEvents;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.InvalidRegionCodeException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.notification.domain.WebhookRules;
import cn.lianluo.notification.service.WebhookDtos.DeadLetter;
import cn.lianluo.notification.service.WebhookDtos.Replayed;
import cn.lianluo.notification.service.WebhookDtos.Webhook;
import cn.lianluo.notification.service.WebhookDtos.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The webhook subscriptions, managed by ADMIN and SUPERVISOR within their region (the resource checks the role, this
 * the region): make, list, pause, resume, delete; replay from a time; the dead letters and their replay.
 */
@ApplicationScoped
public class Webhooks {

    /** The event types a subscription may name: those of the topics this service reads. */
    static final Set<String> KNOWN_TYPES = Stream.of(CaseEvents.CONTRACT, DeputyEvents.CONTRACT, ScoringEvents.CONTRACT)
            .flatMap(c -> c.types().stream()).collect(Collectors.toUnmodifiableSet());

    private static final String COLUMNS = """
            s.id, s.url, s.event_types, s.region_prefix, s.status, s.created_by, s.created_at, s.updated_at,
            (SELECT count(*) FROM webhook_delivery d WHERE d.subscription_id = s.id AND d.status = 'PENDING'),
            (SELECT count(*) FROM webhook_delivery d WHERE d.subscription_id = s.id AND d.status = 'DEAD')""";

    private final EntityManager em;
    private final UrlPolicy urls;
    private final WebhookSecrets secrets;

    public Webhooks(EntityManager em, UrlPolicy urls, WebhookSecrets secrets) {
        this.em = em;
        this.urls = urls;
        this.secrets = secrets;
    }

    @Transactional
    public Webhook create(WebhookRequest request, Caller caller) {
        if (request == null) {
            throw ProblemException.invalid("body", "a subscription is required");
        }
        List<FieldError> errors = new ArrayList<>();
        RegionCode region = null;
        if (request.regionPrefix() == null || request.regionPrefix().isBlank()) {
            errors.add(new FieldError("regionPrefix", "is required"));
        } else {
            try {
                region = RegionCode.of(request.regionPrefix());
            } catch (InvalidRegionCodeException e) {
                errors.add(new FieldError("regionPrefix", e.getMessage()));
            }
        }
        List<String> types = request.eventTypes() == null ? List.of()
                : request.eventTypes().stream().map(t -> t == null ? "" : t.strip()).distinct().toList();
        if (types.isEmpty()) {
            errors.add(new FieldError("eventTypes", "name at least one event type"));
        }
        for (String type : types) {
            if (KNOWN_TYPES.stream().noneMatch(known -> WebhookRules.typeMatches(type, known))
                    || (type.endsWith("*") && !type.startsWith("lianluo."))) {
                errors.add(new FieldError("eventTypes", "'" + type + "' is no event type of case.events, deputy.events "
                        + "or scoring.events (nor a prefix of one ending in *)"));
            }
        }
        if (types.size() > 100) {
            errors.add(new FieldError("eventTypes", "at most 100 types or patterns"));
        }
        String secret = request.secret();
        if (secret == null || secret.length() < 16 || secret.length() > 256) {
            errors.add(new FieldError("secret", "16 to 256 characters"));
        }
        if (request.url() == null || request.url().isBlank()) {
            errors.add(new FieldError("url", "is required"));
        } else if (request.url().length() > 2000) {
            errors.add(new FieldError("url", "at most 2000 characters"));
        } else {
            urls.refusal(request.url().strip()).ifPresent(why -> errors.add(new FieldError("url", why)));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request 请求参数有误", errors.stream()
                    .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        caller.requireWithin(region);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        em.createNativeQuery("""
                        INSERT INTO webhook_subscription (id, url, event_types, region_prefix, secret_sealed, status,
                                                          created_by, created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, 'ACTIVE', ?6, ?7, ?7)""")
                .setParameter(1, id).setParameter(2, request.url().strip()).setParameter(3, String.join(" ", types))
                .setParameter(4, region.value()).setParameter(5, secrets.seal(secret))
                .setParameter(6, caller.subject()).setParameter(7, now)
                .executeUpdate();
        return get(id, caller);
    }

    /** The subscriptions whose region lies inside the caller's, newest first. */
    @Transactional
    public List<Webhook> list(Caller caller) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + """
                         FROM webhook_subscription s WHERE s.region_prefix LIKE ?1 ORDER BY s.created_at DESC, s.id""")
                .setParameter(1, caller.region().likePattern())
                .getResultList();
        return rows.stream().map(Webhooks::webhook).toList();
    }

    @Transactional
    public Webhook get(UUID id, Caller caller) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM webhook_subscription s WHERE s.id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("webhook", id);
        }
        Webhook webhook = webhook(rows.get(0));
        caller.requireWithin(RegionCode.of(webhook.regionPrefix()));
        return webhook;
    }

    @Transactional
    public void delete(UUID id, Caller caller) {
        get(id, caller);
        em.createNativeQuery("DELETE FROM webhook_subscription WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    /** Pauses (nothing is sent; what matches meanwhile waits) or resumes (it is sent, in order) a subscription. */
    @Transactional
    public Webhook setPaused(UUID id, boolean paused, Caller caller) {
        get(id, caller);
        em.createNativeQuery("UPDATE webhook_subscription SET status = ?2, updated_at = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, paused ? "PAUSED" : "ACTIVE").setParameter(3, Instant.now())
                .executeUpdate();
        return get(id, caller);
    }

    /**
     * Queues a new delivery of every event the subscription matched whose time is at or after {@code from}. The events
     * are read {@code FOR SHARE}: the retention job skips an event locked so, and sees the new delivery once this commits
     * (it deletes no event with a delivery still pending), so a replayed event is not deleted under its delivery.
     */
    @Transactional
    public Replayed replay(UUID id, OffsetDateTime from, Caller caller) {
        if (from == null) {
            throw ProblemException.invalid("from", "is required: the time to replay from (ISO 8601)");
        }
        get(id, caller);
        int queued = em.createNativeQuery("""
                        INSERT INTO webhook_delivery (subscription_id, webhook_event_id, subject, status, reason,
                                                      not_before, created_at)
                        SELECT e.subscription_id, e.id, e.subject, 'PENDING', 'REPLAY', now(), now()
                        FROM webhook_event e WHERE e.subscription_id = ?1 AND e.event_time >= ?2
                        ORDER BY e.id FOR SHARE""")
                .setParameter(1, id).setParameter(2, from.toInstant())
                .executeUpdate();
        return new Replayed(queued);
    }

    @Transactional
    public List<DeadLetter> deadLetters(UUID id, Caller caller) {
        get(id, caller);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT d.id, e.event_id, e.event_type, e.subject, d.attempts, d.first_attempt_at,
                               d.last_attempt_at, d.last_status, d.last_error
                        FROM webhook_delivery d JOIN webhook_event e ON e.id = d.webhook_event_id
                        WHERE d.subscription_id = ?1 AND d.status = 'DEAD' ORDER BY d.id LIMIT 1000""")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new DeadLetter(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2],
                (String) r[3], ((Number) r[4]).intValue(), SqlValues.instant(r[5]), SqlValues.instant(r[6]),
                r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8])).toList();
    }

    /**
     * Gives dead letters (all of the subscription's, or one) a fresh 24 h of retries from now. They are sent after
     * what is still pending before them for the same case; later events of that case may have been delivered already.
     * Their events are locked {@code FOR SHARE} first, as {@link #replay} does, so retention cannot delete them (and the
     * deliveries with them) before the deliveries are pending again.
     */
    @Transactional
    public Replayed replayDeadLetters(UUID id, Long deliveryId, Caller caller) {
        get(id, caller);
        long only = deliveryId == null ? -1L : deliveryId;
        em.createNativeQuery("""
                        SELECT e.id FROM webhook_event e
                        WHERE e.id IN (SELECT d.webhook_event_id FROM webhook_delivery d
                                       WHERE d.subscription_id = ?1 AND d.status = 'DEAD' AND (?2 = -1 OR d.id = ?2))
                        FOR SHARE""")
                .setParameter(1, id).setParameter(2, only).getResultList();
        int replayed = em.createNativeQuery("""
                        UPDATE webhook_delivery SET status = 'PENDING', not_before = now(), first_attempt_at = NULL
                        WHERE subscription_id = ?1 AND status = 'DEAD' AND (?2 = -1 OR id = ?2)""")
                .setParameter(1, id).setParameter(2, only)
                .executeUpdate();
        if (deliveryId != null && replayed == 0) {
            throw ProblemException.notFound("dead letter", deliveryId);
        }
        return new Replayed(replayed);
    }

    private static Webhook webhook(Object[] r) {
        return new Webhook((UUID) r[0], (String) r[1], Arrays.asList(((String) r[2]).split(" ")), (String) r[3],
                (String) r[4], (String) r[5], SqlValues.instant(r[6]), SqlValues.instant(r[7]),
                ((Number) r[8]).longValue(), ((Number) r[9]).longValue());
    }
}
