package cn.lianluo.scoring.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The province's scoring-service under the profile "federation" (docs/topology.md): its three channels subscribe by
 * pattern to its own topic and every county's mirrored copy, read here from the application.properties that ships,
 * with Kafka's own rule (the whole topic name must match the pattern).
 */
class FederationProfileTest {

    static SmallRyeConfig config(String... profiles) throws IOException {
        return new SmallRyeConfigBuilder()
                .withProfiles(List.of(profiles))
                .withSources(new PropertiesConfigSource(FederationProfileTest.class.getResource("/application.properties")))
                .build();
    }

    @Test
    void under_federation_each_channel_reads_its_topic_bare_and_behind_any_region_code() throws IOException {
        SmallRyeConfig province = config("prod", "federation");
        for (String publisher : List.of("station", "deputy", "case")) {
            String channel = "mp.messaging.incoming." + publisher + "-events.";
            assertThat(province.getValue(channel + "pattern", Boolean.class)).as(publisher).isTrue();
            Pattern topics = Pattern.compile(province.getValue(channel + "topic", String.class));
            assertThat(topics.matcher(publisher + ".events").matches()).as("the province's own " + publisher + ".events").isTrue();
            assertThat(topics.matcher("433124." + publisher + ".events").matches()).as("花垣县's copy").isTrue();
            assertThat(topics.matcher("430903105." + publisher + ".events").matches()).as("a township code's copy").isTrue();
            assertThat(topics.matcher("433124." + publisher + ".events.dlq").matches()).as("a dead-letter topic").isFalse();
            assertThat(topics.matcher("433124.scoring-service." + publisher + "-events.dlq").matches()).isFalse();
            assertThat(topics.matcher("county." + publisher + ".events").matches()).as("a prefix that is no region code").isFalse();
            assertThat(topics.matcher(publisher + "xevents").matches()).as("the dot is a dot").isFalse();
            assertThat(province.getValue(channel + "dead-letter-queue.topic", String.class))
                    .isEqualTo("scoring-service." + publisher + "-events.dlq");
        }
        assertThat(Pattern.compile(province.getValue("mp.messaging.incoming.case-events.topic", String.class))
                .matcher("433124.deputy.events").matches()).as("each channel keeps to its publisher").isFalse();
        assertThat(province.getValue("mp.messaging.connector.smallrye-kafka.group.id", String.class)).isEqualTo("scoring-service");
    }

    @Test
    void without_it_the_channels_name_their_topics_and_a_prefix_moves_them_all() throws IOException {
        SmallRyeConfig plain = config("prod");
        assertThat(plain.getOptionalValue("mp.messaging.incoming.case-events.pattern", Boolean.class)).isEmpty();
        assertThat(plain.getValue("mp.messaging.incoming.case-events.topic", String.class)).isEqualTo("case.events");
        assertThat(plain.getValue("lianluo.events.topic", String.class)).isEqualTo("scoring.events");

        SmallRyeConfig county = new SmallRyeConfigBuilder()
                .withProfiles(List.of("prod"))
                .withDefaultValue("lianluo.topic-prefix", "433124.")
                .withSources(new PropertiesConfigSource(FederationProfileTest.class.getResource("/application.properties")))
                .build();
        assertThat(county.getValue("mp.messaging.incoming.case-events.topic", String.class)).isEqualTo("433124.case.events");
        assertThat(county.getValue("mp.messaging.incoming.case-events.dead-letter-queue.topic", String.class))
                .isEqualTo("433124.scoring-service.case-events.dlq");
        assertThat(county.getValue("mp.messaging.connector.smallrye-kafka.group.id", String.class)).isEqualTo("433124.scoring-service");
        assertThat(county.getValue("lianluo.events.topic", String.class)).isEqualTo("433124.scoring.events");
    }
}
