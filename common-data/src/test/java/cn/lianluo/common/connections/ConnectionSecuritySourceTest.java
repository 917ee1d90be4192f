package cn.lianluo.common.connections;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.security.auth.login.AppConfigurationEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The settings LIANLUO_KAFKA_* and LIANLUO_DB_SSL* and exactly the configuration each combination yields. */
class ConnectionSecuritySourceTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required";

    private final Map<String, String> settings = new HashMap<>();

    private Map<String, String> yielded() {
        return ConnectionSecuritySource.properties(name -> Optional.ofNullable(settings.get(name)));
    }

    /** A throw-away self-signed certificate and its unencrypted PKCS#8 key, made by openssl for this run only. */
    @TempDir
    static Path keys;

    @BeforeAll
    static void makeKeys() throws Exception {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", keys.resolve("client.key").toString(), "-out", keys.resolve("client.crt").toString(),
                "-days", "1", "-subj", "/CN=test-client").redirectErrorStream(true).start();
        String said = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor()).as("openssl: " + said).isZero();
    }

    private static String file(String name) {
        return keys.resolve(name).toString();
    }

    @Test
    void no_setting_leaves_the_configuration_as_it_is() {
        assertThat(yielded()).isEmpty();
        settings.put(KafkaClientSecurity.PROTOCOL, "PLAINTEXT");
        settings.put(DatabaseTls.SSLMODE, " ");
        assertThat(yielded()).isEmpty();
    }

    @Test
    void sasl_ssl_gives_the_protocol_a_scram_login_and_the_ca() {
        settings.put(KafkaClientSecurity.PROTOCOL, "SASL_SSL");
        settings.put(KafkaClientSecurity.USERNAME, "case-service");
        settings.put(KafkaClientSecurity.PASSWORD, "s3cret");
        settings.put(KafkaClientSecurity.CA, file("client.crt"));
        assertThat(yielded()).containsOnly(
                entry("kafka.security.protocol", "SASL_SSL"),
                entry("kafka.sasl.mechanism", "SCRAM-SHA-512"),
                entry("kafka.sasl.jaas.config", JAAS + " username=\"case-service\" password=\"s3cret\";"),
                entry("kafka.ssl.truststore.type", "PEM"),
                entry("kafka.ssl.truststore.location", file("client.crt")));
    }

    @Test
    void a_password_with_quotes_and_backslashes_reaches_the_login_unchanged() {
        String password = "a\"b\\c d;e\\\"";
        settings.put(KafkaClientSecurity.PROTOCOL, "sasl_ssl");
        settings.put(KafkaClientSecurity.SASL_MECHANISM, "SCRAM-SHA-256");
        settings.put(KafkaClientSecurity.USERNAME, "deputy-service");
        settings.put(KafkaClientSecurity.PASSWORD, password);
        Map<String, String> yielded = yielded();
        assertThat(yielded).containsEntry("kafka.sasl.mechanism", "SCRAM-SHA-256");
        AppConfigurationEntry login = JaasContext.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG,
                new Password(yielded.get("kafka.sasl.jaas.config")))).configurationEntries().get(0);
        assertThat(login.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(Map.copyOf(login.getOptions())).isEqualTo(Map.of("username", "deputy-service", "password", password));
    }

    @Test
    void ssl_with_a_client_certificate_gives_a_pem_key_store_a_kafka_client_loads() throws Exception {
        settings.put(KafkaClientSecurity.PROTOCOL, "SSL");
        settings.put(KafkaClientSecurity.CLIENT_CERT, file("client.crt"));
        settings.put(KafkaClientSecurity.CLIENT_KEY, file("client.key"));
        Map<String, String> yielded = yielded();
        assertThat(yielded).containsOnly(
                entry("kafka.security.protocol", "SSL"),
                entry("kafka.ssl.keystore.type", "PEM"),
                entry("kafka.ssl.keystore.certificate.chain", Files.readString(Path.of(file("client.crt")))),
                entry("kafka.ssl.keystore.key", Files.readString(Path.of(file("client.key")))));
        // a client builds its SSL context (and reads the key store) when it is made: a key it cannot use fails here
        Map<String, Object> config = new HashMap<>();
        yielded.forEach((name, value) -> config.put(name.substring("kafka.".length()), value));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        try (Admin admin = Admin.create(config)) {
            admin.close(Duration.ZERO);
        }
    }

    @Test
    void a_bad_protocol_stops_the_start_naming_the_setting() {
        settings.put(KafkaClientSecurity.PROTOCOL, "SASL_PLAINTEXT");
        assertThatThrownBy(this::yielded).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LIANLUO_KAFKA_SECURITY_PROTOCOL must be PLAINTEXT, SSL or SASL_SSL, not 'SASL_PLAINTEXT'");
    }

    @Test
    void settings_that_cannot_be_what_was_meant_are_refused() {
        settings.put(KafkaClientSecurity.USERNAME, "case-service");
        assertThatThrownBy(this::yielded).hasMessageStartingWith("LIANLUO_KAFKA_USERNAME is set but LIANLUO_KAFKA_SECURITY_PROTOCOL is PLAINTEXT");
        settings.put(KafkaClientSecurity.PROTOCOL, "SASL_SSL");
        assertThatThrownBy(this::yielded).hasMessage("LIANLUO_KAFKA_PASSWORD is needed when LIANLUO_KAFKA_SECURITY_PROTOCOL is SASL_SSL");
        settings.put(KafkaClientSecurity.PASSWORD, "x");
        settings.put(KafkaClientSecurity.SASL_MECHANISM, "PLAIN");
        assertThatThrownBy(this::yielded).hasMessageStartingWith("LIANLUO_KAFKA_SASL_MECHANISM must be SCRAM-SHA-512 or SCRAM-SHA-256");
        settings.remove(KafkaClientSecurity.SASL_MECHANISM);
        settings.put(KafkaClientSecurity.CLIENT_CERT, file("client.crt"));
        assertThatThrownBy(this::yielded).hasMessageStartingWith("LIANLUO_KAFKA_CLIENT_KEY is missing");
        settings.remove(KafkaClientSecurity.CLIENT_CERT);
        settings.put(KafkaClientSecurity.CA, "/no/such/ca.crt");
        assertThatThrownBy(this::yielded).hasMessage("LIANLUO_KAFKA_CA names /no/such/ca.crt, which cannot be read");
        settings.put(KafkaClientSecurity.PROTOCOL, "SSL");
        settings.remove(KafkaClientSecurity.CA);
        assertThatThrownBy(this::yielded).hasMessageStartingWith("LIANLUO_KAFKA_USERNAME is set but LIANLUO_KAFKA_SECURITY_PROTOCOL is SSL");
    }

    @Test
    void the_database_settings_become_driver_properties_of_the_datasource() {
        settings.put(DatabaseTls.SSLMODE, "verify-full");
        settings.put(DatabaseTls.SSLROOTCERT, file("client.crt"));
        assertThat(yielded()).containsOnly(
                entry("quarkus.datasource.jdbc.additional-jdbc-properties.sslmode", "verify-full"),
                entry("quarkus.datasource.jdbc.additional-jdbc-properties.sslrootcert", file("client.crt")));
        settings.put(DatabaseTls.SSLMODE, "verify_full");
        assertThatThrownBy(this::yielded).hasMessageStartingWith("LIANLUO_DB_SSLMODE must be one of");
    }

    @Test
    void the_environment_reaches_the_global_kafka_configuration_as_quarkus_reads_it() {
        // "$$" is how a "$" is written in any Quarkus setting; the login must get what the setting means, "p${x}\"\\q"
        String password = "p$${x}\"\\q";
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new EnvConfigSource(Map.of("LIANLUO_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "LIANLUO_KAFKA_USERNAME", "scoring-service", "LIANLUO_KAFKA_PASSWORD", password,
                        "LIANLUO_DB_SSLMODE", "verify-full"), 300))
                .withSources(new ConnectionSecuritySource()).build();
        // Quarkus's default-kafka-broker takes every kafka.* name the configuration lists
        assertThat(config.getPropertyNames()).contains("kafka.security.protocol", "kafka.sasl.mechanism", "kafka.sasl.jaas.config",
                "quarkus.datasource.jdbc.additional-jdbc-properties.sslmode");
        assertThat(config.getValue("kafka.security.protocol", String.class)).isEqualTo("SASL_SSL");
        assertThat(config.getValue("quarkus.datasource.jdbc.additional-jdbc-properties.sslmode", String.class)).isEqualTo("verify-full");
        AppConfigurationEntry login = JaasContext.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG,
                new Password(config.getValue("kafka.sasl.jaas.config", String.class)))).configurationEntries().get(0);
        assertThat(config.getValue(KafkaClientSecurity.PASSWORD, String.class)).isEqualTo("p${x}\"\\q");
        assertThat(Map.copyOf(login.getOptions())).isEqualTo(Map.of("username", "scoring-service", "password",
                config.getValue(KafkaClientSecurity.PASSWORD, String.class)));
    }

    @Test
    void a_bad_setting_in_the_environment_stops_the_configuration_naming_it() {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new EnvConfigSource(Map.of("LIANLUO_KAFKA_SECURITY_PROTOCOL", "TLS"), 300))
                .withSources(new ConnectionSecuritySource());
        assertThatThrownBy(builder::build).hasStackTraceContaining(
                "LIANLUO_KAFKA_SECURITY_PROTOCOL must be PLAINTEXT, SSL or SASL_SSL, not 'TLS'");
    }

    @Test
    void hand_made_clients_take_only_the_security_of_the_global_kafka_configuration() {
        Map<String, Object> broker = Map.of("bootstrap.servers", "kafka:9093", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "ssl.truststore.type", "PEM", "group.id", "x");
        KafkaClients clients = new KafkaClients(broker);
        assertThat(clients.config(Map.of("bootstrap.servers", "own:9092", "client.id", "relay"))).containsOnly(
                entry("bootstrap.servers", "own:9092"), entry("client.id", "relay"), entry("security.protocol", "SASL_SSL"),
                entry("sasl.mechanism", "SCRAM-SHA-512"), entry("ssl.truststore.type", "PEM"));
    }
}
