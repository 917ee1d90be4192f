package cn.lianluo.common.outbox;

import cn.lianluo.common.connections.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The service's own topic exists from the start: at start-up (and before the relay's first send) it is created when
 * missing, with the partitions, replication factor and retention of {@link EventsConfig}, so a topic nothing has been
 * written to yet ({@code scoring.events} before anything is scored) can be subscribed to, and a topic is never left to
 * the broker's auto-creation defaults. A topic that exists is left as it is (operators own its settings). While
 * Kafka is unreachable the start-up keeps trying in the background; the service starts regardless.
 */
@ApplicationScoped
public class EventTopic {

    private static final Logger LOG = Logger.getLogger(EventTopic.class);

    private final EventsConfig config;
    private final KafkaClients clients;
    private final AtomicBoolean ready = new AtomicBoolean();
    private volatile boolean stopping;

    public EventTopic(EventsConfig config, KafkaClients clients) {
        this.config = config;
        this.clients = clients;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.createTopic()) {
            ready.set(true);
            return;
        }
        Thread thread = new Thread(this::untilReady, "event-topic");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void untilReady() {
        long backoff = 1000;
        while (!stopping && !ready.get()) {
            try {
                ensure();
            } catch (RuntimeException e) {
                LOG.warnf("topic %s not checked yet, retrying in %d s: %s", config.topic(), backoff / 1000, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    /** Whether the topic is known to exist (or creating it is left to operators). */
    public boolean ready() {
        return ready.get();
    }

    /**
     * Creates the topic when it is missing; returns at once once it is known to exist. Throws when Kafka cannot be
     * asked; a broker that refuses to create it (no ACL, too few brokers for the replication factor) is logged once
     * and the topic left to operators.
     */
    public void ensure() {
        if (ready.get()) {
            return;
        }
        synchronized (this) {
            if (ready.get()) {
                return;
            }
            create(config.topic());
            ready.set(true);
        }
    }

    /** Creates {@code topic} as configured unless it exists; throws only when Kafka does not answer. */
    public void create(String topic) {
        int timeout = (int) Math.max(1000, config.sendTimeout().toMillis());
        try (Admin admin = Admin.create(clients.config(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.CLIENT_ID_CONFIG, "event-topic" + config.source().replace('/', '-'))))) {
            if (admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS).contains(topic)) {
                return;
            }
            Map<String, String> settings = new HashMap<>();
            settings.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(config.topicRetention().toMillis()));
            config.topicMinInsyncReplicas().ifPresent(n -> settings.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(n)));
            NewTopic created = new NewTopic(topic, Optional.of(config.topicPartitions()),
                    config.topicReplicationFactor().map(Integer::shortValue)).configs(settings);
            try {
                admin.createTopics(List.of(created)).all().get(timeout, TimeUnit.MILLISECONDS);
                LOG.infof("created topic %s: %d partitions, replication factor %s, %s", topic, config.topicPartitions(),
                        config.topicReplicationFactor().map(String::valueOf).orElse("the broker's default"), settings);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    return; // another replica was first
                }
                if (e.getCause() instanceof RetriableException) {
                    throw new IllegalStateException("cannot create topic " + topic + " yet: " + e.getCause().getMessage(), e.getCause());
                }
                // refused (no ACL to create topics, a replication factor above the brokers' count, a policy): said once,
                // and left to operators; the relay goes on, it is not held back by a topic it cannot make
                LOG.errorf("topic %s is missing and cannot be created as configured (%s): create it as docs/deploy.md says",
                        topic, e.getCause().getMessage());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list Kafka's topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topic " + topic, e);
        }
    }
}
