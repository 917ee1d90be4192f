package cn.lianluo.cases.cases.rest;

import cn.lianluo.cases.cases.domain.CaseCommand;
import cn.lianluo.cases.cases.domain.CaseKind;
import cn.lianluo.cases.cases.domain.CaseStatus;
import cn.lianluo.cases.cases.domain.Channel;
import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.cases.domain.Stage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response models of the case loop's API. */
public final class CaseDtos {

    /** A mainland mobile number, or a landline with its area code. */
    public static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";
    public static final String PHONE_MESSAGE = "a mainland mobile number (11 digits from 13 to 19) or a landline with its area code (0743-1234567)";

    private CaseDtos() {
    }

    public record Citizen(@NotBlank @Size(max = 50) String name,
                          @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {
    }

    public record Attachment(@NotBlank @Size(max = 200) String name, @Size(max = 100) String contentType,
                             @PositiveOrZero long size, @Size(max = 500) String url) {
    }

    public record CaseRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 4000) String content,
            @NotBlank String category,
            CaseKind kind,
            Boolean urgent,
            @NotBlank String regionCode,
            UUID stationId,
            Channel channel,
            @NotNull @Valid Citizen citizen,
            UUID receivingDeputyId,
            @Size(max = 10) List<@Valid @NotNull Attachment> attachments) {
    }

    /** The body of {@code POST /cases/{id}/{command}}: each command reads the fields it needs. */
    public record CommandBody(
            @Size(max = 4000) String content,
            UUID unitId,
            @Size(max = 4000) String note,
            @Size(max = 4000) String result,
            Satisfaction satisfaction,
            @Size(max = 1000) String reason,
            @Min(1) @Max(60) Integer days) {
    }

    public record Rating(@NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
                         @NotNull Satisfaction satisfaction, @Size(max = 500) String comment) {
    }

    public record DeadlineView(Stage stage, String stageName, Instant startedAt, int span, LocalDate dueDate,
                               Instant dueAt, Instant warnAt, Instant metAt, boolean overdue, boolean paused) {
    }

    public record TimelineEntry(String action, String actionName, String actorRole, Instant at, String note,
                                UUID unitId, String unitName, CaseStatus status) {
    }

    public record CitizenView(String name, String phone) {
    }

    public record CaseCreated(UUID id, String trackingCode, CaseStatus status, Map<Stage, DeadlineView> deadlines) {
    }

    public record CaseView(UUID id, String trackingCode, String title, String content, String category,
                           String categoryName, CaseKind kind, boolean urgent, CaseStatus status, String statusName,
                           String regionCode, UUID stationId, Channel channel, String channelName, CitizenView citizen,
                           UUID receivingDeputyId, UUID unitId, String unitName, boolean onTheSpot, boolean paused,
                           int reopenCount, Satisfaction satisfaction, Map<Stage, DeadlineView> deadlines,
                           boolean overdue, List<CaseCommand> allowedCommands, List<TimelineEntry> timeline,
                           List<Attachment> attachments, List<UUID> suggestionIds, Instant receivedAt, Instant closedAt,
                           int version) {
    }

    public record CaseSummary(UUID id, String trackingCode, String title, String category, CaseStatus status,
                              String statusName, String regionCode, Channel channel, CitizenView citizen, UUID unitId,
                              boolean overdue, Instant receivedAt, DeadlineView currentDeadline) {
    }

    /** What a citizen sees with the tracking code and their phone: no staff's personal data. */
    public record TrackView(String trackingCode, String title, CaseStatus status, String statusName,
                            Instant receivedAt, List<TrackEntry> timeline, boolean canRate, Satisfaction satisfaction) {
    }

    public record TrackEntry(String action, String actionName, Instant at, String unitName) {
    }
}
