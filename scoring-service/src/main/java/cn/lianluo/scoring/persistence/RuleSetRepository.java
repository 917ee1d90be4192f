package cn.lianluo.scoring.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The published rule sets (积分规则, table {@code rule_set}): versions per region and year, the body as JSON. */
@ApplicationScoped
public class RuleSetRepository {

    /** A version of a region's rule set for a year, its body as published (JSON). */
    public record StoredVersion(String regionCode, int year, int version, String bodyJson, Instant createdAt) {
    }

    private final EntityManager em;

    public RuleSetRepository(EntityManager em) {
        this.em = em;
    }

    /** The latest version of a region's own rule set for a year. */
    public Optional<StoredVersion> latest(String region, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT version, body, created_at FROM rule_set WHERE region_code = ?1 AND year = ?2 "
                + "ORDER BY version DESC LIMIT 1").setParameter(1, region).setParameter(2, year).getResultList();
        return rows.stream().findFirst().map(r -> new StoredVersion(region, year, ((Number) r[0]).intValue(), (String) r[1],
                Columns.instant(r[2])));
    }

    /** Every region's latest version of each year up to {@code year}, the newest year first. */
    public List<StoredVersion> latestUpTo(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (year, region_code) region_code, year, version, body, "
                + "created_at FROM rule_set WHERE year <= ?1 ORDER BY year DESC, region_code, version DESC")
                .setParameter(1, year).getResultList();
        return rows.stream().map(r -> new StoredVersion((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                (String) r[3], Columns.instant(r[4]))).toList();
    }

    public void insert(String region, int year, int version, String bodyJson, Instant at, String author) {
        em.createNativeQuery("INSERT INTO rule_set (id, region_code, year, version, body, created_at, created_by) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)").setParameter(1, UUID.randomUUID()).setParameter(2, region)
                .setParameter(3, year).setParameter(4, version).setParameter(5, bodyJson)
                .setParameter(6, at).setParameter(7, author).executeUpdate();
    }
}
