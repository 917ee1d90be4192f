package cn.lianluo.notification.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** What the in-app inbox (站内信) answers. */
public final class InboxDtos {

    private InboxDtos() {
    }

    @Schema(description = "One entry of the caller's inbox 站内信")
    public record InboxEntry(
            @Schema(description = "the entry's id (the message's)") UUID id,
            @Schema(description = "标题") String title,
            @Schema(description = "正文") String body,
            @Schema(description = "the event it tells of, e.g. lianluo.case.assigned.v1") String eventType,
            @Schema(description = "what it is about: a case id, a deputy id", nullable = true) String subject,
            @Schema(description = "the region of what it is about") String regionCode,
            @Schema(description = "when it was put in the inbox") Instant createdAt,
            @Schema(description = "whether the caller has read it (已读)") boolean read,
            @Schema(description = "when the caller read it", nullable = true) Instant readAt) {
    }

    @Schema(description = "How many entries of the caller's inbox are unread 未读数")
    public record UnreadCount(long unread) {
    }

    @Schema(description = "How many entries 全部已读 marked read")
    public record MarkedRead(int marked) {
    }
}
