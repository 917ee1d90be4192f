package cn.lianluo.common.inbox;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerLagTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void each_kafka_channel_s_group_is_its_own_the_connector_s_or_the_application_s() {
        Config config = config(Map.of(
                "quarkus.application.name", "case-service",
                "mp.messaging.incoming.deputy-events.connector", "smallrye-kafka",
                "mp.messaging.incoming.deputy-events.group.id", "433124.case-service",
                "mp.messaging.incoming.station-events.connector", "smallrye-kafka",
                "mp.messaging.incoming.in-memory.connector", "smallrye-in-memory",
                "%test.mp.messaging.incoming.other-events.connector", "smallrye-kafka"));

        assertThat(ConsumerLag.groupsOf(config)).containsExactly("433124.case-service", "case-service");
    }

    @Test
    void the_connector_s_group_is_taken_before_the_application_s_name() {
        Config config = config(Map.of(
                "quarkus.application.name", "scoring-service",
                "mp.messaging.connector.smallrye-kafka.group.id", "scoring-service-test",
                "mp.messaging.incoming.case-events.connector", "smallrye-kafka",
                "mp.messaging.incoming.deputy-events.connector", "smallrye-kafka"));

        assertThat(ConsumerLag.groupsOf(config)).containsExactly("scoring-service-test");
    }
}
