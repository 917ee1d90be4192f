package cn.lianluo.scoring.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The published quarterly tables (公示表, table {@code snapshot}): one per region, year and quarter, never changed. */
@ApplicationScoped
public class SnapshotRepository {

    /** A published table: when, and its rows as the JSON they were published as. */
    public record StoredSnapshot(Instant publishedAt, String rowsJson) {
    }

    private final EntityManager em;

    public SnapshotRepository(EntityManager em) {
        this.em = em;
    }

    /** Stores the table unless the quarter's is published already; whether it was stored. */
    public boolean insertOnce(String regionCode, int year, int quarter, Instant at, String by, String rowsJson) {
        return em.createNativeQuery("INSERT INTO snapshot (region_code, year, quarter, published_at, published_by, rows) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING").setParameter(1, regionCode).setParameter(2, year)
                .setParameter(3, quarter).setParameter(4, at).setParameter(5, by).setParameter(6, rowsJson).executeUpdate() == 1;
    }

    public Optional<StoredSnapshot> find(String regionCode, int year, int quarter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT published_at, rows FROM snapshot WHERE region_code = ?1 AND year = ?2 "
                + "AND quarter = ?3").setParameter(1, regionCode).setParameter(2, year).setParameter(3, quarter).getResultList();
        return rows.stream().findFirst().map(r -> new StoredSnapshot(Columns.instant(r[0]), (String) r[1]));
    }
}
