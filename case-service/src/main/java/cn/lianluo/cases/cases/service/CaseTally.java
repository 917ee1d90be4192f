package cn.lianluo.cases.cases.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * The case figures per county and month (V4__case_tally.sql): the database's triggers append what every statement
 * changed to {@code case_tally_change}; this folds those rows into {@code case_tally} every few seconds, so the change
 * rows stay few. Readers add up both tables in one statement (one snapshot), so a fold is never seen half done.
 */
@ApplicationScoped
public class CaseTally {

    private static final Logger LOG = Logger.getLogger(CaseTally.class);

    /** One folder at a time across the replicas ('CTLY'). */
    private static final long FOLD_LOCK = 0x43544c59L;

    /** The change rows folded in one transaction. */
    static final int BATCH = 50_000;

    private static final String FIGURES = "received, closed, on_the_spot, closed_on_time, rated, satisfied, days_sum, days_count, merged";

    /** The tally and the changes not yet folded into it, as one row source for a query. */
    public static final String ROWS = "(SELECT county, month, channel, category, " + FIGURES + " FROM case_tally "
            + "UNION ALL SELECT county, month, channel, category, " + FIGURES + " FROM case_tally_change)";

    private final EntityManager em;

    public CaseTally(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "${lianluo.cases.tally-fold-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            fold();
        } catch (RuntimeException e) {
            LOG.warnf(e, "folding the case tally failed; it runs again on the next tick");
        }
    }

    /** Folds the change rows there are now into the tally; returns how many it folded. */
    public int fold() {
        int folded = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::foldBatch);
            folded += batch;
        } while (batch == BATCH);
        return folded;
    }

    private int foldBatch() {
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, FOLD_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        Number moved = (Number) em.createNativeQuery("""
                WITH moved AS (
                    DELETE FROM case_tally_change WHERE id IN (SELECT id FROM case_tally_change ORDER BY id LIMIT ?1)
                    RETURNING *),
                folded AS (
                    INSERT INTO case_tally
                    SELECT county, month, channel, category, sum(received), sum(closed), sum(on_the_spot), sum(closed_on_time),
                           sum(rated), sum(satisfied), sum(days_sum), sum(days_count), sum(merged)
                    FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                    ON CONFLICT (county, month, channel, category) DO UPDATE SET
                        received = case_tally.received + EXCLUDED.received,
                        closed = case_tally.closed + EXCLUDED.closed,
                        on_the_spot = case_tally.on_the_spot + EXCLUDED.on_the_spot,
                        closed_on_time = case_tally.closed_on_time + EXCLUDED.closed_on_time,
                        rated = case_tally.rated + EXCLUDED.rated,
                        satisfied = case_tally.satisfied + EXCLUDED.satisfied,
                        days_sum = case_tally.days_sum + EXCLUDED.days_sum,
                        days_count = case_tally.days_count + EXCLUDED.days_count,
                        merged = case_tally.merged + EXCLUDED.merged)
                SELECT count(*) FROM moved""").setParameter(1, BATCH).getSingleResult();
        return moved.intValue();
    }
}
