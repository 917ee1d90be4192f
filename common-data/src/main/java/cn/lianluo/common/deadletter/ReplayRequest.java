package cn.lianluo.common.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * What to replay, in exactly one of three forms: one record ({@code topic}, {@code partition}, {@code offset}), the
 * newest dead letter of one event ({@code eventId}), or every dead letter since a moment ({@code since}).
 */
@Schema(name = "DeadLetterReplayRequest", description = "Exactly one of: topic with partition and offset; eventId; since")
public record ReplayRequest(@Schema(description = "A dead-letter topic of the service") String topic, Integer partition,
                            Long offset, @Schema(description = "The newest dead letter of this event") String eventId,
                            @Schema(description = "Every dead letter put there since (at most 500, oldest first)")
                            Instant since) {
}
