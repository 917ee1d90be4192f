package cn.lianluo.notification.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the webhook API takes and answers. The signing secret goes in once and never comes back. */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(name = "WebhookRequest", description = "A subscription: where to POST which events of which region.")
    public record WebhookRequest(
            @Schema(description = "the receiver, https: (http: only where the deployment allows it)",
                    examples = "https://12345.sangzhi.gov.cn/hooks/lianluo") String url,
            @Schema(description = "event types of case.events, deputy.events or scoring.events, or prefixes ending in * "
                    + "(lianluo.case.*, lianluo.case.suggestion-*)") List<String> eventTypes,
            @Schema(description = "行政区划代码: events of this region and inside it; within the caller's scope",
                    examples = "430822") String regionPrefix,
            @Schema(description = "the HMAC-SHA256 signing secret, 16 to 256 characters; never shown back",
                    writeOnly = true) String secret) {
    }

    @Schema(name = "Webhook", description = "A subscription (without its secret) and its deliveries' state.")
    public record Webhook(UUID id, String url, List<String> eventTypes, String regionPrefix,
                          @Schema(description = "ACTIVE or PAUSED") String status,
                          String createdBy, Instant createdAt, Instant updatedAt,
                          @Schema(description = "deliveries not yet delivered") long pending,
                          @Schema(description = "dead letters: deliveries given up") long deadLetters) {
    }

    @Schema(name = "WebhookReplayRequest", description = "Deliver again every event the subscription matched since a time.")
    public record ReplayRequest(@Schema(description = "the events whose CloudEvent time is at or after this")
                                OffsetDateTime from) {
    }

    @Schema(name = "WebhookReplayed", description = "How many deliveries the replay queued.")
    public record Replayed(int deliveries) {
    }

    @Schema(name = "WebhookDeadLetter", description = "A delivery given up after its retries, with its last answer.")
    public record DeadLetter(long id, UUID eventId, String eventType,
                             @Schema(description = "the CloudEvent's subject: a case id, a deputy id", nullable = true)
                             String subject, int attempts,
                             Instant firstAttemptAt, Instant lastAttemptAt,
                             @Schema(description = "the receiver's last HTTP status; null when it did not answer", nullable = true)
                             Integer lastStatus,
                             @Schema(description = "why the last attempt failed", nullable = true) String lastError) {
    }
}
