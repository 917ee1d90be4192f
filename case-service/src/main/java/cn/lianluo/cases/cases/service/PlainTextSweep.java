package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.config.PrivacyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Seals the citizens still stored in plain text — rows of an earlier version, and rows bulk SQL writes straight into
 * the table ({@code ./suite seed}'s {@code bench/seed/cases.sql}) — and, once after each start, re-seals the rows under a
 * previous key (key rotation). It runs in the background a few seconds after start and every
 * {@code lianluo.privacy.sweep-every} (30 s), in batches of its own transactions that walk the table by id; rows are
 * claimed {@code FOR UPDATE SKIP LOCKED}, so replicas share the work and running it twice changes nothing. Reading
 * does not wait for it: a row not sealed yet reads as it is.
 */
@ApplicationScoped
public class PlainTextSweep {

    private static final Logger LOG = Logger.getLogger(PlainTextSweep.class);
    private static final String PLAIN = "(citizen_phone IS NOT NULL OR citizen_name IS NOT NULL)";

    private final EntityManager em;
    private final CitizenCipher cipher;
    private final TrackingGuard guard;
    private final int batch;
    private volatile boolean rotated;

    public PlainTextSweep(EntityManager em, CitizenCipher cipher, TrackingGuard guard, PrivacyConfig config) {
        this.em = em;
        this.cipher = cipher;
        this.guard = guard;
        this.batch = Math.max(1, config.sweepBatch());
    }

    @Scheduled(every = "${lianluo.privacy.sweep-every:30s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void tick() {
        try {
            int plain = sweep(PLAIN);
            if (plain > 0) {
                LOG.infof("sealed the citizens of %d cases stored in plain text", plain);
            }
            // the re-sealing pass reads every case once: only when previous keys are configured, and once a start even if
            // it fails (a row under a key no longer configured cannot be opened; a full scan every tick would not help)
            if (!rotated && cipher.rotating()) {
                rotated = true;
                int stale = sweep("(citizen_phone_sealed NOT LIKE '" + cipher.keyId() + ":%' OR citizen_name_sealed NOT LIKE '"
                        + cipher.keyId() + ":%' OR citizen_phone_hash NOT LIKE '" + cipher.hashKeyId() + ":%')");
                if (stale > 0) {
                    LOG.infof("re-sealed the citizens of %d cases under key %s and hash key %s", stale, cipher.keyId(), cipher.hashKeyId());
                }
            }
            int projects = QuarkusTransaction.requiringNew().call(this::projects);
            if (projects > 0) {
                LOG.infof("sealed the proposers and evaluators of %d livelihood-project rows stored in plain text", projects);
            }
            guard.forgetExpired();
        } catch (RuntimeException e) {
            LOG.warnf(e, "sealing citizens' data failed; it runs again on the next tick");
        }
    }

    /** Seals every row the condition selects; returns how many. */
    int sweep(String condition) {
        int total = 0;
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes: this is the least
        while (true) {
            UUID from = after;
            Object[] done = QuarkusTransaction.requiringNew().call(() -> batch(condition, from));
            int n = (Integer) done[0];
            total += n;
            if (done[1] == null) {
                return total;
            }
            after = (UUID) done[1];
        }
    }

    /** One batch: {count sealed, the last id seen (null at the end)}. */
    private Object[] batch(String condition, UUID after) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, citizen_name, citizen_phone, citizen_name_sealed, citizen_phone_sealed, "
                        + "citizen_phone_hash FROM citizen_case WHERE " + condition + " AND id > ?1 ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, after).setParameter(2, batch).getResultList();
        if (rows.isEmpty()) {
            return new Object[]{0, null};
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(CAST(?").append(4 * i + 1).append(" AS uuid), ?").append(4 * i + 2)
                    .append(", ?").append(4 * i + 3).append(", ?").append(4 * i + 4).append(")");
        }
        Query update = em.createNativeQuery("UPDATE citizen_case c SET citizen_name = NULL, citizen_phone = NULL, "
                + "citizen_name_sealed = v.name, citizen_phone_sealed = v.phone, citizen_phone_hash = v.hash "
                + "FROM (VALUES " + values + ") AS v(id, name, phone, hash) WHERE c.id = v.id");
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            CaseEntity c = new CaseEntity();
            c.citizenName = (String) r[1];
            c.citizenPhone = (String) r[2];
            c.citizenNameSealed = (String) r[3];
            c.citizenPhoneSealed = (String) r[4];
            c.citizenPhoneHash = (String) r[5];
            CitizenCipher.Citizen citizen = cipher.open(c);
            CaseEntity sealed = new CaseEntity();
            cipher.seal(sealed, citizen.name(), citizen.phone());
            update.setParameter(4 * i + 1, r[0].toString()).setParameter(4 * i + 2, text(sealed.citizenNameSealed))
                    .setParameter(4 * i + 3, text(sealed.citizenPhoneSealed)).setParameter(4 * i + 4, text(sealed.citizenPhoneHash));
        }
        update.executeUpdate();
        return new Object[]{rows.size(), rows.size() < batch ? null : (UUID) rows.get(rows.size() - 1)[0]};
    }

    /**
     * Livelihood projects' proposers (sealed) and citizens' evaluations (the phone kept as its keyed hash) of an
     * earlier version; projects are few, so one transaction does them.
     */
    private int projects() {
        int n = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> proposers = em.createNativeQuery("SELECT id, proposer_name, proposer_phone FROM livelihood_project "
                + "WHERE proposer_phone IS NOT NULL AND proposer_phone NOT LIKE '%:%' FOR UPDATE SKIP LOCKED").getResultList();
        for (Object[] r : proposers) {
            n += em.createNativeQuery("UPDATE livelihood_project SET proposer_name = ?2, proposer_phone = ?3 WHERE id = ?1")
                    .setParameter(1, r[0]).setParameter(2, r[1] == null ? "" : cipher.seal((String) r[1], "proposer_name"))
                    .setParameter(3, cipher.seal((String) r[2], "proposer_phone")).executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> evaluations = em.createNativeQuery("SELECT id, by_phone FROM project_evaluation "
                + "WHERE by_phone IS NOT NULL AND by_phone NOT LIKE '%:%' FOR UPDATE SKIP LOCKED").getResultList();
        for (Object[] r : evaluations) {
            // a plain row whose phone has evaluated again since (as a hash) is the duplicate: it keeps its rating, not the phone
            n += em.createNativeQuery("UPDATE project_evaluation e SET by_phone = CASE WHEN EXISTS (SELECT 1 FROM project_evaluation o "
                            + "WHERE o.project_id = e.project_id AND o.by_phone = ?2) THEN NULL ELSE ?2 END WHERE id = ?1")
                    .setParameter(1, r[0]).setParameter(2, cipher.phoneHash((String) r[1])).executeUpdate();
        }
        return n;
    }

    /** A null would leave the VALUES column untyped; a row's citizen always has a name and a phone. */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
