package cn.lianluo.common.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A dead letter handed again to its channel's consumer (重放记录): who, when, which record, the channel and topic it
 * came from, and the failure when the consumer gave up again.
 */
@Schema(name = "DeadLetterReplay", description = "A replay of a dead letter, as recorded")
public record DeadLetterReplay(long id, Instant replayedAt,
                               @Schema(description = "The subject of the ADMIN's token") String replayedBy,
                               @Schema(description = "The dead-letter topic") String topic, int partition, long offset,
                               @Schema(nullable = true, description = "The CloudEvent's id, when the value is one") String eventId,
                               @Schema(description = "The channel whose consumer took it in again") String channel,
                               @Schema(nullable = true, description = "The topic it first came from") String sourceTopic,
                               @Schema(nullable = true, description = "The partition it first came from") Integer sourcePartition,
                               @Schema(nullable = true, description = "Why the consumer gave up again (the exception's "
                                       + "class; its message may quote the data): null when it took the event in, "
                                       + "applied or already applied before") String failure) {
}
