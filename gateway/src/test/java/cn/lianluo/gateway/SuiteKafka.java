package cn.lianluo.gateway;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** What the fault tests read and write on the run's topics directly: whole topics, consumer lag, re-publication. */
final class SuiteKafka {

    private SuiteKafka() {
    }

    /** The run's broker (the plain or the secure one, as its admin) with the client's own settings. */
    private static Map<String, Object> config(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(ServicesUnderTest.currentInfrastructure().kafkaAdmin());
        config.putAll(own);
        return config;
    }

    private static Admin admin() {
        return Admin.create(config(Map.of()));
    }

    /** The end offset of each partition (an empty map when the topic does not exist yet). */
    static Map<TopicPartition, Long> endOffsets(String topic) {
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return Map.of();
            }
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                    .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    static long size(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every record on the topic now, from the beginning. */
    static List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.currentTimeMillis() + 60_000;
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Waits until the group has committed every record on the topic: everything published so far was consumed. */
    static void awaitConsumed(String group, String topic, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<TopicPartition, Long> ends = endOffsets(topic);
            try (Admin admin = admin()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
            }
        });
    }

    /** Publishes the records again as they were: same key, value and headers (a redelivery, as a broker or relay makes one). */
    static void republish(List<ConsumerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config(Map.of(
                ProducerConfig.ACKS_CONFIG, "all")),
                new StringSerializer(), new StringSerializer())) {
            for (ConsumerRecord<String, String> r : records) {
                producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.key(), r.value(), r.headers()));
            }
            producer.flush();
        }
    }
}
