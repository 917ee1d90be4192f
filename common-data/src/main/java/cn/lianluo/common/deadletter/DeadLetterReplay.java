package cn.lianluo.common.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A dead letter sent back to its topic (重放记录): who, when, which record and where to. */
@Schema(name = "DeadLetterReplay", description = "A replay of a dead letter, as recorded")
public record DeadLetterReplay(long id, Instant replayedAt,
                               @Schema(description = "The subject of the ADMIN's token") String replayedBy,
                               @Schema(description = "The dead-letter topic") String topic, int partition, long offset,
                               @Schema(nullable = true, description = "The CloudEvent's id, when the value is one") String eventId,
                               String targetTopic, int targetPartition) {
}
