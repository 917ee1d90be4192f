package cn.lianluo.common.deadletter;

import java.time.Instant;

/**
 * What to replay, in exactly one of three forms: one record ({@code topic}, {@code partition}, {@code offset}), the
 * newest dead letter of one event ({@code eventId}), or every dead letter since a moment ({@code since}).
 */
public record ReplayRequest(String topic, Integer partition, Long offset, String eventId, Instant since) {
}
