package cn.lianluo.notification.persistence;

import cn.lianluo.common.data.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@code message} and {@code message_attempt} tables, in SQL: the unique key and SKIP LOCKED do the work. */
@ApplicationScoped
public class Messages {

    /**
     * A message the rules decided on, before it is written; {@code expiresAt} (may be null) when it stops being of use
     * (a vote's close: not sent after it), {@code voteSessionId} the vote a deputy's vote message is about.
     */
    public record NewMessage(UUID eventId, String eventType, String rule, String recipient, String channel,
                             String regionCode, String subject, String template, String title, String body,
                             String params, String addressSealed, String addressMasked, boolean urgent,
                             String status, Instant notBefore, Instant at, Instant expiresAt, UUID voteSessionId) {

        /** A message that does not expire and is of no vote. */
        public NewMessage(UUID eventId, String eventType, String rule, String recipient, String channel,
                          String regionCode, String subject, String template, String title, String body,
                          String params, String addressSealed, String addressMasked, boolean urgent,
                          String status, Instant notBefore, Instant at) {
            this(eventId, eventType, rule, recipient, channel, regionCode, subject, template, title, body, params,
                    addressSealed, addressMasked, urgent, status, notBefore, at, null, null);
        }
    }

    /**
     * A message taken to be sent; {@code capReserved} once it took its place under the phone's daily cap;
     * {@code expiresAt} (null if never) the time after which it is not sent.
     */
    public record Due(UUID id, String recipient, String channel, String template, String title, String body,
                      String params, String addressSealed, boolean urgent, int attempts, boolean capReserved,
                      Instant expiresAt) {
    }

    /** A row of the message log. */
    public record Row(UUID id, UUID eventId, String eventType, String rule, String recipient, String channel,
                      String regionCode, String subject, String title, String body, String addressMasked,
                      boolean urgent, String status, Instant notBefore, int attempts, Instant createdAt, Instant sentAt) {
    }

    /** One attempt. */
    public record Attempt(UUID messageId, Instant at, String outcome, String provider, String code, String detail) {
    }

    private final EntityManager em;

    public Messages(EntityManager em) {
        this.em = em;
    }

    /** Writes the message unless the event already gave this recipient a message on this channel; its id if written. */
    public Optional<UUID> insert(NewMessage m) {
        UUID id = UUID.randomUUID();
        int written = em.createNativeQuery("""
                        INSERT INTO message (id, event_id, event_type, rule, recipient, channel, region_code, subject,
                            template, title, body, params, address_sealed, address_masked, urgent, status, not_before,
                            created_at, sent_at, expires_at, vote_session_id)
                        VALUES (:id, :event, :type, :rule, :recipient, :channel, :region, nullif(:subject, ''), :template, :title,
                            :body, nullif(:params, ''), nullif(:address, ''), nullif(:masked, ''), :urgent, :status, :notBefore, :at, CASE WHEN :status = 'SENT' THEN cast(:sentAt as timestamptz) END,
                            CASE WHEN :expires THEN cast(:expiresAt as timestamptz) END, cast(nullif(:voteSession, '') as uuid))
                        ON CONFLICT (event_id, recipient, channel) DO NOTHING""")
                .setParameter("id", id).setParameter("event", m.eventId()).setParameter("type", m.eventType())
                .setParameter("rule", m.rule()).setParameter("recipient", m.recipient()).setParameter("channel", m.channel())
                .setParameter("region", m.regionCode()).setParameter("subject", orEmpty(m.subject()))
                .setParameter("template", m.template()).setParameter("title", m.title()).setParameter("body", m.body())
                .setParameter("params", orEmpty(m.params())).setParameter("address", orEmpty(m.addressSealed()))
                .setParameter("masked", orEmpty(m.addressMasked())).setParameter("urgent", m.urgent())
                .setParameter("status", m.status()).setParameter("notBefore", m.notBefore()).setParameter("at", m.at())
                .setParameter("expires", m.expiresAt() != null)
                .setParameter("expiresAt", m.expiresAt() == null ? Instant.EPOCH : m.expiresAt())
                .setParameter("voteSession", m.voteSessionId() == null ? "" : m.voteSessionId().toString())
                // an inbox entry due later (a vote's reminder) counts as sent when it is due, the time it shows
                .setParameter("sentAt", !"SENT".equals(m.status()) ? Instant.EPOCH
                        : m.notBefore().isAfter(m.at()) ? m.notBefore() : m.at())
                .executeUpdate();
        return written == 1 ? Optional.of(id) : Optional.empty();
    }

    /**
     * The recipient's messages of {@code rule} still PENDING, SKIPPED now with an attempt saying {@code outcome} and why:
     * a reminder whose reason went away (the appointment cancelled) before it was due. A message already taken to be
     * sent (SENDING) is left to finish. The ids of the messages skipped.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> skipPending(String recipient, String rule, Instant at, String outcome, String detail) {
        List<UUID> ids = em.createNativeQuery("""
                        UPDATE message SET status = 'SKIPPED'
                        WHERE recipient = :recipient AND rule = :rule AND status = 'PENDING'
                        RETURNING id""")
                .setParameter("recipient", recipient).setParameter("rule", rule).getResultList();
        for (UUID id : ids) {
            attempt(new Attempt(id, at, outcome, null, null, detail));
        }
        return ids;
    }

    /**
     * The deputies (recipient keys) told in their inbox that a vote of the region and year opened by a message keyed
     * by a project's event, as releases before the messages knew their vote wrote it: most likely the vote under way
     * now, told before the upgrade.
     */
    @SuppressWarnings("unchecked")
    public Set<String> toldOfVoteBeforeKeyedByIt(String regionCode, int year) {
        List<String> recipients = em.createNativeQuery("""
                        SELECT DISTINCT recipient FROM message
                        WHERE rule = 'deputy-vote-opened' AND vote_session_id IS NULL AND region_code = :region
                          AND channel = 'INBOX' AND status = 'SENT' AND cast(params as jsonb) ->> 'year' = :year""")
                .setParameter("region", regionCode).setParameter("year", Integer.toString(year)).getResultList();
        return Set.copyOf(recipients);
    }

    /**
     * Takes the next due message no other replica holds ({@code FOR UPDATE SKIP LOCKED}) and marks it SENDING; commit
     * right after, then send it. One at a time: a replica that stops between two messages leaves the rest PENDING.
     */
    @SuppressWarnings("unchecked")
    public Optional<Due> takeOne(Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                        UPDATE message SET status = 'SENDING', taken_at = :now
                        WHERE id = (SELECT id FROM message WHERE status = 'PENDING' AND not_before <= :now
                                    ORDER BY not_before LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, recipient, channel, template, title, body, params, address_sealed, urgent, attempts,
                            cap_reserved, expires_at""")
                .setParameter("now", now).getResultList();
        return rows.stream().findFirst().map(r -> new Due((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (Boolean) r[8], ((Number) r[9]).intValue(),
                (Boolean) r[10], SqlValues.instant(r[11])));
    }

    /** Records that the message took its place under the phone's daily cap: its later attempts take none. */
    public void capReserved(UUID id) {
        em.createNativeQuery("UPDATE message SET cap_reserved = true WHERE id = :id").setParameter("id", id).executeUpdate();
    }

    /**
     * The message's new status after an attempt; {@code counted} when the provider or the mail server was called.
     * Only a message still SENDING changes: one a later pass found left over and FAILED "interrupted" stays FAILED.
     * Answers whether it changed.
     */
    public boolean finish(UUID id, String status, Instant notBefore, boolean counted, Instant at) {
        var query = em.createNativeQuery("""
                        UPDATE message SET status = :status, attempts = attempts + :counted, taken_at = null"""
                        + (notBefore == null ? "" : ", not_before = :notBefore")
                        + ("SENT".equals(status) ? ", sent_at = :at" : "") + " WHERE id = :id AND status = 'SENDING'")
                .setParameter("status", status).setParameter("counted", counted ? 1 : 0).setParameter("id", id);
        if (notBefore != null) {
            query.setParameter("notBefore", notBefore);
        }
        if ("SENT".equals(status)) {
            query.setParameter("at", at);
        }
        return query.executeUpdate() == 1;
    }

    /**
     * Back to PENDING until {@code notBefore} without counting an attempt, its place under the daily cap given up (the
     * provider's hour or day limit: the message takes a place again when it is tried). Only a message still SENDING;
     * answers whether it changed.
     */
    public boolean putOff(UUID id, Instant notBefore) {
        return em.createNativeQuery("""
                        UPDATE message SET status = 'PENDING', not_before = :notBefore, taken_at = null,
                            cap_reserved = false
                        WHERE id = :id AND status = 'SENDING'""")
                .setParameter("notBefore", notBefore).setParameter("id", id).executeUpdate() == 1;
    }

    public void attempt(Attempt a) {
        em.createNativeQuery("""
                        INSERT INTO message_attempt (message_id, at, outcome, provider, code, detail)
                        VALUES (:id, :at, :outcome, nullif(:provider, ''), nullif(:code, ''), nullif(:detail, ''))""")
                .setParameter("id", a.messageId()).setParameter("at", a.at()).setParameter("outcome", a.outcome())
                .setParameter("provider", orEmpty(a.provider())).setParameter("code", orEmpty(a.code()))
                .setParameter("detail", a.detail() == null ? "" : a.detail().substring(0, Math.min(500, a.detail().length())))
                .executeUpdate();
    }

    /** Messages a replica took and never finished: FAILED, with an attempt saying so; how many. */
    @SuppressWarnings("unchecked")
    public int failInterrupted(Instant takenBefore, Instant now) {
        List<UUID> ids = em.createNativeQuery("""
                        UPDATE message SET status = 'FAILED', taken_at = null
                        WHERE status = 'SENDING' AND taken_at < :before RETURNING id""")
                .setParameter("before", takenBefore).getResultList();
        for (UUID id : ids) {
            attempt(new Attempt(id, now, "GIVE_UP", null, "INTERRUPTED",
                    "interrupted: taken to be sent and never finished; not sent again"));
        }
        return ids.size();
    }

    /** The message log, newest first, within a region, optionally one recipient's or one case's. */
    @SuppressWarnings("unchecked")
    public List<Row> list(String regionPrefix, String recipient, String subject, int offset, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, event_id, event_type, rule, recipient, channel, region_code, subject, title, body,
                            address_masked, urgent, status, not_before, attempts, created_at, sent_at
                        FROM message WHERE region_code LIKE :region
                            AND (:recipient = '' OR recipient = :recipient)
                            AND (:subject = '' OR subject = :subject)
                        ORDER BY created_at DESC, id OFFSET :offset LIMIT :limit""")
                .setParameter("region", regionPrefix + "%").setParameter("recipient", recipient == null ? "" : recipient)
                .setParameter("subject", subject == null ? "" : subject).setParameter("offset", offset).setParameter("limit", limit)
                .getResultList();
        List<Row> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Row((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10], (Boolean) r[11],
                    (String) r[12], SqlValues.instant(r[13]), ((Number) r[14]).intValue(), SqlValues.instant(r[15]), SqlValues.instant(r[16])));
        }
        return out;
    }

    public long count(String regionPrefix, String recipient, String subject) {
        return ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM message WHERE region_code LIKE :region
                            AND (:recipient = '' OR recipient = :recipient)
                            AND (:subject = '' OR subject = :subject)""")
                .setParameter("region", regionPrefix + "%").setParameter("recipient", recipient == null ? "" : recipient)
                .setParameter("subject", subject == null ? "" : subject).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    public List<Attempt> attempts(List<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT message_id, at, outcome, provider, code, detail FROM message_attempt
                        WHERE message_id IN (:ids) ORDER BY at, id""")
                .setParameter("ids", messageIds).getResultList();
        List<Attempt> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Attempt((UUID) r[0], SqlValues.instant(r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5]));
        }
        return out;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
