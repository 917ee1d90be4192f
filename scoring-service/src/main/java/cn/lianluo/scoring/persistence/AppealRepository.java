package cn.lianluo.scoring.persistence;

import cn.lianluo.scoring.domain.FactType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The appeals (积分申诉, table {@code appeal}): filed OPEN, decided once by a conditional update. */
@ApplicationScoped
public class AppealRepository {

    /** An appeal to file: an entry contested, or a missing fact asked for (type and points). */
    public record NewAppeal(UUID id, UUID deputyId, int year, String regionCode, UUID entryId, FactType factType,
                            Integer points, String reason, Instant createdAt) {
    }

    /** An appeal as stored; {@code status} OPEN, GRANTED or DENIED. */
    public record StoredAppeal(UUID id, UUID deputyId, int year, UUID entryId, FactType factType, Integer points, String reason,
                               String status, String decisionNote, Instant createdAt, Instant decidedAt) {
    }

    /** One page of appeal ids, the newest first, and how many there are in all. */
    public record IdPage(List<UUID> ids, long total) {
    }

    private final EntityManager em;

    public AppealRepository(EntityManager em) {
        this.em = em;
    }

    public void insert(NewAppeal a) {
        em.createNativeQuery("INSERT INTO appeal (id, deputy_id, year, region_code, entry_id, fact_type, points, reason, status, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'OPEN', ?9)").setParameter(1, a.id()).setParameter(2, a.deputyId())
                .setParameter(3, a.year()).setParameter(4, a.regionCode()).setParameter(5, a.entryId())
                .setParameter(6, a.factType() == null ? null : a.factType().name()).setParameter(7, a.points())
                .setParameter(8, a.reason()).setParameter(9, a.createdAt()).executeUpdate();
    }

    public Optional<StoredAppeal> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, deputy_id, year, entry_id, fact_type, points, reason, status, "
                + "decision_note, created_at, decided_at FROM appeal WHERE id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new StoredAppeal((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(),
                (UUID) r[3], r[4] == null ? null : FactType.valueOf((String) r[4]), Columns.integer(r[5]), (String) r[6],
                (String) r[7], (String) r[8], Columns.instant(r[9]), Columns.instant(r[10])));
    }

    public Optional<String> region(UUID id) {
        @SuppressWarnings("unchecked")
        List<String> region = em.createNativeQuery("SELECT region_code FROM appeal WHERE id = ?1").setParameter(1, id).getResultList();
        return region.stream().findFirst();
    }

    /** Moves an OPEN appeal to {@code status}; false (nothing changed) when it is decided already. */
    public boolean decideOpen(UUID id, String status, String by, String note, Instant at) {
        return em.createNativeQuery("UPDATE appeal SET status = ?2, decided_by = ?3, decision_note = ?4, decided_at = ?5, "
                        + "version = version + 1 WHERE id = ?1 AND status = 'OPEN'").setParameter(1, id)
                .setParameter(2, status).setParameter(3, by).setParameter(4, note).setParameter(5, at).executeUpdate() == 1;
    }

    /** The status as committed now. */
    public String status(UUID id) {
        return (String) em.createNativeQuery("SELECT status FROM appeal WHERE id = ?1").setParameter(1, id).getSingleResult();
    }

    /** A page of the appeals under a region prefix, of one status (null: any) and one deputy (null: any). */
    public IdPage page(String regionPattern, String status, UUID deputyId, int first, int max) {
        String where = "region_code LIKE ?1" + (status == null ? "" : " AND status = ?2");
        if (deputyId != null) {
            where += " AND deputy_id = '" + deputyId + "'";
        }
        Query query = em.createNativeQuery("SELECT id FROM appeal WHERE " + where + " ORDER BY created_at DESC")
                .setParameter(1, regionPattern);
        Query count = em.createNativeQuery("SELECT count(*) FROM appeal WHERE " + where).setParameter(1, regionPattern);
        if (status != null) {
            query.setParameter(2, status);
            count.setParameter(2, status);
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.setFirstResult(first).setMaxResults(max).getResultList();
        return new IdPage(ids, ((Number) count.getSingleResult()).longValue());
    }
}
