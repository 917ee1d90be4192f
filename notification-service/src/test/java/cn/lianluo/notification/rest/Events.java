package cn.lianluo.notification.rest;

import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.common.testing.TestEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Case events as case-service publishes them, the citizen's contact sealed, for the tests of the rules. */
final class Events {

    static final String CASE_TOPIC = "test.notification-in.case.events";
    static final String REGION = "431124108";
    static final String ADMIN = cn.lianluo.common.testing.TestTokens.bearer("ADMIN", "43");
    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {
    }

    static SealedContact sealer() {
        return new SealedContact(ConfigProvider.getConfig().getValue("lianluo.notify.key", String.class));
    }

    /** A fresh phone, so that one test's daily count is not another's. */
    static String phone() {
        return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    static CaseEvents.CaseData data(UUID caseId, String action, String phone, String trackingCode, boolean urgent,
                                    UUID stationId, UUID unitId, UUID previousUnitId, int reopenCount) {
        String sealed;
        try {
            sealed = phone == null ? null : sealer().seal(MAPPER.writeValueAsString(
                    Map.of("phone", phone, "trackingCode", trackingCode)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, CaseEvents.StageDeadline> deadlines = new LinkedHashMap<>();
        deadlines.put("ASSIGN", new CaseEvents.StageDeadline(LocalDate.of(2026, 12, 3), Instant.parse("2026-12-03T16:00:00Z"),
                Instant.parse("2026-12-03T08:00:00Z"), unitId != null));
        deadlines.put("HANDLE", new CaseEvents.StageDeadline(LocalDate.of(2026, 12, 10), Instant.parse("2026-12-10T16:00:00Z"),
                Instant.parse("2026-12-09T08:00:00Z"), false));
        return new CaseEvents.CaseData(caseId, action, "STATION_STAFF", Instant.now(), "RECEIVED", null, REGION,
                "ROADS", "HELP", urgent, "RECEPTION", null, null, stationId, null, unitId, unitId == null ? null : "COUNTY", false,
                false, reopenCount, null, null, new CaseEvents.Citizen("张*", phone == null ? null : "139****0000", sealed),
                deadlines, null, null, null, previousUnitId == null ? null : "不属本单位职责", previousUnitId);
    }

    /** Publishes a case event with this id; returns the id. */
    static UUID publish(UUID eventId, CaseEvents.CaseData data) {
        try {
            TestEvents.publish(CASE_TOPIC, data.caseId().toString(), TestEvents.envelope(eventId, "/lianluo/case-service",
                    CaseEvents.type(data.action()), data.caseId().toString(), REGION, MAPPER.writeValueAsString(data)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    /** The message log of a case, as ADMIN of the province sees it. */
    static io.restassured.response.Response log(UUID caseId) {
        return given().header("Authorization", ADMIN).queryParam("caseId", caseId.toString()).queryParam("size", 200)
                .when().get("/api/v1/notifications/messages");
    }
}
