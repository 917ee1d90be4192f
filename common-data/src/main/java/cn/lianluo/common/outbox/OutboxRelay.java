package cn.lianluo.common.outbox;

import cn.lianluo.common.connections.KafkaClients;
import cn.lianluo.common.events.CloudEvent;
import cn.lianluo.common.metrics.EventMeters;
import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import cn.lianluo.common.data.BatchDeletes;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes pending outbox rows to Kafka in {@code seq} order and marks them sent, in one transaction per
 * batch. Replicas take turns through a transaction-scoped advisory lock (so a service's events leave in
 * the order they were written), and the rows are taken {@code FOR UPDATE SKIP LOCKED} besides. When Kafka
 * is down the batch rolls back and stays pending; it is retried on the next pass, so no write is lost.
 * A row sent whose marking then fails is sent again with the same event id: consumers are idempotent.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: one relay at a time per service database. */
    private static final long RELAY_LOCK = 0x4c69616e6c756fL;

    private final EntityManager em;
    private final EventsConfig config;
    private final EventTopic topic;
    private final EventMeters meters;
    private final EventTraces traces;
    private final KafkaClients clients;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    /** A pass is queued and has not begun: commits meanwhile ride on it instead of queueing one each. */
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private volatile Producer<String, String> producer;
    private volatile Instant quietUntil = Instant.MIN;
    /** Why the last pass stopped short, and since when passes have been failing (null while Kafka takes the rows). */
    private volatile String failure;
    private volatile Instant failingSince;

    public OutboxRelay(EntityManager em, EventsConfig config, EventTopic topic, EventMeters meters, EventTraces traces,
                       KafkaClients clients) {
        this.em = em;
        this.config = config;
        this.topic = topic;
        this.meters = meters;
        this.traces = traces;
        this.clients = clients;
    }

    /** Asks for a pass soon, e.g. right after a transaction that wrote events committed. */
    public void nudge() {
        requested.set(true);
        if (!nudges.isShutdown() && queued.compareAndSet(false, true)) {
            nudges.execute(() -> {
                queued.set(false);
                drain();
            });
        }
    }

    @Scheduled(every = "${lianluo.events.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        quietUntil = Instant.MIN;
        drain();
    }

    /** Relays until nothing is pending; returns quietly when another pass runs or Kafka is unreachable. */
    public void drain() {
        if (!config.relayEnabled() || Instant.now().isBefore(quietUntil) || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            do {
                requested.set(false);
                while (relayBatch() == config.batchSize()) {
                    // a full batch: more may be waiting
                }
            } while (requested.get());
            failure = null;
            failingSince = null;
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay paused, events stay pending: %s", e.getMessage());
            failure = e.getMessage();
            if (failingSince == null) {
                failingSince = Instant.now();
            }
            quietUntil = Instant.now().plusSeconds(2);
            closeProducer();
        } finally {
            running.set(false);
        }
    }

    /** One batch in one transaction; returns how many rows it sent. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT seq, topic, aggregate_id, envelope, id, type FROM outbox
                            WHERE sent_at IS NULL ORDER BY seq LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            // the topic as configured, not as the broker would auto-create it on the first send
            topic.ensure();
            Producer<String, String> kafka = producer();
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            List<Long> seqs = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                seqs.add(((Number) row[0]).longValue());
                ProducerRecord<String, String> record =
                        new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3]);
                record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                Span publish = traces.publishing((String) row[1], String.valueOf(row[4]), (String) row[5], (String) row[3],
                        record.headers());
                sends.add(kafka.send(record, (sent, failure) -> EventTraces.sent(publish, failure)));
            }
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (int i = 0; i < sends.size(); i++) {
                sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                meters.published((String) rows.get(i)[5]);
            }
            em.createNativeQuery("UPDATE outbox SET sent_at = now() WHERE seq IN (:seqs)")
                    .setParameter("seqs", seqs)
                    .executeUpdate();
            // one line a batch, ids only (never an envelope: its data may name a citizen)
            LOG.debugf("outbox relay: %d events sent to Kafka, the first %s (%s), the last %s (%s)", rows.size(),
                    rows.get(0)[4], rows.get(0)[5], rows.get(rows.size() - 1)[4], rows.get(rows.size() - 1)[5]);
            return rows.size();
        });
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneTick() {
        int deleted = prune(Instant.now().minus(config.keepSent()));
        if (deleted > 0) {
            LOG.infof("outbox: %d rows sent more than %s ago deleted", deleted, config.keepSent());
        }
    }

    /**
     * Deletes the rows sent before {@code sentBefore}, oldest first, a batch per transaction (rows another replica is
     * deleting are skipped); a row not yet sent is never deleted. Returns how many went.
     */
    public int prune(Instant sentBefore) {
        return BatchDeletes.olderThan(em, """
                DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE sent_at < ?1
                                                 ORDER BY seq LIMIT ?2 FOR UPDATE SKIP LOCKED)""", sentBefore);
    }

    /** Rows not yet published (for health and tests). */
    public long pending() {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("SELECT count(m) FROM OutboxMessage m WHERE m.sentAt IS NULL", Long.class).getSingleResult());
    }

    /** Why the relay's passes fail since {@link #failingSince()}; empty while its last pass went through. */
    public Optional<String> failure() {
        return failingSince == null ? Optional.empty() : Optional.of(String.valueOf(failure));
    }

    /** When the relay's passes began to fail; empty while its last pass went through. */
    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    long timeout = config.sendTimeout().toMillis();
                    producer = new KafkaProducer<>(clients.config(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.LINGER_MS_CONFIG, 5,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeout / 2),
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(2000, timeout),
                            ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'))),
                            new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debug("closing the relay's producer failed", e);
            }
            producer = null;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        nudges.shutdownNow();
        closeProducer();
    }
}
