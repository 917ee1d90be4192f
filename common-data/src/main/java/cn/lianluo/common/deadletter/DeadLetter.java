package cn.lianluo.common.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One record of a dead-letter topic (死信): where it lies, what event it holds, where it came from and why SmallRye
 * Reactive Messaging put it there (its {@code dead-letter-*} headers). {@code envelope} is filled only when one dead
 * letter is shown: a case event's data may hold a citizen's name or phone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(String topic, int partition, long offset, Instant deadLetteredAt, String key,
                         String eventId, String type, String sourceTopic, Integer sourcePartition, Long sourceOffset,
                         String reason, String cause, String exception, JsonNode envelope, String value) {
}
