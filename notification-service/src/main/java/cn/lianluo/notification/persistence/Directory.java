package cn.lianluo.notification.persistence;

import cn.lianluo.common.data.SqlValues;
import cn.lianluo.common.privacy.SealedContact.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's own records of whom it may reach: contacts of units, stations and deputies; the citizens' cases it
 * has seen, their opt-outs and daily SMS counts (by keyed phone hash); a copy of deputies' regions. A row stored
 * under a legacy hash (the sealing key's, before {@code lianluo.notify.hash-key}) is found by it and rewritten to the
 * current hash in the transaction that finds it.
 */
@ApplicationScoped
public class Directory {

    /** A contact as stored: the phone sealed and masked. */
    public record Contact(String kind, UUID id, String regionCode, String email, String phoneSealed, String phoneMasked,
                          Instant updatedAt) {
    }

    private final EntityManager em;

    public Directory(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public Optional<Contact> contact(String kind, UUID id) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT kind, id, region_code, email, phone_sealed, phone_masked, updated_at
                        FROM contact WHERE kind = :kind AND id = :id""")
                .setParameter("kind", kind).setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(r -> new Contact((String) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], SqlValues.instant(r[6])));
    }

    public void putContact(Contact c) {
        em.createNativeQuery("""
                        INSERT INTO contact (kind, id, region_code, email, phone_sealed, phone_masked, updated_at)
                        VALUES (:kind, :id, :region, nullif(:email, ''), nullif(:phone, ''), nullif(:masked, ''), :at)
                        ON CONFLICT (kind, id) DO UPDATE SET region_code = excluded.region_code, email = excluded.email,
                            phone_sealed = excluded.phone_sealed, phone_masked = excluded.phone_masked,
                            updated_at = excluded.updated_at""")
                .setParameter("kind", c.kind()).setParameter("id", c.id()).setParameter("region", c.regionCode())
                .setParameter("email", Messages.orEmpty(c.email())).setParameter("phone", Messages.orEmpty(c.phoneSealed()))
                .setParameter("masked", Messages.orEmpty(c.phoneMasked())).setParameter("at", c.updatedAt())
                .executeUpdate();
    }

    public boolean deleteContact(String kind, UUID id) {
        return em.createNativeQuery("DELETE FROM contact WHERE kind = :kind AND id = :id")
                .setParameter("kind", kind).setParameter("id", id).executeUpdate() == 1;
    }

    /** Remembers the case's citizen (hashes only), for an opt-out that names its tracking code and phone. */
    public void seeCitizen(UUID caseId, String trackingHash, String phoneHash, String regionCode, Instant at) {
        em.createNativeQuery("""
                        INSERT INTO citizen_case (case_id, tracking_hash, phone_hash, region_code, seen_at)
                        VALUES (:case, :tracking, :phone, :region, :at)
                        ON CONFLICT (case_id) DO UPDATE SET tracking_hash = excluded.tracking_hash,
                            phone_hash = excluded.phone_hash, region_code = excluded.region_code, seen_at = excluded.seen_at""")
                .setParameter("case", caseId).setParameter("tracking", trackingHash).setParameter("phone", phoneHash)
                .setParameter("region", regionCode).setParameter("at", at).executeUpdate();
    }

    /**
     * The case with this tracking code and phone, if this service has seen it. A case remembered under the legacy
     * hashes (before {@code lianluo.notify.hash-key}) is found by them and rewritten to the current ones.
     */
    @SuppressWarnings("unchecked")
    public Optional<UUID> citizenCase(Hashes trackingCode, Hashes phone) {
        em.createNativeQuery("""
                        UPDATE citizen_case SET tracking_hash = :tracking, phone_hash = :phone
                        WHERE tracking_hash IN (:trackings) AND phone_hash IN (:phones)
                          AND (tracking_hash <> :tracking OR phone_hash <> :phone)""")
                .setParameter("tracking", trackingCode.current()).setParameter("phone", phone.current())
                .setParameter("trackings", trackingCode.all()).setParameter("phones", phone.all()).executeUpdate();
        List<UUID> ids = em.createNativeQuery("""
                        SELECT case_id FROM citizen_case WHERE tracking_hash = :tracking AND phone_hash = :phone""")
                .setParameter("tracking", trackingCode.current()).setParameter("phone", phone.current()).getResultList();
        return ids.stream().findFirst();
    }

    public void optOut(Hashes phone, UUID caseId, Instant at) {
        rehashOptOut(phone);
        em.createNativeQuery("""
                        INSERT INTO opt_out (phone_hash, case_id, at) VALUES (:phone, :case, :at)
                        ON CONFLICT (phone_hash) DO NOTHING""")
                .setParameter("phone", phone.current()).setParameter("case", caseId).setParameter("at", at).executeUpdate();
    }

    /** Whether the phone opted out, under its current hash or a legacy one (then rewritten to the current). */
    public boolean optedOut(Hashes phone) {
        rehashOptOut(phone);
        return ((Number) em.createNativeQuery("SELECT count(*) FROM opt_out WHERE phone_hash = :phone")
                .setParameter("phone", phone.current()).getSingleResult()).intValue() > 0;
    }

    /** An opt-out stored under a legacy hash of the phone moves to its current hash (the first one kept). */
    private void rehashOptOut(Hashes phone) {
        if (phone.legacy().isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        WITH legacy AS (DELETE FROM opt_out WHERE phone_hash IN (:legacy) RETURNING case_id, at)
                        INSERT INTO opt_out (phone_hash, case_id, at)
                        SELECT :phone, case_id, at FROM legacy ORDER BY at LIMIT 1
                        ON CONFLICT (phone_hash) DO NOTHING""")
                .setParameter("legacy", phone.legacy()).setParameter("phone", phone.current()).executeUpdate();
    }

    /**
     * Counts one more SMS to the phone on the day, unless {@code cap} were passed: whether it may go. The day's count
     * kept under a legacy hash of the phone is added to its current hash's first.
     */
    public boolean reserveSms(Hashes phone, LocalDate day, int cap) {
        if (!phone.legacy().isEmpty()) {
            em.createNativeQuery("""
                            WITH legacy AS (DELETE FROM sms_daily WHERE phone_hash IN (:legacy) AND day = :day RETURNING sent)
                            INSERT INTO sms_daily (phone_hash, day, sent)
                            SELECT :phone, :day, sum(sent) FROM legacy HAVING count(*) > 0
                            ON CONFLICT (phone_hash, day) DO UPDATE SET sent = sms_daily.sent + excluded.sent""")
                    .setParameter("legacy", phone.legacy()).setParameter("phone", phone.current())
                    .setParameter("day", day).executeUpdate();
        }
        return !em.createNativeQuery("""
                        INSERT INTO sms_daily (phone_hash, day, sent) VALUES (:phone, :day, 1)
                        ON CONFLICT (phone_hash, day) DO UPDATE SET sent = sms_daily.sent + 1
                        WHERE sms_daily.sent < :cap RETURNING sent""")
                .setParameter("phone", phone.current()).setParameter("day", day).setParameter("cap", cap)
                .getResultList().isEmpty() && cap > 0;
    }

    public void putDeputy(UUID deputyId, String regionCode, boolean active, Instant at) {
        em.createNativeQuery("""
                        INSERT INTO deputy_copy (deputy_id, region_code, active, updated_at) VALUES (:id, :region, :active, :at)
                        ON CONFLICT (deputy_id) DO UPDATE SET region_code = excluded.region_code, active = excluded.active,
                            updated_at = excluded.updated_at WHERE deputy_copy.updated_at <= excluded.updated_at""")
                .setParameter("id", deputyId).setParameter("region", regionCode).setParameter("active", active)
                .setParameter("at", at).executeUpdate();
        // the deputy's contact belongs to the deputy's region, as deputy-service has it (whatever an ADMIN gave)
        em.createNativeQuery("""
                        UPDATE contact SET region_code = d.region_code FROM deputy_copy d
                        WHERE contact.kind = 'DEPUTY' AND contact.id = d.deputy_id AND d.deputy_id = :id
                          AND contact.region_code <> d.region_code""")
                .setParameter("id", deputyId).executeUpdate();
    }

    public void setDeputyActive(UUID deputyId, boolean active, Instant at) {
        em.createNativeQuery("""
                        UPDATE deputy_copy SET active = :active, updated_at = :at
                        WHERE deputy_id = :id AND updated_at <= :at""")
                .setParameter("id", deputyId).setParameter("active", active).setParameter("at", at).executeUpdate();
    }

    /** The deputy's region, from the copy (empty before deputy-service's event of the deputy arrived). */
    @SuppressWarnings("unchecked")
    public Optional<String> deputyRegion(UUID deputyId) {
        List<String> regions = em.createNativeQuery("SELECT region_code FROM deputy_copy WHERE deputy_id = :id")
                .setParameter("id", deputyId).getResultList();
        return regions.stream().findFirst();
    }

    /** The active deputies whose region lies inside {@code regionCode}. */
    @SuppressWarnings("unchecked")
    public List<UUID> deputiesWithin(String regionCode) {
        return em.createNativeQuery("""
                        SELECT deputy_id FROM deputy_copy WHERE active AND region_code LIKE :region ORDER BY deputy_id""")
                .setParameter("region", regionCode + "%").getResultList();
    }
}
