package cn.lianluo.common.data;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Work the database may refuse for a moment: PostgreSQL breaks a deadlock by failing one of the transactions in it
 * (40P01) and may fail a transaction it cannot serialise (40001). Done again, such work goes through; an event handler
 * that gave up at once would send a valid event to its dead-letter topic instead.
 */
public final class TransientFailures {

    private static final Logger LOG = Logger.getLogger(TransientFailures.class);

    /** deadlock_detected, serialization_failure */
    private static final Set<String> TRANSIENT = Set.of("40P01", "40001");

    private TransientFailures() {
    }

    /** Runs {@code work} in a transaction of its own, again in a new one (up to {@code attempts} in all) after a transient failure. */
    public static void inNewTransaction(int attempts, Runnable work) {
        retry(attempts, () -> QuarkusTransaction.requiringNew().run(work));
    }

    /** Runs {@code attempt}, again after a short, growing, jittered pause when it fails transiently; other failures at once. */
    static void retry(int attempts, Runnable attempt) {
        for (int n = 1; ; n++) {
            try {
                attempt.run();
                return;
            } catch (RuntimeException e) {
                if (n >= attempts || !isTransient(e)) {
                    throw e;
                }
                LOG.infof("the database refused the work for a moment (%s); attempt %d of %d", sqlState(e), n + 1, attempts);
                if (!pause(n)) {
                    throw e; // stopping: the failure as it was
                }
            }
        }
    }

    /** Whether a deadlock or a serialisation failure of the database is among the causes. */
    public static boolean isTransient(Throwable failure) {
        String state = sqlState(failure);
        return state != null && TRANSIENT.contains(state);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Waits before the next attempt; false if interrupted (the application is stopping). */
    private static boolean pause(int attempt) {
        try {
            Thread.sleep(25L * attempt + ThreadLocalRandom.current().nextLong(25));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
