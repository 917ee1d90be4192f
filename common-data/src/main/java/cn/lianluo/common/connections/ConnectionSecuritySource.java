package cn.lianluo.common.connections;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Puts the connection security settings where the clients read them: {@link KafkaClientSecurity}'s properties as the
 * global {@code kafka.*} configuration (which the SmallRye channels and {@link KafkaClients} take) and
 * {@link DatabaseTls}'s on the datasource. Only what is set appears. Its ordinal sits above the shared defaults of
 * microprofile-config.properties and below a service's application.properties and the environment, so a
 * {@code kafka.ssl.*} or datasource property set by hand still wins. Registered in
 * META-INF/services/io.smallrye.config.ConfigSourceFactory.
 */
public class ConnectionSecuritySource implements ConfigSourceFactory {

    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> properties = properties(name -> Optional.ofNullable(context.getValue(name))
                .map(ConfigValue::getValue));
        if (properties.isEmpty()) {
            return List.of();
        }
        // the values are read through expression expansion again: a "${" or "$$" in a password or a path stays as it is
        Map<String, String> escaped = new HashMap<>();
        properties.forEach((name, value) -> escaped.put(name, value.replace("$", "$$")));
        return List.of(new Source(escaped));
    }

    /** Every configuration property the settings yield; a blank setting counts as unset. */
    static Map<String, String> properties(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> setting = name -> lookup.apply(name).filter(v -> !v.isBlank());
        Map<String, String> properties = new HashMap<>();
        KafkaClientSecurity.properties(setting).forEach((name, value) -> properties.put("kafka." + name, value));
        properties.putAll(DatabaseTls.properties(setting));
        return properties;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static final class Source extends MapBackedConfigSource {
        private static final long serialVersionUID = 1L;

        Source(Map<String, String> properties) {
            super("lianluo connection security (LIANLUO_KAFKA_*, LIANLUO_DB_SSL*)", properties, ORDINAL);
        }
    }
}
