package cn.lianluo.common.data;

import cn.lianluo.common.paging.Cursor;
import cn.lianluo.common.paging.CursorPage;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionLevel;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A table read by cursor (the {@code …/changes} lists): its rows in the order of the transaction that last wrote each,
 * then by id. A trigger records that transaction's 64-bit id ({@code pg_current_xact_id()}, which never wraps around
 * and fits a {@code bigint}) in the row's {@code xact} column on every insert and update.
 *
 * <p>Why not a sequence or a time: transaction A takes 100, B takes 101 and commits first, a reader reads past 101, then
 * A commits — and 100 is never read. So a page reads only rows below the <em>horizon</em>, the {@code xmin} of a fresh
 * snapshot: every transaction below it has ended, and every transaction that starts later gets a larger id, so no row
 * below the horizon can appear after it was read. A row of a transaction still open (or one that started after the
 * snapshot) is at or above the horizon and is left for a later page, never skipped. The horizon is read in a statement
 * before the page's query: under READ COMMITTED the query's snapshot is newer and sees every row below it.
 *
 * <p>A row written again moves to the end and is read again, as it is now: each change is delivered at least once, and
 * a row that does not change is delivered once.
 */
public final class ChangeFeed {

    private ChangeFeed() {
    }

    /** Every transaction below this id has ended. */
    public static long horizon(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint)")
                .getSingleResult()).longValue();
    }

    /**
     * The keys of the next page of {@code table}'s rows inside {@code region} (its {@code region_code} column), after
     * {@code after}. The region condition is an equality on {@code left(region_code, n)} for the region's code length
     * n (a village: its township's, then its own), so that each level's index {@code (left(region_code, n), xact, id)}
     * serves the page at any depth.
     *
     * @param narrower a further condition on the table's columns with named parameters ({@code AND …}), or ""
     */
    public static List<Cursor> keys(EntityManager em, String table, RegionCode region, String narrower,
                                    Map<String, Object> parameters, Cursor after, int size) {
        boolean village = region.level() == RegionLevel.VILLAGE;
        int prefix = village ? RegionLevel.TOWNSHIP.codeLength() : region.value().length();
        long horizon = horizon(em);
        Query query = em.createNativeQuery("SELECT xact, id FROM " + table + " WHERE left(region_code, " + prefix
                        + ") = :prefix" + (village ? " AND region_code = :region" : "") + " " + narrower
                        + " AND (xact, id) > (:xact, :id) AND xact < :horizon ORDER BY xact, id LIMIT :size")
                .setParameter("prefix", region.value().substring(0, prefix))
                .setParameter("xact", after.xact()).setParameter("id", after.id())
                .setParameter("horizon", horizon).setParameter("size", size);
        if (village) {
            query.setParameter("region", region.value());
        }
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Cursor(((Number) r[0]).longValue(), (UUID) r[1])).toList();
    }

    /**
     * The page of those keys: {@code load} answers the items of the ids given, in their order; {@code next} is the
     * last key's, or {@code after} again when there is nothing new.
     */
    public static <T> CursorPage<T> page(List<Cursor> keys, Cursor after, Function<List<UUID>, List<T>> load) {
        if (keys.isEmpty()) {
            return new CursorPage<>(List.of(), after.encode());
        }
        return new CursorPage<>(load.apply(keys.stream().map(Cursor::id).toList()), keys.get(keys.size() - 1).encode());
    }
}
