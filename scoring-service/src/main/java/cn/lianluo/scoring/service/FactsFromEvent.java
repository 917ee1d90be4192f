package cn.lianluo.scoring.service;

import cn.lianluo.common.time.Zones;
import cn.lianluo.scoring.domain.FactType;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The facts (履职事实) an event of the platform tells: who did what, on which day, where. Pure: the event's type and
 * data in, the facts out, nothing read or written; the consumer records them in the ledger. An event that names no
 * scoring deputy (a case nobody received, a visit that did not close the case satisfied) tells none.
 */
public final class FactsFromEvent {

    /** A fact of one deputy; {@code stationId} where it happened at a station (a reception), else null. */
    public record DeputyFact(UUID deputyId, FactType type, LocalDate on, String regionCode, UUID stationId) {

        DeputyFact(UUID deputyId, FactType type, LocalDate on, String regionCode) {
            this(deputyId, type, on, regionCode, null);
        }
    }

    public static final String RECEPTION_HELD = "lianluo.station.reception-held.v1";
    public static final String ACTIVITY_HELD = "lianluo.station.activity-held.v1";
    public static final String CASE_RECEIVED = "lianluo.case.received.v1";
    public static final String CASE_ANSWERED = "lianluo.case.answered.v1";
    public static final String CASE_VISITED = "lianluo.case.visited.v1";
    public static final String SUGGESTION_SUBMITTED = "lianluo.case.suggestion-submitted.v1";
    public static final String SUGGESTION_CO_SIGNED = "lianluo.case.suggestion-co-signed.v1";
    public static final String SUGGESTION_MARKED_KEY = "lianluo.case.suggestion-marked-key.v1";
    public static final String PROJECT_VOTE_CAST = "lianluo.case.project-vote-cast.v1";
    public static final String PROJECT_SUPERVISED = "lianluo.case.project-supervised.v1";

    /** The event types that tell facts; other known events carry none for points. */
    public static final List<String> TYPES = List.of(RECEPTION_HELD, ACTIVITY_HELD, CASE_RECEIVED, CASE_ANSWERED, CASE_VISITED,
            SUGGESTION_SUBMITTED, SUGGESTION_CO_SIGNED, SUGGESTION_MARKED_KEY, PROJECT_VOTE_CAST, PROJECT_SUPERVISED);

    /** Who may rate a case so that its satisfaction scores the deputy (never the deputy themself). */
    private static final Set<String> INDEPENDENT_RATERS = Set.of("ADMIN", "SUPERVISOR", "STATION_STAFF");

    private FactsFromEvent() {
    }

    /** The facts of an event of one of {@link #TYPES}; an unreadable id, day or activity kind throws. */
    public static List<DeputyFact> of(String type, JsonNode data) {
        return switch (type) {
            // one entry per deputy, station and day, however many receptions name the deputy there (the ledger)
            case RECEPTION_HELD -> receptionFacts(data);
            case ACTIVITY_HELD -> activityFacts(data);
            case CASE_RECEIVED -> receivingDeputy(data, FactType.CASE_RECEIVED);
            case CASE_ANSWERED -> receivingDeputy(data, FactType.CASE_ANSWERED_ON_THE_SPOT);
            case CASE_VISITED -> visitFacts(data);
            case SUGGESTION_SUBMITTED -> fact(data, "leadDeputyId", FactType.SUGGESTION_MADE);
            // 联名 needs consent: a co-signer is credited when they confirm, not when named on submission
            case SUGGESTION_CO_SIGNED -> fact(data, "deputyId", FactType.SUGGESTION_JOINED);
            case SUGGESTION_MARKED_KEY -> fact(data, "leadDeputyId", FactType.KEY_SUGGESTION);
            case PROJECT_VOTE_CAST -> fact(data, "deputyId", FactType.VOTE_CAST);
            case PROJECT_SUPERVISED -> fact(data, "deputyId", FactType.PROJECT_SUPERVISION);
            default -> throw new IllegalArgumentException("no facts for points in " + type);
        };
    }

    private static List<DeputyFact> receptionFacts(JsonNode data) {
        List<DeputyFact> facts = new ArrayList<>();
        data.path("deputyIds").forEach(d -> facts.add(new DeputyFact(UUID.fromString(d.asText()), FactType.STATION_ENTRY,
                LocalDate.parse(data.path("date").asText()), data.path("regionCode").asText(),
                UUID.fromString(data.path("stationId").asText()))));
        return facts;
    }

    private static List<DeputyFact> activityFacts(JsonNode data) {
        FactType kind = FactType.valueOf("ACTIVITY_" + data.path("kind").asText());
        List<DeputyFact> facts = new ArrayList<>();
        data.path("participantDeputyIds").forEach(d -> facts.add(new DeputyFact(UUID.fromString(d.asText()), kind,
                LocalDate.parse(data.path("date").asText()), data.path("regionCode").asText())));
        return facts;
    }

    private static List<DeputyFact> visitFacts(JsonNode data) {
        // the satisfaction that scores a deputy is the citizen's rating or staff's 回访, never the deputy's own —
        // and a "citizen's" rating of a case the deputy typed in themself may be the deputy's (the phone on
        // record came from them): only staff's 回访 scores such a case
        String rater = data.path("actorRole").asText();
        boolean selfTaken = "DEPUTY".equals(data.path("intakeRole").asText(null));
        boolean independent = INDEPENDENT_RATERS.contains(rater) || ("CITIZEN".equals(rater) && !selfTaken);
        if (independent && closedSatisfied(data)) {
            return receivingDeputy(data, FactType.CASE_CLOSED_SATISFIED);
        }
        return List.of();
    }

    /** Whether a visit closed its case satisfied: case-service says so in {@code satisfied}. */
    private static boolean closedSatisfied(JsonNode data) {
        JsonNode satisfied = data.get("satisfied");
        if (satisfied != null && satisfied.isBoolean()) {
            return satisfied.booleanValue();
        }
        // visited events published before case-service sent "satisfied" (case.events keeps a year) lack it: only
        // for those, read it the way case-service decides it — closed, and satisfied or basically satisfied
        String satisfaction = data.path("satisfaction").asText();
        return "CLOSED".equals(data.path("status").asText())
                && ("SATISFIED".equals(satisfaction) || "BASICALLY_SATISFIED".equals(satisfaction));
    }

    /** The fact of the deputy who received the case, if one did. */
    private static List<DeputyFact> receivingDeputy(JsonNode data, FactType fact) {
        String deputy = data.path("receivingDeputyId").asText(null);
        if (deputy != null && !deputy.isBlank() && !"null".equals(deputy)) {
            return List.of(new DeputyFact(UUID.fromString(deputy), fact, day(data.path("at").asText()),
                    data.path("regionCode").asText()));
        }
        return List.of();
    }

    /** The one fact of the deputy named by {@code field}, on the day of the event's {@code at}. */
    private static List<DeputyFact> fact(JsonNode data, String field, FactType fact) {
        return List.of(new DeputyFact(UUID.fromString(data.path(field).asText()), fact, day(data.path("at").asText()),
                data.path("regionCode").asText()));
    }

    private static LocalDate day(String instant) {
        return Instant.parse(instant).atZone(Zones.CHINA).toLocalDate();
    }
}
