package cn.lianluo.scoring.service;

import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.events.contract.CaseEvents.CaseData;
import cn.lianluo.common.events.contract.CaseEvents.DraftData;
import cn.lianluo.common.events.contract.CaseEvents.ProjectData;
import cn.lianluo.common.events.contract.CaseEvents.SuggestionData;
import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.common.events.contract.StationEvents.ActivityHeld;
import cn.lianluo.common.events.contract.StationEvents.ReceptionHeld;
import cn.lianluo.common.time.Zones;
import cn.lianluo.scoring.domain.FactType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The facts (履职事实) an event of the platform tells: who did what, on which day, where. Pure: the event's type and
 * data (its record of the event contract) in, the facts out, nothing read or written; the consumer records them in the
 * ledger. An event that names no scoring deputy (a case nobody received, a visit that did not close the case
 * satisfied) tells none.
 */
public final class FactsFromEvent {

    /** A fact of one deputy; {@code stationId} where it happened at a station (a reception), else null. */
    public record DeputyFact(UUID deputyId, FactType type, LocalDate on, String regionCode, UUID stationId, UUID caseId) {

        DeputyFact(UUID deputyId, FactType type, LocalDate on, String regionCode) {
            this(deputyId, type, on, regionCode, null, null);
        }

        DeputyFact(UUID deputyId, FactType type, LocalDate on, String regionCode, UUID stationId) {
            this(deputyId, type, on, regionCode, stationId, null);
        }
    }

    public static final String RECEPTION_HELD = StationEvents.RECEPTION_HELD;
    public static final String ACTIVITY_HELD = StationEvents.ACTIVITY_HELD;
    public static final String CASE_RECEIVED = CaseEvents.RECEIVED;
    public static final String CASE_ANSWERED = CaseEvents.ANSWERED;
    public static final String CASE_VISITED = CaseEvents.VISITED;
    public static final String SUGGESTION_SUBMITTED = CaseEvents.SUGGESTION_SUBMITTED;
    public static final String SUGGESTION_CO_SIGNED = CaseEvents.SUGGESTION_CO_SIGNED;
    public static final String SUGGESTION_MARKED_KEY = CaseEvents.SUGGESTION_MARKED_KEY;
    public static final String PROJECT_VOTE_CAST = CaseEvents.PROJECT_VOTE_CAST;
    public static final String PROJECT_SUPERVISED = CaseEvents.PROJECT_SUPERVISED;
    /** 立法意见征集: a comment on a draft law, a fact when a deputy made it (one per comment: each is its own event). */
    public static final String DRAFT_COMMENTED = CaseEvents.DRAFT_COMMENTED;
    /** 重复件: the merged case's facts are withdrawn (they count as the case it was merged into) … */
    public static final String CASE_MERGED = CaseEvents.type("merged");
    /** … and come back when it is unlinked. */
    public static final String CASE_UNLINKED = CaseEvents.type("unlinked");

    /** The event types that tell facts; other known events carry none for points. */
    public static final List<String> TYPES = List.of(RECEPTION_HELD, ACTIVITY_HELD, CASE_RECEIVED, CASE_ANSWERED, CASE_VISITED,
            SUGGESTION_SUBMITTED, SUGGESTION_CO_SIGNED, SUGGESTION_MARKED_KEY, PROJECT_VOTE_CAST, PROJECT_SUPERVISED,
            DRAFT_COMMENTED);

    /** Who may rate a case so that its satisfaction scores the deputy (never the deputy themself). */
    private static final Set<String> INDEPENDENT_RATERS = Set.of("ADMIN", "SUPERVISOR", "STATION_STAFF");

    private FactsFromEvent() {
    }

    /**
     * The facts of an event of one of {@link #TYPES}, its data the record the contract names for its type; a missing
     * id, day or an unknown activity kind throws.
     */
    public static List<DeputyFact> of(String type, Record data) {
        return switch (type) {
            // one entry per deputy, station and day, however many receptions name the deputy there (the ledger)
            case RECEPTION_HELD -> receptionFacts((ReceptionHeld) data);
            case ACTIVITY_HELD -> activityFacts((ActivityHeld) data);
            case CASE_RECEIVED -> receivingDeputy((CaseData) data, FactType.CASE_RECEIVED);
            case CASE_ANSWERED -> receivingDeputy((CaseData) data, FactType.CASE_ANSWERED_ON_THE_SPOT);
            case CASE_VISITED -> visitFacts((CaseData) data);
            case SUGGESTION_SUBMITTED -> suggestion((SuggestionData) data, FactType.SUGGESTION_MADE, false);
            // 联名 needs consent: a co-signer is credited when they confirm, not when named on submission
            case SUGGESTION_CO_SIGNED -> suggestion((SuggestionData) data, FactType.SUGGESTION_JOINED, true);
            case SUGGESTION_MARKED_KEY -> suggestion((SuggestionData) data, FactType.KEY_SUGGESTION, false);
            case PROJECT_VOTE_CAST -> project((ProjectData) data, FactType.VOTE_CAST);
            case PROJECT_SUPERVISED -> project((ProjectData) data, FactType.PROJECT_SUPERVISION);
            case DRAFT_COMMENTED -> draftComment((DraftData) data);
            default -> throw new IllegalArgumentException("no facts for points in " + type);
        };
    }

    private static List<DeputyFact> receptionFacts(ReceptionHeld data) {
        List<DeputyFact> facts = new ArrayList<>();
        for (String deputy : listed(data.deputyIds())) {
            facts.add(new DeputyFact(UUID.fromString(deputy), FactType.STATION_ENTRY, required(data.date(), "date"),
                    data.regionCode(), required(data.stationId(), "stationId")));
        }
        return facts;
    }

    private static List<DeputyFact> activityFacts(ActivityHeld data) {
        FactType kind = FactType.valueOf("ACTIVITY_" + data.kind());
        if (kind == FactType.ACTIVITY_REPORT) {
            // 述职评议 credits the deputy who reported, once for the report; those who listened did not report
            return List.of(new DeputyFact(required(data.reportingDeputyId(), "reportingDeputyId"), kind,
                    required(data.date(), "date"), data.regionCode()));
        }
        List<DeputyFact> facts = new ArrayList<>();
        for (String deputy : listed(data.participantDeputyIds())) {
            facts.add(new DeputyFact(UUID.fromString(deputy), kind, required(data.date(), "date"), data.regionCode()));
        }
        return facts;
    }

    private static List<DeputyFact> visitFacts(CaseData data) {
        // the satisfaction that scores a deputy is the citizen's rating or staff's 回访, never the deputy's own —
        // and a "citizen's" rating of a case the deputy typed in themself may be the deputy's (the phone on
        // record came from them): only staff's 回访 scores such a case
        String rater = data.actorRole();
        boolean selfTaken = "DEPUTY".equals(data.intakeRole());
        boolean independent = INDEPENDENT_RATERS.contains(rater) || ("CITIZEN".equals(rater) && !selfTaken);
        if (independent && closedSatisfied(data)) {
            return receivingDeputy(data, FactType.CASE_CLOSED_SATISFIED);
        }
        return List.of();
    }

    /** Whether a visit closed its case satisfied: case-service says so in {@code satisfied}. */
    private static boolean closedSatisfied(CaseData data) {
        if (data.satisfied() != null) {
            return data.satisfied();
        }
        // visited events published before case-service sent "satisfied" (case.events keeps a year) lack it: only
        // for those, read it the way case-service decides it — closed, and satisfied or basically satisfied
        String satisfaction = data.satisfaction();
        return "CLOSED".equals(data.status())
                && ("SATISFIED".equals(satisfaction) || "BASICALLY_SATISFIED".equals(satisfaction));
    }

    /** The fact of the deputy who received the case, if one did. */
    private static List<DeputyFact> receivingDeputy(CaseData data, FactType fact) {
        if (data.receivingDeputyId() == null) {
            return List.of();
        }
        // with its case, so a merge of the case (重复件) withdraws it
        return List.of(new DeputyFact(data.receivingDeputyId(), fact, day(data.at()), data.regionCode(), null, data.caseId()));
    }

    /** The fact of the lead deputy, or of the co-signer who confirmed ({@code deputyId}). */
    private static List<DeputyFact> suggestion(SuggestionData data, FactType fact, boolean coSigner) {
        UUID deputy = coSigner ? data.deputyId() : data.leadDeputyId();
        return List.of(new DeputyFact(required(deputy, coSigner ? "deputyId" : "leadDeputyId"), fact, day(data.at()),
                data.regionCode()));
    }

    /** The fact of the deputy who voted on or supervised the project. */
    private static List<DeputyFact> project(ProjectData data, FactType fact) {
        return List.of(new DeputyFact(required(data.deputyId(), "deputyId"), fact, day(data.at()), data.regionCode()));
    }

    /** The fact of the deputy who commented on a draft law; a citizen's comment scores no one. */
    private static List<DeputyFact> draftComment(DraftData data) {
        if (data.deputyId() == null) {
            return List.of();
        }
        String region = data.commenterRegionCode() != null ? data.commenterRegionCode() : data.regionCode();
        return List.of(new DeputyFact(data.deputyId(), FactType.DRAFT_COMMENT, day(data.at()), region));
    }

    private static List<String> listed(List<String> deputies) {
        return deputies == null ? List.of() : deputies;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("an event without " + field);
        }
        return value;
    }

    private static LocalDate day(Instant at) {
        return required(at, "at").atZone(Zones.CHINA).toLocalDate();
    }
}
