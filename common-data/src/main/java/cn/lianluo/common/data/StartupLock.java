package cn.lianluo.common.data;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Start-up work that replicas must not do at the same moment (loading seeds: two replicas inserting the same seeded
 * station, the second fails on its key and the pod dies). The work runs while a PostgreSQL session-level advisory
 * lock is held on a connection of its own, so the work's own transactions are free to use the pool; the next replica
 * waits, then finds everything there. A replica that dies releases the lock with its connection; one that hangs while
 * holding it makes the others give up after {@code lianluo.startup-lock.timeout} (default ten minutes) with a line
 * saying so, and Kubernetes starts them again.
 */
@ApplicationScoped
public class StartupLock {

    private static final Logger LOG = Logger.getLogger(StartupLock.class);
    /** PostgreSQL's lock_not_available: the lock_timeout passed. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final AgroalDataSource dataSource;
    private final Duration timeout;

    public StartupLock(AgroalDataSource dataSource,
                       @ConfigProperty(name = "lianluo.startup-lock.timeout", defaultValue = "10m") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    public void run(String name, Runnable work) {
        run(name, timeout, work);
    }

    /** {@link #run(String, Runnable)} with its own wait for the lock (tests). */
    public void run(String name, Duration wait, Runnable work) {
        try (Connection lock = dataSource.getConnection()) {
            take(lock, name, wait);
            try {
                work.run();
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(hashtext(?))", name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hold the start-up lock " + name, e);
        }
    }

    private static void take(Connection lock, String name, Duration wait) throws SQLException {
        try (PreparedStatement s = lock.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && r.getBoolean(1)) {
                    return;
                }
            }
        }
        LOG.infof("start-up lock %s is held by another instance; waiting up to %s", name, wait);
        try (Statement s = lock.createStatement()) {
            s.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
            advisory(lock, "SELECT pg_advisory_lock(hashtext(?))", name);
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new IllegalStateException("start-up lock " + name + " still held by another instance after " + wait
                        + " (lianluo.startup-lock.timeout); is a replica stuck in its start-up work?", e);
            }
            throw e;
        } finally {
            try (Statement s = lock.createStatement()) {
                s.execute("RESET lock_timeout");
            }
        }
        LOG.infof("start-up lock %s taken", name);
    }

    private static void advisory(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            s.execute();
        }
    }
}
