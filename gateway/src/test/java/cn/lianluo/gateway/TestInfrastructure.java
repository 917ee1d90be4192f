package cn.lianluo.gateway;

import cn.lianluo.common.testing.RealInfrastructure;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The PostgreSQL and Kafka the whole-suite tests run the services on: the plain ones of {@code ./suite infra}, or the
 * TLS-only PostgreSQL and SASL_SSL Kafka of {@code ./suite infra --secure}, whose CA and SCRAM passwords are in
 * .suite/secure/ (tools/suite/secure.sh).
 */
public record TestInfrastructure(String dbHost, int dbPort, Map<String, String> jdbcProperties, String kafka,
                                 Map<String, Object> kafkaAdmin, Function<String, Map<String, String>> serviceEnvironment) {

    public static final TestInfrastructure PLAIN = new TestInfrastructure(RealInfrastructure.DB_HOST, RealInfrastructure.DB_PORT,
            Map.of(), RealInfrastructure.KAFKA, Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.KAFKA),
            service -> Map.of());

    /** The ports tools/suite/secure.sh gives the secure PostgreSQL and Kafka. */
    static final int SECURE_DB_PORT = 5433;
    static final String SECURE_KAFKA = "127.0.0.1:9094";

    /** The secure servers of {@code ./suite infra --secure}, their CA and passwords read from {@code state}/secure. */
    public static TestInfrastructure secure(Path state) {
        Path dir = state.resolve("secure");
        String ca = dir.resolve("ca.crt").toString();
        Map<String, String> passwords = passwords(dir.resolve("users.env"));
        Map<String, Object> admin = new HashMap<>(kafkaLogin(ca, "admin", passwords.get("admin")));
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SECURE_KAFKA);
        return new TestInfrastructure("127.0.0.1", SECURE_DB_PORT, Map.of("sslmode", "verify-full", "sslrootcert", ca),
                SECURE_KAFKA, Map.copyOf(admin), service -> Map.of(
                        "LIANLUO_DB_SSLMODE", "verify-full",
                        "LIANLUO_DB_SSLROOTCERT", ca,
                        "LIANLUO_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "LIANLUO_KAFKA_CA", ca,
                        "LIANLUO_KAFKA_USERNAME", service,
                        "LIANLUO_KAFKA_PASSWORD", passwords.get(service)));
    }

    /** A Kafka client's SASL_SSL settings for a SCRAM-SHA-512 user of the secure broker. */
    static Map<String, Object> kafkaLogin(String ca, String user, String password) {
        return Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                        + "\" password=\"" + password + "\";",
                "ssl.truststore.type", "PEM", "ssl.truststore.location", ca);
    }

    private static Map<String, String> passwords(Path file) {
        try {
            Map<String, String> found = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    found.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("no passwords of the secure Kafka in " + file + " (./suite infra --secure makes them)", e);
        }
    }

    /** A connection to {@code database} as the suite's user, over TLS on the secure server. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.put("user", RealInfrastructure.DB_USER);
        properties.put("password", RealInfrastructure.DB_PASSWORD);
        properties.putAll(jdbcProperties);
        return DriverManager.getConnection("jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + database, properties);
    }
}
