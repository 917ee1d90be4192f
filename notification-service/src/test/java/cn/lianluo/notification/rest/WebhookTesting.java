package cn.lianluo.notification.rest;

import cn.lianluo.common.testing.TestEvents;
import io.restassured.http.ContentType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Subscriptions and case events for the webhook ITs. */
final class WebhookTesting {

    static final String CASE_TOPIC = "test.notification-in.case.events";
    static final String SECRET = "whsec-test-0123456789abcdef";

    private WebhookTesting() {
    }

    /** Subscribes the receiver through the API; answers the subscription's id. */
    static String subscribe(String token, String url, List<String> types, String regionPrefix) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", types, "regionPrefix", regionPrefix, "secret", SECRET))
                .when().post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    /** Publishes a case event (keyed by the case, as case-service does) and answers its id. */
    static UUID caseEvent(UUID caseId, String action, String region) {
        UUID id = UUID.randomUUID();
        TestEvents.publish(CASE_TOPIC, caseId.toString(), caseEnvelope(id, caseId, action, region));
        return id;
    }

    /** A case event as case-service writes it, with the citizen's sealed contact that must not leave the platform. */
    static String caseEnvelope(UUID id, UUID caseId, String action, String region) {
        return TestEvents.envelope(id, "/lianluo/case-service",
                "lianluo.case." + action + ".v1", caseId.toString(), region, "{\"caseId\":\"" + caseId + "\",\"action\":\""
                        + action + "\",\"actorRole\":\"STATION_STAFF\",\"at\":\"" + Instant.now() + "\",\"status\":\"RECEIVED\","
                        + "\"regionCode\":\"" + region + "\",\"kind\":\"OPINION\",\"urgent\":false,\"channel\":\"STATION\","
                        + "\"onTheSpot\":false,\"paused\":false,\"reopenCount\":0,\"deadlines\":{},"
                        + "\"citizen\":{\"nameMasked\":\"张*\",\"phoneMasked\":\"138****0000\","
                        + "\"sealed\":\"dev-notify-not-secret-1:c2VhbGVk\"}}");
    }
}
