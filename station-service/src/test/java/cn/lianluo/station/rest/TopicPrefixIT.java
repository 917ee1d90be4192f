package cn.lianluo.station.rest;

import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestEvents;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * One setting, lianluo.topic-prefix (LIANLUO_TOPIC_PREFIX), moves every topic the service touches, as a county that
 * federates into its province sets it (docs/topology.md): the events it publishes, the topic it consumes, its consumer
 * group and its dead-letter topic.
 */
@QuarkusTest
@TestProfile(TopicPrefixIT.County.class)
class TopicPrefixIT {

    static final String PREFIX = "433124.";

    public static class County implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lianluo.topic-prefix", PREFIX);
        }
    }

    @Inject
    EntityManager em;
    @ConfigProperty(name = "mp.messaging.incoming.deputy-events.group.id")
    String group;
    @ConfigProperty(name = "mp.messaging.incoming.deputy-events.dead-letter-queue.topic")
    String deadLetters;

    @Test
    void a_station_registered_is_published_on_the_prefixed_topic() {
        try (KafkaTap tap = KafkaTap.open(PREFIX + "test.station.events")) {
            String id = given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430822207"))
                    .contentType(ContentType.JSON)
                    .body(StationResourceIT.station("刘家坪白族乡前缀测试联络点", "430822207"))
                    .when().post("/api/v1/stations")
                    .then().statusCode(201).extract().path("id");

            assertThat(tap.await(r -> id.equals(r.key()), Duration.ofSeconds(30)).value())
                    .contains("lianluo.station.registered.v1");
        }
    }

    @Test
    void a_deputy_announced_on_the_prefixed_topic_reaches_the_local_copy() {
        UUID deputy = UUID.randomUUID();
        TestEvents.publish(PREFIX + "test.station-in.deputy.events", deputy.toString(), TestEvents.envelope(UUID.randomUUID(),
                "/lianluo/deputy-service", "lianluo.deputy.registered.v1", deputy.toString(), "433124",
                "{\"deputyId\":\"" + deputy + "\",\"name\":\"前缀代表\",\"regionCode\":\"433124\",\"active\":true,"
                        + "\"mandates\":[{\"level\":\"TOWNSHIP\",\"term\":18,\"status\":\"ACTIVE\"}]}"));

        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("SELECT 1 FROM deputy_copy WHERE deputy_id = ?1").setParameter(1, deputy)
                        .getResultList().size()) == 1);
    }

    @Test
    void the_consumer_group_and_the_dead_letter_topic_carry_the_prefix_too() {
        assertThat(group).isEqualTo(PREFIX + "station-service-test");
        assertThat(deadLetters).isEqualTo(PREFIX + "test.station-in.deputy.events.dlq");
    }

    @Test
    void the_pod_is_ready_on_its_database_alone_and_the_broker_is_reported_apart() {
        // the database is what readiness asks; no messaging channel is in any probe's answer, so a broker outage takes
        // no pod out of its Service and restarts none
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        for (String probe : new String[] {"ready", "live", "started"}) {
            given().when().get("/q/health/" + probe).then().statusCode(200)
                    .body("checks.name", not(hasItem(containsString("Messaging"))));
        }
        given().when().get("/q/health/group/events").then().statusCode(200)
                .body("checks[0].name", equalTo("events"))
                .body("checks[0].data.topic", equalTo(PREFIX + "test.station.events"));
    }
}
