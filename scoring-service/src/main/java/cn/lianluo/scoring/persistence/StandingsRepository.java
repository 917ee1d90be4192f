package cn.lianluo.scoring.persistence;

import cn.lianluo.common.region.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.jpa.AvailableHints;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The read side of the ledger: the yearly totals ({@code deputy_year_total}), the station entries
 * ({@code station_entry_count}) and the deputies of a region ({@code deputy_copy}), as tables and figures.
 */
@ApplicationScoped
public class StandingsRepository {

    /** A deputy's total, unranked. */
    public record Total(UUID deputyId, String name, String regionCode, int total) {
    }

    /** A row of a ranked table: equal totals, equal rank. */
    public record Ranked(int rank, UUID deputyId, String name, String regionCode, int total) {
    }

    /** Some rows of a ranked table, and how many deputies it ranks in all. */
    public record RankedPage(List<Ranked> rows, long ranked) {
    }

    /** A region's active deputies and those with at least the required station entries. */
    public record EntryCount(String regionCode, long deputies, long withRequiredEntries) {
    }

    /** An active deputy's station entries and total of a year. */
    public record DeputyYear(UUID deputyId, String name, String regionCode, long stationEntries, int total) {
    }

    /**
     * Who a year's table ranks, as {@code t (deputy_id, region_code, points)}: every deputy with a total that year, and
     * every active deputy of the region without one, at 0 — a deputy who earned nothing is in the table, last, not left
     * out. The second part reads the active deputies of the region by its prefix (an index, V4) and leaves out those
     * with a total by the totals' primary key.
     */
    private static final String RANKED = """
             (SELECT deputy_id, region_code, points FROM deputy_year_total WHERE year = :year
              UNION ALL
              SELECT a.deputy_id, a.region_code, 0 FROM deputy_copy a WHERE a.active AND a.region_code LIKE :region
                AND NOT EXISTS (SELECT 1 FROM deputy_year_total y WHERE y.deputy_id = a.deputy_id AND y.year = :year)) t""";

    /** The rows read at a time from the database's cursor by the streamed table. */
    private static final int FETCH = 500;

    private final EntityManager em;

    public StandingsRepository(EntityManager em) {
        this.em = em;
    }

    public long stationEntries(UUID deputyId, int year) {
        List<?> entries = em.createNativeQuery("SELECT entries FROM station_entry_count WHERE deputy_id = ?1 AND year = ?2")
                .setParameter(1, deputyId).setParameter(2, year).getResultList();
        return entries.isEmpty() ? 0 : ((Number) entries.get(0)).longValue();
    }

    /** Per child region (and the region itself, where deputies sit on it): active deputies and those with the entries. */
    public List<EntryCount> entryCounts(RegionCode region, int year, int required) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT substr(d.region_code, 1, :childLength), count(*), count(*) FILTER (WHERE coalesce(e.entries, 0) >= :required)
                FROM deputy_copy d LEFT JOIN station_entry_count e ON e.deputy_id = d.deputy_id AND e.year = :year
                WHERE d.active AND d.region_code LIKE :region GROUP BY 1""")
                .setParameter("region", region.likePattern()).setParameter("childLength", region.childCodeLength())
                .setParameter("year", year).setParameter("required", required).getResultList();
        return rows.stream().map(r -> new EntryCount((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    /** The first {@code limit} totals of a region, the most points first, read down the (year, points) index. */
    public List<Total> top(RegionCode region, int year, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT t.deputy_id, coalesce(d.name, ''), coalesce(d.region_code, t.region_code), t.points
                FROM deputy_year_total t LEFT JOIN deputy_copy d ON d.deputy_id = t.deputy_id
                WHERE t.year = :year AND coalesce(d.region_code, t.region_code) LIKE :region
                ORDER BY t.points DESC, t.deputy_id LIMIT :limit""")
                .setParameter("year", year).setParameter("region", region.likePattern()).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new Total((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue())).toList();
    }

    /** Every active deputy of the region with their station entries and total, in one query (by region, then name). */
    public Stream<DeputyYear> activeDeputies(RegionCode region, int year) {
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = em.createNativeQuery("SELECT d.deputy_id, d.name, d.region_code, coalesce(e.entries, 0), "
                + "coalesce(t.points, 0) FROM deputy_copy d LEFT JOIN station_entry_count e ON e.deputy_id = d.deputy_id AND e.year = :year "
                + "LEFT JOIN deputy_year_total t ON t.deputy_id = d.deputy_id AND t.year = :year "
                + "WHERE d.active AND d.region_code LIKE :region ORDER BY d.region_code, d.name, d.deputy_id")
                .setParameter("region", region.likePattern()).setParameter("year", year)
                .setHint(AvailableHints.HINT_FETCH_SIZE, FETCH).setHint(AvailableHints.HINT_READ_ONLY, true).getResultStream();
        return rows.map(r -> new DeputyYear((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                ((Number) r[4]).intValue()));
    }

    /**
     * A region's table from the ledger with the facts up to {@code until}: every deputy with points up to that day, and
     * every active deputy of the region without, at 0 (a published quarter leaves nobody out); {@code level} null for all.
     */
    public List<Ranked> tableUntil(RegionCode region, int year, String level, LocalDate until) {
        String levelOfLedger = level == null ? "" : " AND d.levels @> CAST(:level AS jsonb)";
        String levelOfCopy = level == null ? "" : " AND a.levels @> CAST(:level AS jsonb)";
        String sql = """
                SELECT t.deputy_id, t.name, t.region_code, t.total, rank() OVER (ORDER BY t.total DESC) FROM (
                  SELECT l.deputy_id, coalesce(d.name, '') AS name, coalesce(d.region_code, max(l.region_code)) AS region_code,
                         sum(l.points) AS total
                  FROM ledger_entry l LEFT JOIN deputy_copy d ON d.deputy_id = l.deputy_id
                  WHERE l.year = :year AND coalesce(d.region_code, l.region_code) LIKE :region
                    AND (l.occurred_on IS NULL OR l.occurred_on <= :until)""" + levelOfLedger + """

                  GROUP BY l.deputy_id, d.name, d.region_code
                  UNION ALL
                  SELECT a.deputy_id, coalesce(a.name, ''), a.region_code, 0 FROM deputy_copy a
                  WHERE a.active AND a.region_code LIKE :region""" + levelOfCopy + """

                    AND NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.deputy_id = a.deputy_id AND e.year = :year
                                      AND (e.occurred_on IS NULL OR e.occurred_on <= :until))
                ) t ORDER BY t.total DESC, t.deputy_id""";
        Query query = em.createNativeQuery(sql).setParameter("year", year).setParameter("region", region.likePattern())
                .setParameter("until", until);
        level(query, level);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(StandingsRepository::ranked).toList();
    }

    /**
     * The year's table from the yearly totals: ranked over the whole region, then {@code limit} rows from
     * {@code offset}, with the number of deputies ranked.
     */
    public RankedPage ranking(RegionCode region, int year, String level, int limit, long offset) {
        Query query = em.createNativeQuery(rankingSql(level) + " LIMIT :limit OFFSET :offset").setParameter("year", year)
                .setParameter("region", region.likePattern()).setParameter("limit", limit).setParameter("offset", offset);
        level(query, level);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        long ranked = rows.isEmpty() ? (offset == 0 ? 0 : countRanked(region, year, level)) : ((Number) rows.get(0)[5]).longValue();
        return new RankedPage(rows.stream().map(StandingsRepository::ranked).toList(), ranked);
    }

    /**
     * A region's whole ranked table of a year, in the order of {@link #ranking}, read from the database's cursor
     * {@value #FETCH} rows at a time in the caller's transaction: the export of the province's table.
     */
    public Stream<Ranked> ranking(RegionCode region, int year) {
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = em.createNativeQuery(rankingSql(null)).setParameter("year", year)
                .setParameter("region", region.likePattern()).setHint(AvailableHints.HINT_FETCH_SIZE, FETCH)
                .setHint(AvailableHints.HINT_READ_ONLY, true).getResultStream();
        return rows.map(StandingsRepository::ranked);
    }

    /** The rows of {@link #ranking(RegionCode, int)}: the deputies ranked in a region's table of a year. */
    public long rankedCount(RegionCode region, int year) {
        return countRanked(region, year, null);
    }

    /** The ranked table's query: deputy, name, region, points, rank, how many it ranks; best first. */
    private static String rankingSql(String level) {
        StringBuilder sql = new StringBuilder("""
                SELECT t.deputy_id, coalesce(d.name, ''), coalesce(d.region_code, t.region_code), t.points,
                       rank() OVER (ORDER BY t.points DESC), count(*) OVER ()
                FROM""").append(RANKED).append("""
                 LEFT JOIN deputy_copy d ON d.deputy_id = t.deputy_id
                WHERE coalesce(d.region_code, t.region_code) LIKE :region""");
        if (level != null) {
            sql.append(" AND d.levels @> CAST(:level AS jsonb)");
        }
        return sql.append(" ORDER BY t.points DESC, t.deputy_id").toString();
    }

    private long countRanked(RegionCode region, int year, String level) {
        Query query = em.createNativeQuery("SELECT count(*) FROM" + RANKED + " LEFT JOIN deputy_copy d ON d.deputy_id = t.deputy_id "
                        + "WHERE coalesce(d.region_code, t.region_code) LIKE :region"
                        + (level == null ? "" : " AND d.levels @> CAST(:level AS jsonb)"))
                .setParameter("year", year).setParameter("region", region.likePattern());
        level(query, level);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static void level(Query query, String level) {
        if (level != null) {
            query.setParameter("level", "[\"" + level + "\"]");
        }
    }

    /** A row of (deputy, name, region, total, rank). */
    private static Ranked ranked(Object[] r) {
        return new Ranked(((Number) r[4]).intValue(), (UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue());
    }
}
