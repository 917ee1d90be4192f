package cn.lianluo.notification.rest;

import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.lianluo.notification.rest.WebhookTesting.caseEvent;
import static cn.lianluo.notification.rest.WebhookTesting.subscribe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A delivery the receiver keeps refusing becomes a dead letter after give-up-after, and its replay delivers it. */
@QuarkusTest
@TestProfile(WebhookDeadLetterIT.ShortRetries.class)
class WebhookDeadLetterIT {

    /** Retries given up a second after the first attempt. */
    public static class ShortRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lianluo.notify.webhooks.give-up-after", "1s");
        }
    }

    static final String SANGZHI = TestTokens.bearer("ADMIN", "430822");

    @Inject
    EntityManager em;

    @Test
    void a_delivery_refused_past_give_up_after_is_a_dead_letter_that_a_replay_delivers() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM webhook_subscription").executeUpdate());
        try (TestReceiver receiver = new TestReceiver(WebhookTesting.SECRET)) {
            receiver.answer(() -> 503);
            String id = subscribe(SANGZHI, receiver.url(), List.of("lianluo.case.*"), "430822");
            UUID event = caseEvent(UUID.randomUUID(), "received", "430822207");
            await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", SANGZHI)
                    .when().get("/api/v1/webhooks/" + id + "/dead-letters").then().statusCode(200)
                    .extract().jsonPath().getList("eventId").contains(event.toString()));
            given().header("Authorization", SANGZHI).when().get("/api/v1/webhooks/" + id + "/dead-letters")
                    .then().body("", hasSize(1)).body("[0].lastStatus", equalTo(503))
                    .body("[0].eventType", equalTo("lianluo.case.received.v1"));
            assertThat(receiver.accepted()).isEmpty();
            int refused = receiver.all().size();
            assertThat(refused).isGreaterThanOrEqualTo(2);

            receiver.answer(() -> 200);
            given().header("Authorization", SANGZHI).when().post("/api/v1/webhooks/" + id + "/dead-letters/replay")
                    .then().statusCode(200).body("deliveries", equalTo(1));
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.acceptedIds().contains(event.toString()));
            assertThat(receiver.acceptedIds()).containsExactly(event.toString());
            given().header("Authorization", SANGZHI).when().get("/api/v1/webhooks/" + id + "/dead-letters")
                    .then().statusCode(200).body("", hasSize(0));
            given().header("Authorization", SANGZHI).when().post("/api/v1/webhooks/" + id + "/dead-letters/12345/replay")
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }
}
