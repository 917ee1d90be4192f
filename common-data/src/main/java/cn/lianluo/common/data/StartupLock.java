package cn.lianluo.common.data;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Start-up work that replicas must not do at the same moment (loading seeds: two replicas inserting the same seeded
 * station, the second fails on its key and the pod dies). The work runs while a PostgreSQL session-level advisory
 * lock is held on a connection of its own, so the work's own transactions are free to use the pool; the next replica
 * waits, then finds everything there. A replica that dies releases the lock with its connection.
 */
@ApplicationScoped
public class StartupLock {

    private final AgroalDataSource dataSource;

    public StartupLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void run(String name, Runnable work) {
        try (Connection lock = dataSource.getConnection()) {
            advisory(lock, "SELECT pg_advisory_lock(hashtext(?))", name);
            try {
                work.run();
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(hashtext(?))", name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hold the start-up lock " + name, e);
        }
    }

    private static void advisory(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            s.execute();
        }
    }
}
