package cn.lianluo.notification.persistence;

import cn.lianluo.common.data.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The inbox's reads of table {@code message} (its INBOX rows that were put in the inbox) and its writes of
 * {@code inbox_read}. Whose entries are whose is an {@link Owner}; every query is filtered by it.
 */
@ApplicationScoped
public class InboxRepository {

    /**
     * Whose inbox: the account (its {@code sub}), the recipient keys that are its own ({@code unit:…},
     * {@code deputy:…}) and, for station staff, the region whose stations' entries it reads (null for none).
     */
    public record Owner(String account, List<String> recipients, String stationRegion) {
        public boolean hasAny() {
            return !recipients.isEmpty() || stationRegion != null;
        }
    }

    public record Row(UUID id, String eventType, String subject, String regionCode, String recipient, String title,
                      String body, Instant createdAt, Instant readAt) {
    }

    private final EntityManager em;

    public InboxRepository(EntityManager em) {
        this.em = em;
    }

    public List<Row> page(Owner owner, boolean unreadOnly, int page, int size) {
        // an entry written to be due later shows from then, as of then
        Query query = em.createNativeQuery("SELECT m.id, m.event_type, m.subject, m.region_code, m.recipient, m.title, "
                + "m.body, greatest(m.created_at, m.not_before) AS shown_at, r.read_at FROM message m "
                + "LEFT JOIN inbox_read r ON r.message_id = m.id AND r.account = :account WHERE " + mine(owner)
                + (unreadOnly ? " AND r.read_at IS NULL" : "") + " ORDER BY shown_at DESC, m.id DESC");
        bind(query, owner).setParameter("account", owner.account()).setFirstResult(page * size).setMaxResults(size);
        List<Row> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            rows.add(new Row((UUID) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4], (String) c[5],
                    (String) c[6], SqlValues.instant(c[7]), SqlValues.instant(c[8])));
        }
        return rows;
    }

    public long count(Owner owner, boolean unreadOnly) {
        Query query = em.createNativeQuery("SELECT count(*) FROM message m WHERE " + mine(owner)
                + (unreadOnly ? " AND NOT EXISTS (SELECT 1 FROM inbox_read r WHERE r.message_id = m.id "
                + "AND r.account = :account)" : ""));
        bind(query, owner);
        if (unreadOnly) {
            query.setParameter("account", owner.account());
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Whether the message is one of the owner's entries. */
    public boolean isMine(Owner owner, UUID id) {
        Query query = em.createNativeQuery("SELECT 1 FROM message m WHERE m.id = :id AND " + mine(owner));
        bind(query, owner).setParameter("id", id);
        return !query.getResultList().isEmpty();
    }

    /** Marks one entry read for the account (a second mark keeps the first time). */
    public void markRead(String account, UUID id, Instant at) {
        em.createNativeQuery("INSERT INTO inbox_read (account, message_id, read_at) VALUES (:account, :id, :at) "
                        + "ON CONFLICT DO NOTHING").setParameter("account", account).setParameter("id", id)
                .setParameter("at", at).executeUpdate();
    }

    /** Marks every unread entry of the owner read; how many it marked. */
    public int markAllRead(Owner owner, Instant at) {
        Query query = em.createNativeQuery("INSERT INTO inbox_read (account, message_id, read_at) "
                + "SELECT :account, m.id, :at FROM message m WHERE " + mine(owner) + " ON CONFLICT DO NOTHING");
        bind(query, owner).setParameter("account", owner.account()).setParameter("at", at);
        return query.executeUpdate();
    }

    /**
     * The owner's entries: INBOX messages put in the inbox, addressed to one of its recipients or its stations, and
     * due (a reminder written ahead, such as a vote's closing tomorrow, is not there before its {@code not_before}).
     */
    private static String mine(Owner owner) {
        List<String> alternatives = new ArrayList<>();
        if (!owner.recipients().isEmpty()) {
            alternatives.add("m.recipient IN (:recipients)");
        }
        if (owner.stationRegion() != null) {
            alternatives.add("(m.recipient LIKE 'station:%' AND m.region_code LIKE :stationRegion)");
        }
        String whose = alternatives.isEmpty() ? "FALSE" : "(" + String.join(" OR ", alternatives) + ")";
        return "m.channel = 'INBOX' AND m.status = 'SENT' AND m.not_before <= now() AND " + whose;
    }

    private static Query bind(Query query, Owner owner) {
        if (!owner.recipients().isEmpty()) {
            query.setParameter("recipients", owner.recipients());
        }
        if (owner.stationRegion() != null) {
            query.setParameter("stationRegion", owner.stationRegion() + "%");
        }
        return query;
    }
}
