package cn.lianluo.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where a service's events go and how the outbox relay runs. */
@ConfigMapping(prefix = "lianluo.events")
public interface EventsConfig {

    /** CloudEvents {@code source}, e.g. {@code /lianluo/station-service}. */
    String source();

    /** The service's topic, e.g. {@code station.events}. */
    String topic();

    /** Kafka bootstrap servers for the relay's producer. */
    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String bootstrapServers();

    /** Rows a relay pass takes at once. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for Kafka before it leaves a batch pending for the next pass. */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * How long a row stays in the outbox after it was sent; older sent rows are deleted every hour. Longer than any
     * topic keeps its records (a year for case.events), so a lost topic can still be produced again from the outboxes.
     * Rows not yet sent are never deleted.
     */
    @WithDefault("400d")
    Duration keepSent();

    /**
     * How long a consumer remembers an event it applied ({@code processed_event}); older ids are deleted every hour.
     * Longer than the longest retention of a topic the service reads (a year for case.events) and as long as the
     * outboxes keep their rows, so an event that can still be delivered, or produced again, is still known and changes
     * nothing the second time. Environment: {@code LIANLUO_EVENTS_KEEP_PROCESSED}.
     */
    @WithDefault("400d")
    Duration keepProcessed();

    /**
     * Whether the service creates its topic at start-up when it is missing ({@link EventTopic}), with the settings
     * below; a topic that exists is left as it is.
     */
    @WithDefault("true")
    boolean createTopic();

    /** Partitions of the topic when the service creates it. */
    @WithDefault("3")
    int topicPartitions();

    /** Replication factor of the topic when the service creates it; the broker's default when not set (3 in production). */
    Optional<Integer> topicReplicationFactor();

    /** {@code min.insync.replicas} of the topic when the service creates it; the broker's default when not set (2 in production). */
    Optional<Integer> topicMinInsyncReplicas();

    /** How long the topic keeps its records when the service creates it (case.events: a year). */
    @WithDefault("30d")
    Duration topicRetention();

    /** Whether this instance runs the relay (every replica may; they take turns). */
    @WithDefault("true")
    boolean relayEnabled();
}
