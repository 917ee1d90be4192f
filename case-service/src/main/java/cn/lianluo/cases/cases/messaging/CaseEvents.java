package cn.lianluo.cases.cases.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The events of {@code case.events}, a public contract for other government systems (see
 * {@code common/src/main/resources/asyncapi/asyncapi.yaml} and the JSON Schemas beside it). Every event
 * carries the region code, the stage deadlines and the actor's role, and never whole personal data.
 */
public final class CaseEvents {

    public static final String PREFIX = "lianluo.case.";
    public static final String VERSION = ".v1";

    private CaseEvents() {
    }

    /** {@code lianluo.case.<action>.v1}, e.g. {@code lianluo.case.extension-requested.v1}. */
    public static String type(String action) {
        return PREFIX + action + VERSION;
    }

    public record Citizen(String nameMasked, String phoneMasked) {
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
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean satisfied) {
    }
}
