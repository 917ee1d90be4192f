package cn.lianluo.scoring.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.UUID;

/** The alerts raised (table {@code alert}): one per deputy, year and kind. */
@ApplicationScoped
public class AlertRepository {

    private final EntityManager em;

    public AlertRepository(EntityManager em) {
        this.em = em;
    }

    /** Records the alert unless it was raised already; whether it is new. */
    public boolean raiseOnce(UUID deputyId, int year, String kind, String regionCode, String detail, Instant at) {
        return em.createNativeQuery("INSERT INTO alert (deputy_id, year, kind, region_code, detail, raised_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING").setParameter(1, deputyId)
                .setParameter(2, year).setParameter(3, kind).setParameter(4, regionCode)
                .setParameter(5, detail).setParameter(6, at).executeUpdate() == 1;
    }
}
