package cn.lianluo.common.connections;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The properties of the Kafka clients a service makes by hand (the outbox relay's producer, the topic's and the lag's
 * admin clients, the dead-letter reader and replayer): their own, plus the security the channels use. The security is
 * taken from the same global {@code kafka.*} configuration the SmallRye channels read (Quarkus's
 * {@code default-kafka-broker}), so a hand-made client can never connect otherwise than the channels do.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> security;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.security = securityOf(broker);
    }

    /** {@code own}, with the security properties added (a client's own never sets them). */
    public Map<String, Object> config(Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>(own);
        config.putAll(security);
        return config;
    }

    /** The security properties among the global Kafka configuration: the protocol and every sasl.* and ssl.*. */
    static Map<String, Object> securityOf(Map<String, Object> broker) {
        Map<String, Object> found = new TreeMap<>();
        broker.forEach((name, value) -> {
            if (name.equals("security.protocol") || name.startsWith("sasl.") || name.startsWith("ssl.")) {
                found.put(name, value);
            }
        });
        return found;
    }
}
