package cn.lianluo.deputy.rest;

import cn.lianluo.common.testing.TestEvents;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A station event deputy-service cannot apply (the database refuses its row) goes to the dead-letter topic; a replay
 * while the cause remains is recorded as failed, once the cause is gone a replay applies it once, a further replay
 * changes nothing, and every replay is recorded.
 */
@QuarkusTest
class DeadLetterReplayIT {

    static final String ADMIN = TestTokens.bearer("ADMIN", "43");
    static final String BASE = "/api/v1/dead-letters/deputy";

    @Inject
    EntityManager em;

    void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    Map<String, Object> deadLetterOf(UUID event) {
        List<Map<String, Object>> items = given().header("Authorization", ADMIN).when().get(BASE)
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> event.toString().equals(i.get("eventId"))).findFirst().orElse(null);
    }

    JsonPath replay(Map<String, Object> body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post(BASE + "/replay").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_dead_letter_replayed_after_its_cause_is_fixed_is_applied_once_and_every_replay_is_recorded() {
        UUID station = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String name = "死信测试站-" + station.toString().substring(0, 8);
        String rule = "dead_letter_it_" + station.toString().substring(0, 8);
        String copies = "SELECT count(*) FROM station_copy WHERE station_id = '" + station + "'";
        String claims = "SELECT count(*) FROM processed_event WHERE event_id = '" + event + "'";
        Map<String, Object> listed;
        sql("ALTER TABLE station_copy ADD CONSTRAINT " + rule + " CHECK (name <> '" + name + "') NOT VALID");
        try {
            TestEvents.publish(Stations.TOPIC, station.toString(), Stations.registered(event, station, name, "431129200"));
            await().atMost(Duration.ofSeconds(60)).until(() -> deadLetterOf(event) != null);
            listed = deadLetterOf(event);
            assertThat(listed).containsEntry("type", "lianluo.station.registered.v1")
                    .containsEntry("sourceTopic", Stations.TOPIC).containsEntry("key", station.toString())
                    .containsEntry("topic", Stations.TOPIC + ".dlq").doesNotContainKey("envelope");
            assertThat((String) listed.get("reason")).isNotBlank();

            // replayed before the cause is fixed: the consumer gives up again, and the replay says so
            JsonPath early = replay(Map.of("eventId", event.toString()));
            assertThat(early.getString("replayed[0].failure")).isNotBlank();
            assertThat(Stations.count(em, copies)).isZero();
            assertThat(Stations.count(em, claims)).isZero();
        } finally {
            sql("ALTER TABLE station_copy DROP CONSTRAINT " + rule);
        }

        // one dead letter shown whole: the envelope as it came
        String at = BASE + "/" + listed.get("topic") + "/" + listed.get("partition") + "/" + listed.get("offset");
        JsonPath shown = given().header("Authorization", ADMIN).when().get(at).then().statusCode(200).extract().jsonPath();
        assertThat(shown.getString("envelope.id")).isEqualTo(event.toString());
        assertThat(shown.getString("envelope.data.name")).isEqualTo(name);

        // the replay is taken in by the channel's consumer before the answer comes
        JsonPath first = replay(Map.of("eventId", event.toString()));
        assertThat(first.getList("replayed")).hasSize(1);
        assertThat(first.getString("replayed[0].channel")).isEqualTo("station-events");
        assertThat(first.getString("replayed[0].sourceTopic")).isEqualTo(Stations.TOPIC);
        assertThat(first.getString("replayed[0].failure")).isNull();
        assertThat(Stations.count(em, copies)).isEqualTo(1);

        // a hand-made change a second application would overwrite: the same record again changes nothing
        sql("UPDATE station_copy SET name = '手工改名' WHERE station_id = '" + station + "'");
        JsonPath again = replay(Map.of("topic", listed.get("topic"), "partition", listed.get("partition"),
                "offset", listed.get("offset")));
        assertThat(again.getString("replayed[0].failure")).isNull();
        assertThat(Stations.count(em, copies + " AND name = '手工改名'")).isEqualTo(1);
        assertThat(Stations.count(em, claims)).isEqualTo(1);

        List<Map<String, Object>> replays = given().header("Authorization", ADMIN).when().get(BASE + "/replays")
                .then().statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> ofEvent = replays.stream().filter(r -> event.toString().equals(r.get("eventId"))).toList();
        assertThat(ofEvent).hasSize(3).allSatisfy(r -> assertThat(r)
                .containsEntry("replayedBy", "test-admin-43").containsEntry("topic", listed.get("topic"))
                .containsEntry("offset", listed.get("offset")).containsEntry("channel", "station-events"));
        assertThat(ofEvent).filteredOn(r -> r.get("failure") != null).hasSize(1);
    }

    @Test
    void only_an_admin_sees_dead_letters_and_bad_requests_are_problems() {
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", "43")).when().get(BASE).then().statusCode(403);
        given().when().get(BASE).then().statusCode(401);
        given().header("Authorization", ADMIN).when().get("/api/v1/dead-letters/case").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", ADMIN).queryParam("since", "yesterday").when().get(BASE).then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", ADMIN).when().get(BASE + "/" + Stations.TOPIC + ".dlq/0/x").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", ADMIN).when().get(BASE + "/some.other.topic/0/0").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("eventId", UUID.randomUUID().toString(), "since", "2026-01-01T00:00:00Z"))
                .when().post(BASE + "/replay").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("eventId", UUID.randomUUID().toString()))
                .when().post(BASE + "/replay").then().statusCode(404).contentType("application/problem+json");
    }
}
