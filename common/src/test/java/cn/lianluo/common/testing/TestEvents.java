package cn.lianluo.common.testing;

import cn.lianluo.common.events.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Publishes events in the platform's envelope, as another service would, for a consumer under test. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A CloudEvent JSON string with the given id, type, subject and data (a JSON object text). */
    public static String envelope(UUID id, String source, String type, String subject, String regionCode, String dataJson) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type
                + "\",\"subject\":\"" + subject + "\",\"time\":\"" + OffsetDateTime.now() + "\","
                + "\"datacontenttype\":\"application/json\",\"regioncode\":\"" + regionCode + "\",\"data\":" + dataJson + "}";
    }

    /** Publishes as the outbox relay does: the CloudEvents content-type header on every record. */
    public static void publish(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.KAFKA,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }
}
