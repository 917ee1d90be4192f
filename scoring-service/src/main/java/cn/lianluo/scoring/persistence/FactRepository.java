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
                          String regionCode, UUID stationId, UUID caseId) {
    }

    /** A recorded fact of a case, with what scoring it again needs. */
    public record CaseFact(long id, UUID deputyId, FactType type, LocalDate occurredOn, String regionCode, UUID sourceEventId) {
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
                        + "region_code, recorded_at, station_id, case_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                        + "ON CONFLICT DO NOTHING RETURNING id")
                .setParameter(1, f.sourceEventId()).setParameter(2, f.sourceType()).setParameter(3, f.deputyId())
                .setParameter(4, f.type().name()).setParameter(5, f.occurredOn()).setParameter(6, f.regionCode())
                .setParameter(7, Instant.now()).setParameter(8, f.stationId()).setParameter(9, f.caseId()).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    /** A deputy's facts of a year, in the order they are scored (day, then id); those of a merged case count for nothing. */
    public List<StoredFact> ofYear(UUID deputyId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, fact_type, occurred_on, source_event_id FROM fact "
                        + "WHERE deputy_id = ?1 AND extract(year FROM occurred_on) = ?2 "
                        + "AND NOT EXISTS (SELECT 1 FROM merged_case m WHERE m.case_id = fact.case_id) ORDER BY occurred_on, id")
                .setParameter(1, deputyId).setParameter(2, year).getResultList();
        return rows.stream().map(r -> new StoredFact(((Number) r[0]).longValue(), FactType.valueOf((String) r[1]),
                Columns.date(r[2]), (UUID) r[3])).toList();
    }

    /** The facts a case's events told, in the order they were recorded. */
    public List<CaseFact> ofCase(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, deputy_id, fact_type, occurred_on, region_code, source_event_id "
                + "FROM fact WHERE case_id = ?1 ORDER BY id").setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new CaseFact(((Number) r[0]).longValue(), (UUID) r[1], FactType.valueOf((String) r[2]),
                Columns.date(r[3]), (String) r[4], (UUID) r[5])).toList();
    }

    /** Lists the case as merged into another; false when it is listed already. */
    public boolean markMerged(UUID caseId, UUID mergedInto, Instant at) {
        return em.createNativeQuery("INSERT INTO merged_case (case_id, merged_into, merged_at) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT DO NOTHING").setParameter(1, caseId).setParameter(2, mergedInto).setParameter(3, at)
                .executeUpdate() == 1;
    }

    /** Takes the case off the list of merged cases; false when it was not on it. */
    public boolean unmarkMerged(UUID caseId) {
        return em.createNativeQuery("DELETE FROM merged_case WHERE case_id = ?1").setParameter(1, caseId).executeUpdate() == 1;
    }

    /** Whether the case is merged into another: its facts are recorded, not scored. */
    public boolean isMerged(UUID caseId) {
        return caseId != null && !em.createNativeQuery("SELECT 1 FROM merged_case WHERE case_id = ?1").setParameter(1, caseId)
                .getResultList().isEmpty();
    }

    /** The deputies with facts in a year whose region (their own, else the fact's) lies under {@code regionCode}. */
    public List<UUID> deputiesOfYear(int year, String regionCode) {
        @SuppressWarnings("unchecked")
        List<UUID> deputies = em.createNativeQuery("SELECT DISTINCT f.deputy_id FROM fact f LEFT JOIN deputy_copy d ON d.deputy_id = f.deputy_id "
                        + "WHERE extract(year FROM f.occurred_on) = ?1 AND coalesce(d.region_code, f.region_code) LIKE ?2")
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
