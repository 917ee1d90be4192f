package cn.lianluo.common.deadletter;

import cn.lianluo.common.connections.KafkaClients;
import cn.lianluo.common.outbox.EventsConfig;
import cn.lianluo.common.problem.ProblemException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's own dead letters (死信): the records its {@code @Incoming} channels gave up on, read from the
 * dead-letter topics their configuration names ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}), and
 * their replay (重放): the record's envelope handed again to the channel's own method ({@link ChannelConsumers}), in
 * this process, which takes it in through {@link cn.lianluo.common.inbox.Inbox} — an event it has applied since changes
 * nothing. Nothing is written back to Kafka: a service's login may write its own topic only. Every replay is a row of
 * {@code dead_letter_replay}, with the reason when the event still could not be taken in.
 */
@ApplicationScoped
public class DeadLetters {

    /** How many dead letters one listing or one replay since a moment takes at the most, newest first. */
    public static final int MOST = 500;

    private static final Pattern DLQ_SETTING =
            Pattern.compile("^(?:%[^.]+\\.)?mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic$");
    private static final String HEADER = "dead-letter-";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final TypeReference<Map<String, Object>> ENVELOPE = new TypeReference<>() {
    };

    private final Config config;
    private final EventsConfig events;
    private final ObjectMapper mapper;
    private final EntityManager em;
    private final KafkaClients clients;
    private final ChannelConsumers consumers;

    public DeadLetters(Config config, EventsConfig events, ObjectMapper mapper, EntityManager em, KafkaClients clients,
                       ChannelConsumers consumers) {
        this.config = config;
        this.events = events;
        this.mapper = mapper;
        this.em = em;
        this.clients = clients;
        this.consumers = consumers;
    }

    /** The service's short name in the API's paths ({@code deputy} for deputy-service). */
    public String service() {
        return config.getOptionalValue("quarkus.application.name", String.class).orElse("").replaceFirst("-service$", "");
    }

    /** Each channel that dead-letters, by name, with its dead-letter topic. */
    public Map<String, String> topics() {
        Map<String, String> topics = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = DLQ_SETTING.matcher(name);
            if (m.matches()) {
                config.getOptionalValue("mp.messaging.incoming." + m.group(1) + ".dead-letter-queue.topic", String.class)
                        .ifPresent(topic -> topics.put(m.group(1), topic));
            }
        }
        return topics;
    }

    /** The dead letters since {@code since} (all when null), newest first, at most {@code most}; no envelopes. */
    public List<DeadLetter> list(Instant since, int most) {
        return read(since).stream().map(r -> describe(r, false))
                .sorted(Comparator.comparing(DeadLetter::deadLetteredAt).reversed()).limit(most).toList();
    }

    /** One dead letter with its envelope, or 404. */
    public DeadLetter show(String topic, int partition, long offset) {
        return describe(record(topic, partition, offset), true);
    }

    /**
     * Hands the dead letters the request names to their channels' consumers, oldest first, and records each replay with
     * its failure if the consumer gave up again; 404 when it names none.
     */
    public List<DeadLetterReplay> replay(ReplayRequest request, String who) {
        List<DeadLetterReplay> done = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : choose(request)) {
            done.add(replayOne(record, who));
        }
        return done;
    }

    /** The replays recorded, newest first, at most {@code most}. */
    public List<DeadLetterReplay> replays(int most) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT id, replayed_at, replayed_by, dlq_topic, dlq_partition, dlq_offset, event_id, channel, source_topic,
                       source_partition, failure FROM dead_letter_replay ORDER BY id DESC LIMIT ?1""")
                .setParameter(1, most).getResultList());
        return rows.stream().map(o -> (Object[]) o).map(DeadLetters::replayOf).toList();
    }

    private List<ConsumerRecord<byte[], byte[]>> choose(ReplayRequest request) {
        int forms = (request.topic() != null || request.partition() != null || request.offset() != null ? 1 : 0)
                + (request.eventId() != null ? 1 : 0) + (request.since() != null ? 1 : 0);
        if (forms != 1) {
            throw ProblemException.invalid("replay",
                    "name exactly one of: topic with partition and offset, eventId, since");
        }
        if (request.eventId() != null) {
            return read(null).stream().filter(r -> request.eventId().equals(eventIdOf(r)))
                    .max(Comparator.comparingLong(ConsumerRecord::timestamp)).map(List::of)
                    .orElseThrow(() -> ProblemException.notFound("dead letter of event", request.eventId()));
        }
        if (request.since() != null) {
            return read(request.since()).stream().sorted(Comparator.comparingLong(ConsumerRecord::timestamp))
                    .limit(MOST).toList();
        }
        if (request.topic() == null || request.partition() == null || request.offset() == null) {
            throw ProblemException.invalid("replay", "topic, partition and offset go together");
        }
        return List.of(record(request.topic(), request.partition(), request.offset()));
    }

    private DeadLetterReplay replayOne(ConsumerRecord<byte[], byte[]> record, String who) {
        String channel = channelOf(record.topic());
        Consumer<String> consumer = consumers.of(channel).orElseThrow(() -> ProblemException.unprocessable(
                "no-consumer", "topic", "channel " + channel + " has no method here that takes an envelope"));
        String failure = null;
        if (record.value() == null) {
            failure = "an empty record";
        } else {
            try {
                consumer.accept(new String(record.value(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                // the class only, as the Inbox logs it: a constraint's or a reader's message may quote the data
                failure = e.getClass().getSimpleName();
            }
        }
        String sourceTopic = Optional.ofNullable(header(record, "topic"))
                .or(() -> config.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class))
                .orElse(null);
        Integer sourcePartition = Optional.ofNullable(header(record, "partition")).map(Integer::valueOf).orElse(null);
        String reason = failure;
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                INSERT INTO dead_letter_replay (replayed_by, dlq_topic, dlq_partition, dlq_offset, event_id, channel,
                                                source_topic, source_partition, failure)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                RETURNING id, replayed_at, replayed_by, dlq_topic, dlq_partition, dlq_offset, event_id, channel,
                          source_topic, source_partition, failure""")
                .setParameter(1, who).setParameter(2, record.topic()).setParameter(3, record.partition())
                .setParameter(4, record.offset()).setParameter(5, eventIdOf(record)).setParameter(6, channel)
                .setParameter(7, sourceTopic).setParameter(8, sourcePartition).setParameter(9, reason)
                .getSingleResult());
        return replayOf(row);
    }

    /** The channel whose dead letters go to the topic (the topics are the service's own: one channel each). */
    private String channelOf(String deadLetterTopic) {
        List<String> channels = topics().entrySet().stream().filter(e -> e.getValue().equals(deadLetterTopic))
                .map(Map.Entry::getKey).toList();
        if (channels.size() != 1) {
            throw ProblemException.unprocessable("no-consumer", "topic",
                    deadLetterTopic + " is the dead-letter topic of " + channels.size() + " channels, not of one");
        }
        return channels.get(0);
    }

    private ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset) {
        if (!topics().containsValue(topic)) {
            throw ProblemException.notFound("dead-letter topic", topic);
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            if (!consumer.listTopics(READ_TIMEOUT).getOrDefault(topic, List.of()).stream()
                    .anyMatch(p -> p.partition() == partition)) {
                throw ProblemException.notFound("dead letter", topic + "/" + partition + "/" + offset);
            }
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), READ_TIMEOUT).get(tp);
            if (offset < 0 || offset >= end) {
                throw ProblemException.notFound("dead letter", topic + "/" + partition + "/" + offset);
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return r;
                    }
                    // the retention deleted it, or it was a transaction marker: the next one is another record
                    throw ProblemException.notFound("dead letter", topic + "/" + partition + "/" + offset);
                }
            }
            throw unavailable();
        }
    }

    /** Every record of the dead-letter topics (from {@code since} when given), read to the end each had at the start. */
    private List<ConsumerRecord<byte[], byte[]>> read(Instant since) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            var existing = consumer.listTopics(READ_TIMEOUT);
            List<TopicPartition> partitions = topics().values().stream().distinct()
                    .flatMap(t -> existing.getOrDefault(t, List.of()).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, READ_TIMEOUT));
            if (since == null) {
                consumer.seekToBeginning(partitions);
            } else {
                Map<TopicPartition, Long> at = new HashMap<>();
                partitions.forEach(p -> at.put(p, since.toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(at, READ_TIMEOUT);
                partitions.forEach(p -> consumer.seek(p, found.get(p) == null ? end.get(p) : found.get(p).offset()));
            }
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            end.keySet().removeIf(p -> consumer.position(p, READ_TIMEOUT) >= end.get(p));
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw unavailable();
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition p = new TopicPartition(r.topic(), r.partition());
                    if (end.containsKey(p) && r.offset() < end.get(p)) {
                        records.add(r);
                    }
                }
                end.keySet().removeIf(p -> consumer.position(p, READ_TIMEOUT) >= end.get(p));
            }
        }
        return records;
    }

    private DeadLetter describe(ConsumerRecord<byte[], byte[]> r, boolean withEnvelope) {
        String value = r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
        JsonNode envelope = envelopeOf(value);
        String type = envelope == null || !envelope.path("type").isTextual() ? null : envelope.path("type").asText();
        return new DeadLetter(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()),
                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), eventIdOf(r), type,
                header(r, "topic"), Optional.ofNullable(header(r, "partition")).map(Integer::valueOf).orElse(null),
                Optional.ofNullable(header(r, "offset")).map(Long::valueOf).orElse(null),
                header(r, "reason"), header(r, "cause"), header(r, "exception-class-name"),
                withEnvelope && envelope != null ? mapper.convertValue(envelope, ENVELOPE) : null,
                withEnvelope && envelope == null ? value : null);
    }

    private String eventIdOf(ConsumerRecord<byte[], byte[]> r) {
        JsonNode envelope = r.value() == null ? null : envelopeOf(new String(r.value(), StandardCharsets.UTF_8));
        return envelope == null || !envelope.path("id").isTextual() ? null : envelope.path("id").asText();
    }

    private JsonNode envelopeOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null; // unreadable: shown as the raw value
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(HEADER + name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static DeadLetterReplay replayOf(Object[] row) {
        return new DeadLetterReplay(((Number) row[0]).longValue(), instantOf(row[1]), (String) row[2], (String) row[3],
                ((Number) row[4]).intValue(), ((Number) row[5]).longValue(), (String) row[6], (String) row[7],
                (String) row[8], row[9] == null ? null : ((Number) row[9]).intValue(), (String) row[10]);
    }

    private static Instant instantOf(Object value) {
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "kafka-unavailable", "Service unavailable 暂不可用",
                "Kafka did not answer in time; try again");
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(clients.config(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, events.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, service() + "-dead-letters")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
