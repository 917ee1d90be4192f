package cn.lianluo.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Points a service's {@code @QuarkusTest}s at the real PostgreSQL and Kafka of {@code ./suite}, starting them
 * with {@code ./suite infra} when they are not running, and creates the service's test database (init arg
 * {@code database}) when missing. Environment: {@code DB_HOST DB_PORT DB_USER DB_PASSWORD KAFKA_BOOTSTRAP_SERVERS}.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String DB_HOST = env("DB_HOST", "127.0.0.1");
    public static final int DB_PORT = Integer.parseInt(env("DB_PORT", "5432"));
    public static final String DB_USER = env("DB_USER", "lianluo");
    public static final String DB_PASSWORD = env("DB_PASSWORD", "lianluo");
    public static final String KAFKA = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || !database.matches("[a-z_]+")) {
            throw new IllegalArgumentException("name the test database, e.g. @ResourceArg(name = \"database\", value = \"station_test\")");
        }
    }

    @Override
    public Map<String, String> start() {
        if (!reachable(DB_HOST, DB_PORT) || !kafkaReachable()) {
            Suite.run("infra");
        }
        createDatabase();
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", DB_USER,
                "quarkus.datasource.password", DB_PASSWORD,
                "kafka.bootstrap.servers", KAFKA);
    }

    @Override
    public void stop() {
        // PostgreSQL and Kafka belong to ./suite; they keep running for the next module's tests.
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + DB_HOST + ":" + DB_PORT + "/" + database;
    }

    public static boolean kafkaReachable() {
        String first = KAFKA.split(",")[0];
        int colon = first.lastIndexOf(':');
        return reachable(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
    }

    public static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void createDatabase() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), DB_USER, DB_PASSWORD);
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + DB_HOST + ":" + DB_PORT + " as " + DB_USER, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The project's {@code ./suite}, for tests that start and stop the embedded broker. */
    public static final class Suite {
        private Suite() {
        }

        public static void run(String... args) {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null && !Files.isExecutable(dir.resolve("suite"))) {
                dir = dir.getParent();
            }
            if (dir == null) {
                throw new IllegalStateException("./suite not found above " + Path.of("").toAbsolutePath());
            }
            String[] command = new String[args.length + 1];
            command[0] = dir.resolve("suite").toString();
            System.arraycopy(args, 0, command, 1, args.length);
            try {
                Process process = new ProcessBuilder(command).inheritIO().start();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("./suite " + String.join(" ", args) + " failed");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot run ./suite", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted running ./suite", e);
            }
        }
    }
}
