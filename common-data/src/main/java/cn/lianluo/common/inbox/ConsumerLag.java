package cn.lianluo.common.inbox;

import cn.lianluo.common.connections.KafkaClients;
import cn.lianluo.common.outbox.EventsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lianluo_consumer_lag_records{group,topic}}: for each consumer group of the service's incoming channels, the
 * records of each topic it has not committed yet — the sum over the topic's partitions of the end offset less the
 * group's committed offset. Asked of Kafka's admin API every 15 s (not the consumer's own {@code records-lag}, which
 * counts from the position of this replica's partitions only, and before their commit): the figure is the group's, the
 * same on every replica. While Kafka does not answer, the last figures stay.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    private final EventsConfig events;
    private final KafkaClients clients;
    private final MeterRegistry registry;
    private final Set<String> groups;
    private final Map<String, Long> lags = new ConcurrentHashMap<>();
    private Admin admin;

    public ConsumerLag(EventsConfig events, MeterRegistry registry, Config config, KafkaClients clients) {
        this.events = events;
        this.clients = clients;
        this.registry = registry;
        this.groups = groupsOf(config);
    }

    /** The group of each incoming Kafka channel: its own group.id, the connector's, else the application's name. */
    static Set<String> groupsOf(Config config) {
        Set<String> found = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher channel = CHANNEL.matcher(name);
            if (channel.matches() && "smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse(""))) {
                config.getOptionalValue("mp.messaging.incoming." + channel.group(1) + ".group.id", String.class)
                        .or(() -> config.getOptionalValue("mp.messaging.connector.smallrye-kafka.group.id", String.class))
                        .or(() -> config.getOptionalValue("quarkus.application.name", String.class))
                        .ifPresent(found::add);
            }
        }
        return found;
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        for (String group : groups) {
            try {
                lagsOf(group).forEach((topic, lag) -> {
                    String key = group + "\n" + topic;
                    if (lags.put(key, lag) == null) {
                        Gauge.builder("lianluo.consumer.lag.records", lags, l -> l.getOrDefault(key, 0L))
                                .description("Records of the topic the consumer group has not committed yet")
                                .tag("group", group).tag("topic", topic).register(registry);
                    }
                });
            } catch (RuntimeException e) {
                LOG.debugf("consumer lag of %s not read: %s", group, e.getMessage());
                close();
            }
        }
    }

    private Map<String, Long> lagsOf(String group) {
        int timeout = (int) Math.max(1000, events.sendTimeout().toMillis());
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeout, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    ends.put(partition, OffsetSpec.latest());
                }
            });
            Map<TopicPartition, ListOffsetsResultInfo> latest = ends.isEmpty() ? Map.of()
                    : admin().listOffsets(ends).all().get(timeout, TimeUnit.MILLISECONDS);
            Map<String, Long> byTopic = new HashMap<>();
            latest.forEach((partition, end) -> byTopic.merge(partition.topic(),
                    Math.max(0, end.offset() - committed.get(partition).offset()), Long::sum));
            return byTopic;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            int timeout = (int) Math.max(1000, events.sendTimeout().toMillis());
            admin = Admin.create(clients.config(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, events.bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
                    AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag" + events.source().replace('/', '-'))));
        }
        return admin;
    }

    private synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
            admin = null;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }
}
