package cn.lianluo.common.deadletter;

import java.time.Instant;

/** A dead letter sent back to its topic (重放记录): who, when, which record and where to. */
public record DeadLetterReplay(long id, Instant replayedAt, String replayedBy, String topic, int partition, long offset,
                               String eventId, String targetTopic, int targetPartition) {
}
