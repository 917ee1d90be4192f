package cn.lianluo.common.data;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the services' seed loaders share. A service checks its seeds at every start, and a statement (or a transaction)
 * per seed row cost up to a second of each start: these read and write a seed file's rows in one round trip.
 */
public final class SeedRows {

    /** Binds one row's values to the statement's parameters. */
    public interface Binder<R> {
        void bind(PreparedStatement statement, R row) throws SQLException;
    }

    private SeedRows() {
    }

    /** The rows of a simple CSV (no quoted commas): without its header, blank lines, {@code #} comments or a BOM. */
    public static List<String[]> csv(Path file) {
        try {
            return rows(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The rows of a CSV on the classpath (reference data shipped in a service's jar), read as {@link #csv(Path)}. */
    public static List<String[]> csvResource(String resource) {
        return rows(List.of(resourceText(resource).split("\r?\n")));
    }

    /** The whole text of a UTF-8 resource on the classpath; a missing one is an error naming it. */
    public static String resourceText(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static List<String[]> rows(List<String> lines) {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : lines) {
            String l = line.replace("\uFEFF", "");
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            rows.add(l.split(",", -1));
        }
        return rows;
    }

    /**
     * Runs {@code sql} (an {@code INSERT … ON CONFLICT DO NOTHING}) once per row as one JDBC batch in the caller's
     * transaction; returns the rows inserted.
     */
    public static <R> int insertAll(EntityManager em, String sql, List<R> rows, Binder<R> binder) {
        if (rows.isEmpty()) {
            return 0;
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            int inserted = 0;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (R row : rows) {
                    binder.bind(statement, row);
                    statement.addBatch();
                }
                for (int count : statement.executeBatch()) {
                    inserted += Math.max(count, 0);
                }
            }
            return inserted;
        });
    }

    /** Which of {@code keys} a table's {@code seed_key} column already holds, in one query. */
    public static Set<String> existingKeys(EntityManager em, String table, Collection<String> keys) {
        Set<String> existing = new HashSet<>();
        if (keys.isEmpty()) {
            return existing;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT seed_key FROM " + table + " WHERE seed_key = ANY (?)")) {
                statement.setArray(1, connection.createArrayOf("text", keys.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        existing.add(rows.getString(1));
                    }
                }
            }
        });
        return existing;
    }
}
