package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.CaseCommand;
import cn.lianluo.cases.cases.domain.CaseKind;
import cn.lianluo.cases.cases.domain.CaseLocation;
import cn.lianluo.cases.cases.domain.CaseStatus;
import cn.lianluo.cases.cases.domain.Channel;
import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.cases.domain.Stage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    /** A grid's (网格) code as the township's grid system gives it, e.g. 433124108-03. */
    public static final String GRID_ID = "^[0-9A-Za-z][0-9A-Za-z._-]*$";
    public static final String GRID_ID_MESSAGE = "a grid code of letters, digits, dots, dashes and underscores (433124108-03)";

    private CaseDtos() {
    }

    /**
     * The spelling of a case command on the wire: the {@code command} path segment of {@code POST /cases/{id}/{command}}
     * and the values of a case's {@code allowedCommands} ({@link CaseCommand#path()}; {@code CommandNamesTest} keeps the
     * two lists equal).
     */
    @Schema(name = "CaseCommand", type = SchemaType.STRING, description = "A command of the 五环五时 loop, as "
            + "POST /cases/{id}/{command} takes it and a case's allowedCommands lists it.",
            enumeration = {"answer", "assign", "accept", "escalate", "transfer", "return", "complete", "reply", "visit",
                    "reopen", "pause", "resume", "request-extension", "approve-extension", "deny-extension", "supervise", "close",
                    "merge", "unlink"})
    public interface CommandName {
    }

    /**
     * What a timeline entry records: the case's receipt, each command by its name ({@link CaseCommand#name()}), and
     * the escalation to a supervisor after repeated dissatisfaction.
     */
    @Schema(name = "CaseAction", type = SchemaType.STRING, description = "What a timeline entry records: RECEIVED, "
            + "a command (upper case), ESCALATED_TO_SUPERVISOR (unsatisfied again after two reopenings), or "
            + "DUPLICATE_MERGED_IN (on the case a duplicate was merged into: which one, by whom).",
            enumeration = {"RECEIVED", "ANSWER", "ASSIGN", "ACCEPT", "ESCALATE", "TRANSFER", "RETURN", "COMPLETE", "REPLY",
                    "VISIT", "REOPEN", "PAUSE", "RESUME", "REQUEST_EXTENSION", "APPROVE_EXTENSION", "DENY_EXTENSION", "SUPERVISE", "CLOSE",
                    "MERGE", "UNLINK", "ESCALATED_TO_SUPERVISOR", "DUPLICATE_MERGED_IN"})
    public interface ActionName {
    }

    /** Who acted on a case: a role of the token, or the citizen (submission online, rating by tracking code). */
    @Schema(name = "CaseActorRole", type = SchemaType.STRING,
            enumeration = {"ADMIN", "SUPERVISOR", "STATION_STAFF", "DEPUTY", "HANDLER", "CITIZEN"})
    public interface ActorRole {
    }

    @Schema(description = "The citizen who raised the case (stored encrypted).")
    public record Citizen(@NotBlank @Size(max = 50) String name,
                          @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE)
                          @Schema(description = "a mainland mobile number or a landline with its area code") String phone,
                          @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z.\\-]+", message = "letters, digits, dots and dashes")
                          @Schema(description = "the version of the notice on personal data (个人信息处理告知) the citizen was "
                                  + "shown and agreed to before sending name and phone; recorded with the time (PIPL art. 14, 17). "
                                  + "The public pages send it; kept with the case or proposal, never shown back",
                                  examples = "2026-12-01") String consentedNotice) {

        public Citizen(String name, String phone) {
            this(name, phone, null);
        }
    }

    @Schema(name = "CaseAttachment", description = "A file of the case. In a submission: {fileId} of a file uploaded "
            + "with POST /api/v1/files within 24 h and attached to no case (the stored file's name, type and size are "
            + "used; other fields given beside fileId are ignored), or a link {name, contentType?, size?, url} (https: to "
            + "a public host). In a case: both kinds, a stored file with its fileId and its download path as url.")
    public record Attachment(@Size(max = 200) @Schema(nullable = true, description = "required for a link") String name,
                             @Size(max = 100) @Schema(nullable = true) String contentType,
                             @PositiveOrZero long size,
                             @Size(max = 500) @Schema(nullable = true, description = "a link's https: URL; for a stored "
                                     + "file its download path /api/v1/files/{fileId} (with a token)") String url,
                             @Schema(nullable = true, description = "a stored file's id (POST /api/v1/files); null for a link") UUID fileId,
                             @Schema(nullable = true, description = "in a case: the command that added the file, complete "
                                     + "or reply; null for the files of the submission (ignored in a submission)") String step) {

        /** The download path of a stored file. */
        public static String downloadPath(UUID fileId) {
            return "/api/v1/files/" + fileId;
        }
    }

    @Schema(name = "CaseRequest")
    public record CaseRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 4000) String content,
            @NotBlank @Schema(description = "a category code of GET /cases/categories") String category,
            @Schema(description = "default ENQUIRY") CaseKind kind,
            @Schema(description = "staff only; sets the same-day handling limit") Boolean urgent,
            @NotBlank @Schema(description = "行政区划代码 of the case's place") String regionCode,
            @Schema(description = "staff only") UUID stationId,
            @Schema(description = "default ONLINE; without a token only ONLINE; a grid worker's (a token with a "
                    + "gridId) is GRID") Channel channel,
            @Size(max = 40) @Pattern(regexp = GRID_ID, message = GRID_ID_MESSAGE)
            @Schema(nullable = true, description = "the grid (网格) the case came from: required with channel GRID and "
                    + "refused with any other (400); a grid worker's own grid when left out, another grid is 403",
                    examples = "433124108-03") String gridId,
            @NotNull @Valid Citizen citizen,
            @Schema(description = "the deputy who received the case (第一责任人); staff and deputies only") UUID receivingDeputyId,
            @Size(max = 10) List<@Valid @NotNull Attachment> attachments,
            @Size(max = 200) @Schema(nullable = true, description = "where the matter is (地点), as the citizen says it") String address,
            @DecimalMin(CaseLocation.MIN_LAT) @DecimalMax(CaseLocation.MAX_LAT)
            @Schema(nullable = true, description = "the matter's place, GCJ-02 latitude (as Chinese maps give it), "
                    + "with lng or not at all; within China") Double lat,
            @DecimalMin(CaseLocation.MIN_LNG) @DecimalMax(CaseLocation.MAX_LNG)
            @Schema(nullable = true, description = "GCJ-02 longitude, with lat") Double lng,
            @Schema(nullable = true, description = "channel APPOINTMENT (代表有约) only: the appointment at a station the "
                    + "request was left from (station-service's appointment id); refused with any other channel (400)")
            UUID appointmentId) {

        public CaseRequest(String title, String content, String category, CaseKind kind, Boolean urgent,
                           String regionCode, UUID stationId, Channel channel, Citizen citizen, UUID receivingDeputyId,
                           List<Attachment> attachments) {
            this(title, content, category, kind, urgent, regionCode, stationId, channel, null, citizen, receivingDeputyId,
                    attachments, null, null, null, null);
        }
    }

    /** The body of {@code POST /cases/{id}/{command}}: each command reads the fields it needs. */
    @Schema(name = "CaseCommandBody", description = "Each command reads the fields it needs: answer {content}, assign "
            + "{unitId, reason?} (a reason, or a note, when the unit is below the level of the case's category: 分级分类), escalate {unitId, note, resetClock?}, transfer {unitId, reason} (转办 to another unit of the same "
            + "level; the handling clock goes on), return {reason} (退回 by the assigned unit within 1 working day of "
            + "getting the case), complete {result}, reply {content}, visit {satisfaction}, reopen {reason}, "
            + "pause {reason}, request-extension {days, reason}, supervise {note}, close {note}, merge {intoCaseId, "
            + "note?} (合并办理: a duplicate ends merged into an open case of its county, whose answer its citizen is "
            + "shown), unlink {note?} (clears possibleDuplicateOf); the others none.")
    public record CommandBody(
            @Size(max = 4000) String content,
            UUID unitId,
            @Size(max = 4000) String note,
            @Size(max = 4000) String result,
            Satisfaction satisfaction,
            @Size(max = 1000) String reason,
            @Min(1) @Max(60) Integer days,
            @Schema(nullable = true, description = "escalate only, by a supervisor: the new unit gets the full handling "
                    + "time limit; without it the handling clock goes on and the new unit has the working time that was left")
            Boolean resetClock,
            @Size(max = 10) @Schema(nullable = true, description = "complete and reply only: files uploaded with POST "
                    + "/api/v1/files within 24 h, by this account or without a token (proof of handling 办结材料, the "
                    + "answer's papers), attached to the case with the step; another command with files is 422 "
                    + "files-not-taken")
            List<@NotNull UUID> fileIds,
            @Schema(nullable = true, description = "merge only: the open case the duplicate is merged into") UUID intoCaseId) {
    }

    @Schema(name = "CaseRating")
    public record Rating(@NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE)
                         @Schema(description = "the phone the case was submitted with") String phone,
                         @NotNull Satisfaction satisfaction, @Size(max = 500) String comment) {
    }

    @Schema(name = "CaseDeadline", description = "The time limit of one stage, in working days of the province's calendar.")
    public record DeadlineView(Stage stage, String stageName, Instant startedAt,
                               @Schema(description = "working days") int span, LocalDate dueDate,
                               Instant dueAt, Instant warnAt,
                               @Schema(nullable = true, description = "when the stage was done; null while open") Instant metAt,
                               boolean overdue, boolean paused) {
    }

    @Schema(name = "CaseTimelineEntry", description = "One thing done to the case, by whom and when.")
    public record TimelineEntry(@Schema(ref = "CaseAction") String action, String actionName,
                                @Schema(ref = "CaseActorRole") String actorRole,
                                @Schema(description = "the account that acted: its user name (the token's "
                                        + "preferred_username, else its subject); citizen for a citizen") String actor,
                                @Schema(nullable = true, description = "the account's id at the identity provider (sub); "
                                        + "only for those who handle the case, null for the citizen and older entries") String actorSubject,
                                @Schema(nullable = true, description = "the person's name from the token; only for those "
                                        + "who handle the case") String actorName,
                                @Schema(nullable = true, description = "the handling unit of the account (a unit's staff); "
                                        + "only for those who handle the case") UUID actorUnitId,
                                @Schema(nullable = true) String actorUnitName,
                                Instant at,
                                @Schema(nullable = true) String note,
                                @Schema(nullable = true, description = "what the citizen was told: the answer or reply "
                                        + "content, the handling result; null for other actions") String content,
                                @Schema(nullable = true, description = "the unit assigned or escalated to") UUID unitId,
                                @Schema(nullable = true) String unitName,
                                @Schema(description = "the case's status after the action") CaseStatus status) {
    }

    @Schema(description = "The citizen's name and phone, masked (张*, 138****1234) for those who do not handle the case.")
    public record CitizenView(String name, String phone) {
    }

    @Schema(name = "CaseCreated")
    public record CaseCreated(UUID id, @Schema(description = "for the citizen's tracking page") String trackingCode,
                              CaseStatus status,
                              @Schema(description = "by stage: ASSIGN when the case is received", propertyNames = Stage.class) Map<Stage, DeadlineView> deadlines) {
    }

    @Schema(name = "CaseView")
    public record CaseView(UUID id,
                           @Schema(nullable = true, description = "only for those who handle the case") String trackingCode,
                           String title, String content, String category,
                           @Schema(nullable = true) String categoryName, CaseKind kind, boolean urgent, CaseStatus status,
                           String statusName, String regionCode, @Schema(nullable = true) UUID stationId, Channel channel,
                           String channelName,
                           @Schema(nullable = true, description = "channel GRID: the grid (网格) the case came from; "
                                   + "null for every other channel") String gridId,
                           CitizenView citizen,
                           @Schema(nullable = true) UUID receivingDeputyId,
                           @Schema(nullable = true, description = "the unit handling the case now") UUID unitId,
                           @Schema(nullable = true) String unitName, boolean onTheSpot, boolean paused,
                           int reopenCount, @Schema(nullable = true) Satisfaction satisfaction,
                           @Schema(description = "the latest deadline of each stage started", propertyNames = Stage.class) Map<Stage, DeadlineView> deadlines,
                           boolean overdue,
                           @Schema(type = SchemaType.ARRAY, implementation = CommandName.class,
                                   description = "the commands the case's state allows now (the caller's role may allow fewer)")
                           List<String> allowedCommands,
                           @Schema(description = "oldest first") List<TimelineEntry> timeline,
                           List<Attachment> attachments,
                           @Schema(description = "the suggestions the case grew into") List<UUID> suggestionIds,
                           Instant receivedAt, @Schema(nullable = true) Instant closedAt, int version,
                           @Schema(nullable = true, description = "where the matter is (地点)") String address,
                           @Schema(nullable = true, description = "GCJ-02 latitude of the matter's place") Double lat,
                           @Schema(nullable = true, description = "GCJ-02 longitude") Double lng,
                           @Schema(nullable = true, description = "重复件: the open case this one looked like at intake "
                                   + "(same phone, or same place and similar text within 30 days), until it is merged "
                                   + "or unlinked; only for those who handle the case") UUID possibleDuplicateOf,
                           @Schema(nullable = true, description = "status MERGED: the case this one was merged into; "
                                   + "only for those who handle the case") UUID mergedInto,
                           @Schema(nullable = true, description = "channel APPOINTMENT: the appointment with a deputy "
                                   + "(代表有约) the case was left from") UUID appointmentId) {
    }

    @Schema(name = "CaseSummary")
    public record CaseSummary(UUID id, @Schema(nullable = true, description = "only for those who handle the case") String trackingCode,
                              String title, String category, CaseStatus status,
                              String statusName, String regionCode, Channel channel,
                              @Schema(nullable = true, description = "channel GRID: the grid (网格) the case came from")
                              String gridId, CitizenView citizen,
                              @Schema(nullable = true) UUID unitId, boolean overdue, Instant receivedAt,
                              @Schema(nullable = true, description = "the open deadline; null when none is open") DeadlineView currentDeadline,
                              @Schema(nullable = true, description = "重复件: the open case this one looked like at "
                                      + "intake; only for those who handle the case") UUID possibleDuplicateOf) {
    }

    /**
     * What a citizen sees with the tracking code and their phone: each step, the answer and the result, and the names
     * of units; never who acted (no account, no staff's or deputy's name or id).
     */
    @Schema(name = "CaseTracking", description = "The citizen's tracking page: each step, the answer (答复) and the "
            + "handling result (办理结果), the handling unit's name; no staff's personal data.")
    public record TrackView(String trackingCode, String title, CaseStatus status, String statusName,
                            Instant receivedAt, @Schema(description = "oldest first") List<TrackEntry> timeline,
                            @Schema(description = "whether the citizen may rate the reply now") boolean canRate,
                            @Schema(nullable = true) Satisfaction satisfaction,
                            @Schema(nullable = true, description = "the unit handling the case now (承办单位); null "
                                    + "before it is assigned and for an answer on the spot") String unitName,
                            @Schema(nullable = true, description = "the latest answer the citizen was given: a reply "
                                    + "(答复) or a deputy's answer on the spot (当场答复); null before the first") TrackAnswer reply,
                            @Schema(nullable = true, description = "the latest handling result (办理结果, the unit's "
                                    + "complete); null before the first") TrackResult result) {
    }

    @Schema(name = "CaseTrackingEntry")
    public record TrackEntry(@Schema(ref = "CaseAction") String action, String actionName, Instant at,
                             @Schema(nullable = true, description = "the unit assigned or escalated to") String unitName,
                             @Schema(nullable = true, description = "the answer's text (ANSWER, REPLY) or the result "
                                     + "(COMPLETE); null for the other steps") String content) {
    }

    @Schema(name = "CaseTrackingAnswer", description = "An answer the citizen was given.")
    public record TrackAnswer(String content, Instant at,
                              @Schema(description = "answered on the spot by the deputy who received the case") boolean onTheSpot,
                              @Schema(nullable = true, description = "the unit handling the case when it was answered; "
                                      + "null for an answer on the spot") String unitName) {
    }

    @Schema(name = "CaseTrackingResult", description = "How the case was handled, as the unit reported it.")
    public record TrackResult(String content, Instant at,
                              @Schema(nullable = true, description = "the unit that handled the case") String unitName) {
    }
}
