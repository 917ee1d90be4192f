package cn.lianluo.common.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/**
 * One record of a dead-letter topic (死信): where it lies, what event it holds, where it came from and why SmallRye
 * Reactive Messaging put it there (its {@code dead-letter-*} headers). {@code envelope} is filled only when one dead
 * letter is shown: a case event's data may hold a citizen's name or phone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DeadLetter", requiredProperties = {"topic", "partition", "offset", "deadLetteredAt"},
        extensions = @Extension(name = "x-absent-when-null", value = "true", parseValue = true),
        description = "A record of a dead-letter topic; a header or field the record does not have is left out")
public record DeadLetter(
        @Schema(description = "The dead-letter topic") String topic, int partition, long offset,
        @Schema(description = "When it was put on the dead-letter topic") Instant deadLetteredAt,
        @Schema(description = "The Kafka key (the aggregate's id)") String key,
        @Schema(description = "The CloudEvent's id, when the value is one") String eventId,
        @Schema(description = "The CloudEvent's type") String type,
        @Schema(description = "The topic it was consumed from (dead-letter-topic)") String sourceTopic,
        Integer sourcePartition, Long sourceOffset,
        @Schema(description = "Why the consumer gave up (dead-letter-reason)") String reason,
        @Schema(description = "The cause under the reason (dead-letter-cause)") String cause,
        @Schema(description = "The class of the exception (dead-letter-exception-class-name)") String exception,
        @Schema(description = "The CloudEvent as it came (one dead letter only)") Map<String, Object> envelope,
        @Schema(description = "The value as text when it is not a JSON object (one dead letter only)") String value) {
}
