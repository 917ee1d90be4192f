package cn.lianluo.common.connections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * PostgreSQL over TLS: {@code LIANLUO_DB_SSLMODE} and {@code LIANLUO_DB_SSLROOTCERT} become pgjdbc's {@code sslmode}
 * and {@code sslrootcert} on the datasource (which Flyway uses too), whatever builds the JDBC URL ({@code DB_URL} or
 * {@code DB_HOST}…). Unset, pgjdbc keeps its own default ({@code prefer}). Production asks for {@code verify-full}: the
 * server's certificate is checked against the CA and the host name, so a server in between cannot listen in.
 */
public final class DatabaseTls {

    public static final String SSLMODE = "lianluo.db.sslmode";
    public static final String SSLROOTCERT = "lianluo.db.sslrootcert";
    static final String DRIVER_PROPERTY = "quarkus.datasource.jdbc.additional-jdbc-properties.";

    private static final Set<String> MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private DatabaseTls() {
    }

    /** The datasource properties the settings ask for, by their configuration names. */
    public static Map<String, String> properties(Function<String, Optional<String>> setting) {
        Map<String, String> properties = new LinkedHashMap<>();
        setting.apply(SSLMODE).map(String::trim).ifPresent(mode -> {
            if (!MODES.contains(mode)) {
                throw new IllegalArgumentException(KafkaClientSecurity.env(SSLMODE)
                        + " must be one of disable, allow, prefer, require, verify-ca, verify-full, not '" + mode + "'");
            }
            properties.put(DRIVER_PROPERTY + "sslmode", mode);
        });
        setting.apply(SSLROOTCERT).map(String::trim).ifPresent(path -> {
            if (!Files.isReadable(Path.of(path))) {
                throw new IllegalArgumentException(KafkaClientSecurity.env(SSLROOTCERT) + " names " + path
                        + ", which cannot be read");
            }
            properties.put(DRIVER_PROPERTY + "sslrootcert", path);
        });
        return properties;
    }
}
