package cn.lianluo.scoring.persistence;

import cn.lianluo.scoring.domain.FactType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The facts (履职事实) recorded from the events: table {@code fact}, one per event, deputy and type. */
@ApplicationScoped
public class FactRepository {

    /** A fact to record; {@code stationId} where it happened at a station (one station entry per deputy, station and day). */
    public record NewFact(UUID sourceEventId, String sourceType, UUID deputyId, FactType type, LocalDate occurredOn,
                          String regionCode, UUID stationId) {
    }

    /** A recorded fact of a deputy, as a rule set scores it again. */
    public record StoredFact(long id, FactType type, LocalDate occurredOn, UUID sourceEventId) {
    }

    private final EntityManager em;

    public FactRepository(EntityManager em) {
        this.em = em;
    }

    /** Inserts the fact; its new id, or empty when it is recorded already (a redelivered event, a second reception). */
    public Optional<Long> insert(NewFact f) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("INSERT INTO fact (source_event_id, source_type, deputy_id, fact_type, occurred_on, "
                        + "region_code, recorded_at, station_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING RETURNING id")
                .setParameter(1, f.sourceEventId()).setParameter(2, f.sourceType()).setParameter(3, f.deputyId())
                .setParameter(4, f.type().name()).setParameter(5, f.occurredOn()).setParameter(6, f.regionCode())
                .setParameter(7, Instant.now()).setParameter(8, f.stationId()).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    /** A deputy's facts of a year, in the order they are scored (day, then id). */
    public List<StoredFact> ofYear(UUID deputyId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, fact_type, occurred_on, source_event_id FROM fact "
                        + "WHERE deputy_id = ?1 AND extract(year FROM occurred_on) = ?2 ORDER BY occurred_on, id")
                .setParameter(1, deputyId).setParameter(2, year).getResultList();
        return rows.stream().map(r -> new StoredFact(((Number) r[0]).longValue(), FactType.valueOf((String) r[1]),
                Columns.date(r[2]), (UUID) r[3])).toList();
    }

    /** The deputies with facts in a year whose region (their own, else the fact's) lies under {@code regionCode}. */
    public List<UUID> deputiesOfYear(int year, String regionCode) {
        @SuppressWarnings("unchecked")
        List<UUID> deputies = em.createNativeQuery("SELECT DISTINCT f.deputy_id FROM fact f LEFT JOIN deputy_copy d ON d.deputy_id = f.deputy_id "
                        + "WHERE extract(year FROM f.occurred_on) = ?1 AND coalesce(d.region_code, f.region_code) LIKE ?2", UUID.class)
                .setParameter(1, year).setParameter(2, regionCode + "%").getResultList();
        return deputies;
    }

    /** The years after {@code year} in which facts were recorded. */
    public List<Integer> yearsAfter(int year) {
        @SuppressWarnings("unchecked")
        List<Number> years = em.createNativeQuery("SELECT DISTINCT CAST(extract(year FROM occurred_on) AS integer) FROM fact "
                + "WHERE occurred_on >= ?1 ORDER BY 1").setParameter(1, LocalDate.of(year + 1, 1, 1)).getResultList();
        return years.stream().map(Number::intValue).toList();
    }

    /** The region of the deputy's latest fact. */
    public Optional<String> latestRegion(UUID deputyId) {
        @SuppressWarnings("unchecked")
        List<String> regions = em.createNativeQuery("SELECT region_code FROM fact WHERE deputy_id = ?1 ORDER BY id DESC LIMIT 1")
                .setParameter(1, deputyId).getResultList();
        return regions.stream().findFirst();
    }
}
