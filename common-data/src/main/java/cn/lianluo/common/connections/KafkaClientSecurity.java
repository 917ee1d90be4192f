package cn.lianluo.common.connections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How every Kafka client of a service reaches a secured broker: the settings {@code LIANLUO_KAFKA_*} (docs/deploy.md,
 * "Kafka 与 PostgreSQL 的安全连接") turned into the Kafka client properties they stand for. PLAINTEXT, the default, yields
 * none, so a local broker needs no setting. SSL trusts the CA bundle of {@code LIANLUO_KAFKA_CA} (else the JVM's own
 * trust store) and, with {@code LIANLUO_KAFKA_CLIENT_CERT} and {@code LIANLUO_KAFKA_CLIENT_KEY}, shows a client
 * certificate (what a Strimzi {@code KafkaUser} with {@code tls} authentication issues); SASL_SSL adds a SCRAM login.
 * A combination that cannot be what was meant (credentials over PLAINTEXT, a certificate without its key) stops the
 * start with a message naming the setting, rather than connecting in some other way than the operator asked for.
 */
public final class KafkaClientSecurity {

    public static final String PROTOCOL = "lianluo.kafka.security-protocol";
    public static final String SASL_MECHANISM = "lianluo.kafka.sasl-mechanism";
    public static final String USERNAME = "lianluo.kafka.username";
    public static final String PASSWORD = "lianluo.kafka.password";
    public static final String CA = "lianluo.kafka.ca";
    public static final String CLIENT_CERT = "lianluo.kafka.client-cert";
    public static final String CLIENT_KEY = "lianluo.kafka.client-key";

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_SSL");
    private static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-512", "SCRAM-SHA-256");
    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private KafkaClientSecurity() {
    }

    /**
     * The Kafka client properties (without the {@code kafka.} prefix) the settings ask for; {@code setting} answers a
     * setting's value by its configuration name ({@link #PROTOCOL} …), empty when it is not set.
     */
    public static Map<String, String> properties(Function<String, Optional<String>> setting) {
        String protocol = setting.apply(PROTOCOL).map(p -> p.trim().toUpperCase(Locale.ROOT)).orElse("PLAINTEXT");
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException(env(PROTOCOL) + " must be PLAINTEXT, SSL or SASL_SSL, not '"
                    + setting.apply(PROTOCOL).orElseThrow() + "'");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (protocol.equals("PLAINTEXT")) {
            for (String other : new String[] {SASL_MECHANISM, USERNAME, PASSWORD, CA, CLIENT_CERT, CLIENT_KEY}) {
                if (setting.apply(other).isPresent()) {
                    throw new IllegalArgumentException(env(other) + " is set but " + env(PROTOCOL)
                            + " is PLAINTEXT (the default), which would not use it: set " + env(PROTOCOL) + " to SSL or SASL_SSL");
                }
            }
            return properties;
        }
        properties.put("security.protocol", protocol);
        if (protocol.equals("SASL_SSL")) {
            sasl(setting, properties);
        } else {
            for (String saslOnly : new String[] {SASL_MECHANISM, USERNAME, PASSWORD}) {
                if (setting.apply(saslOnly).isPresent()) {
                    throw new IllegalArgumentException(env(saslOnly) + " is set but " + env(PROTOCOL)
                            + " is SSL, which has no SASL login: use SASL_SSL");
                }
            }
        }
        setting.apply(CA).ifPresent(ca -> {
            properties.put("ssl.truststore.type", "PEM");
            properties.put("ssl.truststore.location", readable(CA, ca).toString());
        });
        Optional<String> cert = setting.apply(CLIENT_CERT);
        Optional<String> key = setting.apply(CLIENT_KEY);
        if (cert.isPresent() != key.isPresent()) {
            throw new IllegalArgumentException(env(cert.isPresent() ? CLIENT_KEY : CLIENT_CERT) + " is missing: "
                    + env(CLIENT_CERT) + " and " + env(CLIENT_KEY) + " go together (the client certificate and its key)");
        }
        if (cert.isPresent()) {
            // as content, not ssl.keystore.location: a PEM key store read from a file needs an encrypted key and its
            // password, while Strimzi's user.key (and openssl's default) is an unencrypted PKCS#8 key
            properties.put("ssl.keystore.type", "PEM");
            properties.put("ssl.keystore.certificate.chain", content(CLIENT_CERT, cert.get()));
            properties.put("ssl.keystore.key", content(CLIENT_KEY, key.get()));
        }
        return properties;
    }

    private static void sasl(Function<String, Optional<String>> setting, Map<String, String> properties) {
        String mechanism = setting.apply(SASL_MECHANISM).map(m -> m.trim().toUpperCase(Locale.ROOT)).orElse("SCRAM-SHA-512");
        if (!MECHANISMS.contains(mechanism)) {
            throw new IllegalArgumentException(env(SASL_MECHANISM) + " must be SCRAM-SHA-512 or SCRAM-SHA-256, not '"
                    + setting.apply(SASL_MECHANISM).orElseThrow() + "'");
        }
        String username = setting.apply(USERNAME).orElseThrow(() -> new IllegalArgumentException(
                env(USERNAME) + " is needed when " + env(PROTOCOL) + " is SASL_SSL"));
        String password = setting.apply(PASSWORD).orElseThrow(() -> new IllegalArgumentException(
                env(PASSWORD) + " is needed when " + env(PROTOCOL) + " is SASL_SSL"));
        properties.put("sasl.mechanism", mechanism);
        properties.put("sasl.jaas.config", SCRAM_LOGIN + " required username=" + quoted(username) + " password="
                + quoted(password) + ";");
    }

    /** A JAAS option value: Kafka reads it with a StreamTokenizer, in which a backslash escapes the next character. */
    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The environment variable a setting is read from, as an operator writes it. */
    static String env(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Path readable(String setting, String path) {
        Path file = Path.of(path.trim());
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(env(setting) + " names " + file + ", which cannot be read");
        }
        return file;
    }

    private static String content(String setting, String path) {
        try {
            return Files.readString(readable(setting, path));
        } catch (IOException e) {
            throw new IllegalArgumentException(env(setting) + " names " + path + ", which cannot be read: " + e.getMessage(), e);
        }
    }
}
