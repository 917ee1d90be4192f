package cn.lianluo.scoring.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scoring's copy of the deputies (table {@code deputy_copy}), kept from {@code deputy.events}: a change older than the
 * row (by the event's time) leaves it as it is.
 */
@ApplicationScoped
public class DeputyCopyRepository {

    /** A deputy as {@code deputy.events} last told it; {@code levelsJson} the active mandates' levels, a JSON array. */
    public record DeputyCopy(UUID deputyId, String name, String regionCode, String levelsJson, boolean active, Instant updatedAt) {
    }

    private final EntityManager em;

    public DeputyCopyRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<String> region(UUID deputyId) {
        @SuppressWarnings("unchecked")
        List<String> regions = em.createNativeQuery("SELECT region_code FROM deputy_copy WHERE deputy_id = ?1")
                .setParameter(1, deputyId).getResultList();
        return regions.stream().findFirst();
    }

    public void upsert(DeputyCopy d) {
        em.createNativeQuery("INSERT INTO deputy_copy (deputy_id, name, region_code, levels, active, updated_at) "
                        + "VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, ?6) ON CONFLICT (deputy_id) DO UPDATE SET name = excluded.name, "
                        + "region_code = excluded.region_code, levels = excluded.levels, active = excluded.active, "
                        + "updated_at = excluded.updated_at WHERE deputy_copy.updated_at <= excluded.updated_at")
                .setParameter(1, d.deputyId()).setParameter(2, d.name()).setParameter(3, d.regionCode())
                .setParameter(4, d.levelsJson()).setParameter(5, d.active()).setParameter(6, d.updatedAt()).executeUpdate();
    }

    public void setActive(UUID deputyId, boolean active, Instant at) {
        em.createNativeQuery(
                        "UPDATE deputy_copy SET active = ?2, updated_at = ?3 WHERE deputy_id = ?1 AND updated_at <= ?3")
                .setParameter(1, deputyId).setParameter(2, active).setParameter(3, at).executeUpdate();
    }
}
