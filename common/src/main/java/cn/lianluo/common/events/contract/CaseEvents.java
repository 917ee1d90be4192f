package cn.lianluo.common.events.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events of {@code case.events}, a public contract for other government systems (see
 * {@code common/src/main/resources/asyncapi/asyncapi.yaml} and the JSON Schemas beside it): the events of cases,
 * suggestions, livelihood projects, moderation, categories and the working-day calendar. Every case event carries the
 * region code, the stage deadlines and the actor's role, and never whole personal data.
 */
public final class CaseEvents {

    public static final String TOPIC = "case.events";
    public static final String PREFIX = "lianluo.case.";
    public static final String VERSION = ".v1";

    /** The actions of a case's loop, {@code lianluo.case.<action>.v1}, whose data is {@link CaseData}. */
    public static final List<String> CASE_ACTIONS = List.of("reported", "received", "answered", "accepted", "assigned",
            "handled", "replied", "visited", "closed", "reopened", "extension-requested", "extension-approved",
            "extension-denied", "paused", "resumed", "escalated", "escalated-to-supervisor", "supervised", "urged",
            "deadline-warning", "overdue", "transferred", "returned", "merged", "unlinked");
    /** The actions of a suggestion's loop, {@code lianluo.case.suggestion-<action>.v1} ({@link SuggestionData}). */
    public static final List<String> SUGGESTION_ACTIONS = List.of("submitted", "co-signed", "assigned", "answered",
            "co-answered", "extension-requested", "extension-approved", "rated", "reopened", "marked-key", "supervised",
            "overdue");
    /** The actions of a livelihood project, {@code lianluo.case.project-<action>.v1} ({@link ProjectData}). */
    public static final List<String> PROJECT_ACTIONS = List.of("proposed", "shortlisted", "vote-cast", "selected", "tied",
            "rejected", "progressed", "supervised", "completed", "evaluated", "self-evaluated", "spending-recorded",
            "milestone-reached");
    /** The actions of a draft law open for comment (立法意见征集), {@code lianluo.case.draft-<action>.v1} ({@link DraftData}). */
    public static final List<String> DRAFT_ACTIONS = List.of("published", "commented", "assessed");

    public static final String RECEIVED = "lianluo.case.received.v1";
    public static final String ANSWERED = "lianluo.case.answered.v1";
    public static final String VISITED = "lianluo.case.visited.v1";
    public static final String SUGGESTION_SUBMITTED = "lianluo.case.suggestion-submitted.v1";
    public static final String SUGGESTION_CO_SIGNED = "lianluo.case.suggestion-co-signed.v1";
    public static final String SUGGESTION_MARKED_KEY = "lianluo.case.suggestion-marked-key.v1";
    public static final String PROJECT_VOTE_CAST = "lianluo.case.project-vote-cast.v1";
    public static final String PROJECT_SUPERVISED = "lianluo.case.project-supervised.v1";

    /** The calendar's events share the key {@value #CALENDAR_SUBJECT}, so they stay in order on one partition. */
    public static final String CALENDAR_SUBJECT = "calendar";
    public static final String CALENDAR_PREFIX = "lianluo.case.calendar-";
    public static final String CALENDAR_ARRANGED = "lianluo.case.calendar-arranged.v1";
    public static final String CALENDAR_DAY_SET = "lianluo.case.calendar-day-set.v1";
    public static final String CALENDAR_DAY_REMOVED = "lianluo.case.calendar-day-removed.v1";
    public static final String CALENDAR_ARRANGEMENT_MISSING = "lianluo.case.calendar-arrangement-missing.v1";
    public static final String CALENDAR_DEADLINES_RECOMPUTED = "lianluo.case.calendar-deadlines-recomputed.v1";

    public static final String DRAFT_PUBLISHED = "lianluo.case.draft-published.v1";
    public static final String DRAFT_COMMENTED = "lianluo.case.draft-commented.v1";
    public static final String DRAFT_ASSESSED = "lianluo.case.draft-assessed.v1";

    public static final String MODERATION_DECIDED = "lianluo.case.moderation-decided.v1";
    public static final String CATEGORY_CHANGED = "lianluo.case.category-changed.v1";

    private CaseEvents() {
    }

    /** {@code lianluo.case.<action>.v1}, e.g. {@code lianluo.case.extension-requested.v1}. */
    public static String type(String action) {
        return PREFIX + action + VERSION;
    }

    /**
     * The citizen, masked; {@code sealed} is for notification-service only: {@code keyId:base64(nonce ‖ AES-256-GCM
     * ciphertext ‖ tag)} of {@code {"phone":…,"trackingCode":…}} under {@code lianluo.notify.key}
     * ({@link cn.lianluo.common.privacy.SealedContact}), absent when the case has no phone. Nothing that leaves the
     * platform (webhooks) carries it.
     */
    public record Citizen(String nameMasked, String phoneMasked, @JsonInclude(JsonInclude.Include.NON_NULL) String sealed) {
    }

    public record StageDeadline(LocalDate dueDate, Instant dueAt, Instant warnAt, boolean met) {
    }

    /** The data of every case event; fields that do not apply are null. */
    public record CaseData(
            UUID caseId,
            String action,
            String actorRole,
            Instant at,
            String status,
            String previousStatus,
            String regionCode,
            String category,
            String kind,
            boolean urgent,
            String channel,
            // channel GRID only: the grid (网格) the case came from, as the grid worker's token or staff named it
            @JsonInclude(JsonInclude.Include.NON_NULL) String gridId,
            // channel APPOINTMENT only: the appointment (代表有约) the case was left from, when the intake named it
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID appointmentId,
            UUID stationId,
            UUID receivingDeputyId,
            UUID unitId,
            String unitLevel,
            boolean onTheSpot,
            boolean paused,
            int reopenCount,
            String satisfaction,
            String stage,
            Citizen citizen,
            Map<String, StageDeadline> deadlines,
            // on visited only: who took the case in — a citizen's rating of a case its receiving deputy typed in
            // could be the deputy's own (the phone on record is theirs to give), so it does not score them
            @JsonInclude(JsonInclude.Include.NON_NULL) String intakeRole,
            // on visited only: whether the visit closed the case satisfied (Satisfaction.closedSatisfied), so a
            // consumer does not derive it from the satisfaction and the status itself
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean satisfied,
            // on merged only: the open case this duplicate (重复件) was merged into, whose answer is its answer
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID mergedInto,
            // on transferred and returned only: why the case moved on (the command's reason) …
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
            // … and the unit it left (unitId is the unit it went to on transferred, null on returned)
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID previousUnitId) {
    }

    /** The data of every suggestion event; {@code deputyId} the co-signer who confirmed, on {@code suggestion-co-signed} only. */
    public record SuggestionData(UUID suggestionId, String action, String actorRole, Instant at, String status,
                                 String regionCode, UUID leadDeputyId, List<String> coDeputyIds, List<UUID> caseIds,
                                 UUID leadUnitId, List<UUID> coUnitIds, boolean keySuggestion, String grade,
                                 String rating, LocalDate replyDue, LocalDate coAnswerDue, Boolean answeredOnTime,
                                 int reopenCount, @JsonInclude(JsonInclude.Include.NON_NULL) UUID deputyId) {
    }

    /**
     * The data of every livelihood project event; {@code voteOpensAt} and {@code voteClosesAt} are the window of the
     * project's vote (票决), given from {@code project-shortlisted} on; null while the project is in no vote.
     * {@code supervisionKind} (三督: PROGRESS, QUALITY or FUNDS) is given on {@code project-supervised} only.
     * {@code unitId} (承办单位), {@code budgetFen} and {@code spentFen} (in fen) are the project's as of the event, null
     * while not set; {@code amountFen} is given on {@code project-spending-recorded}, {@code milestoneId} and
     * {@code milestoneTitle} on {@code project-milestone-reached}, only.
     */
    public record ProjectData(UUID projectId, String action, String actorRole, Instant at, String status, String regionCode,
                              int year, String title, String source, String proposerMasked, UUID sessionId, String level,
                              Integer votesFor, Integer votesAgainst, Integer votesAbstain, int progress, UUID deputyId,
                              String choice, Double satisfactionRate, List<UUID> caseIds, Instant voteOpensAt,
                              Instant voteClosesAt, String supervisionKind, UUID unitId, Long budgetFen, Long spentFen,
                              UUID milestoneId, String milestoneTitle, Long amountFen) {
    }

    /**
     * The data of every draft law event (立法意见征集), keyed by the draft: the comment's fields on {@code draft-commented}
     * and {@code draft-assessed} only; {@code deputyId} when a deputy made the comment; {@code article} null for a
     * comment on the whole draft. No comment's text and no citizen's name or phone.
     */
    public record DraftData(UUID draftId, String action, String actorRole, Instant at, String regionCode, String title,
                            String legislature, LocalDate opensOn, LocalDate closesOn, int articles,
                            @JsonInclude(JsonInclude.Include.NON_NULL) UUID commentId,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer article,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String commenterRegionCode,
                            @JsonInclude(JsonInclude.Include.NON_NULL) UUID deputyId,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String assessment,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    }

    /**
     * A moderation decision: no text of the content (it may be what was hidden), no one's name. {@code projectId} is
     * null for a draft law's comment (kind DRAFT_COMMENT), whose draft is {@code draftId}.
     */
    public record ModerationData(String kind, UUID itemId, UUID projectId, String regionCode, String decision,
                                 String fromState, String toState, String reason, String actorRole, Instant at,
                                 List<String> flags, @JsonInclude(JsonInclude.Include.NON_NULL) UUID draftId) {
    }

    public record CategoryChanged(String code, String name, String level, String previousName, String previousLevel) {
    }

    /** {@code working} is always given; a Boolean, so that a consumer tells a day without it from a holiday. */
    public record CalendarDay(LocalDate date, Boolean working, String name) {
    }

    /** The official arrangement of {@code year}: these days replace every day of the year. */
    public record CalendarArranged(int year, List<CalendarDay> days, Instant at) {
    }

    /** One day set ({@code working} and {@code name} given) or removed (both null: the weekday rule again). */
    public record CalendarDayChanged(LocalDate date, Boolean working, String name, Instant at) {
    }

    /**
     * From 1 November (China time) of the year before: the official arrangement of {@code year} is not loaded, so its
     * days off are still computed (provisional) and no 调休 is known. At most once a day ({@code on}) until it is.
     */
    public record CalendarArrangementMissing(int year, LocalDate since, LocalDate on, Instant at) {
    }

    /** An open deadline counted again on an official arrangement: its case, stage and due date before and after. */
    public record RecomputedDeadline(UUID caseId, String stage, LocalDate previousDueDate, LocalDate dueDate) {
    }

    /**
     * The official arrangement of {@code year} arrived: the open deadlines counted on its computed (provisional) days
     * were counted again on it; {@code deadlines} are those whose due date, warning, 催办 or 通报 day moved,
     * {@code count} of them (a large recount comes as several events).
     */
    public record DeadlinesRecomputed(int year, int count, List<RecomputedDeadline> deadlines, Instant at) {
    }

    public static final EventContract CONTRACT = EventContract.of(TOPIC)
            .with(CaseData.class, CASE_ACTIONS.stream().map(CaseEvents::type).toList())
            .with(SuggestionData.class, SUGGESTION_ACTIONS.stream().map(a -> type("suggestion-" + a)).toList())
            .with(ProjectData.class, PROJECT_ACTIONS.stream().map(a -> type("project-" + a)).toList())
            .with(DraftData.class, DRAFT_ACTIONS.stream().map(a -> type("draft-" + a)).toList())
            .with(CalendarArranged.class, CALENDAR_ARRANGED)
            .with(CalendarDayChanged.class, CALENDAR_DAY_SET, CALENDAR_DAY_REMOVED)
            .with(CalendarArrangementMissing.class, CALENDAR_ARRANGEMENT_MISSING)
            .with(DeadlinesRecomputed.class, CALENDAR_DEADLINES_RECOMPUTED)
            .with(ModerationData.class, MODERATION_DECIDED)
            .with(CategoryChanged.class, CATEGORY_CHANGED);
}
