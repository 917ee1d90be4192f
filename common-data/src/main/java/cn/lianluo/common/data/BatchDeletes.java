package cn.lianluo.common.data;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/**
 * Housekeeping deletes of rows older than a cut-off (sent outbox rows, stored idempotent answers, processed event ids):
 * a batch per transaction, so a large backlog never holds one long transaction, and rows another replica is deleting
 * are skipped rather than waited for.
 */
public final class BatchDeletes {

    /** Rows one transaction deletes. */
    public static final int BATCH = 5000;

    private BatchDeletes() {
    }

    /**
     * Runs {@code delete} until a batch comes back short; the statement takes the cut-off as {@code ?1} and the batch
     * size as {@code ?2} (a {@code LIMIT ?2 FOR UPDATE SKIP LOCKED} sub-select). Returns how many rows went.
     */
    public static int olderThan(EntityManager em, String delete, Instant cutOff) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(delete)
                    .setParameter(1, cutOff).setParameter(2, BATCH).executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
