package cn.lianluo.station.rest;

import cn.lianluo.common.outbox.EventTopic;
import cn.lianluo.common.outbox.OutboxRelay;
import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.RealInfrastructure;
import cn.lianluo.common.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class StationEventsIT {

    static final String TOPIC = "test.station.events";

    @Inject
    ObjectMapper mapper;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;
    @Inject
    EventTopic topic;

    JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_registered_station_is_published_as_a_cloudevent_keyed_by_its_id() {
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            String id = given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430822"))
                    .contentType(ContentType.JSON)
                    .body(StationResourceIT.station("刘家坪白族乡事件测试联络点", "430822207"))
                    .when().post("/api/v1/stations")
                    .then().statusCode(201).extract().path("id");

            ConsumerRecord<String, String> record = tap.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            JsonNode event = json(record);
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("type").asText()).isEqualTo("lianluo.station.registered.v1");
            assertThat(event.get("source").asText()).isEqualTo("/lianluo/station-service");
            assertThat(event.get("subject").asText()).isEqualTo(id);
            assertThat(event.get("regioncode").asText()).isEqualTo("430822207");
            assertThat(event.get("id").asText()).matches("[0-9a-f-]{36}");
            assertThat(event.get("time").asText()).isNotBlank();
            assertThat(event.get("data").get("name").asText()).isEqualTo("刘家坪白族乡事件测试联络点");
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .startsWith("application/cloudevents+json");
        }
    }

    @Test
    void every_event_station_service_produces_keeps_the_event_contract() {
        String staff = TestTokens.bearer("STATION_STAFF", "430822207");
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            String id = given().header("Authorization", staff).contentType(ContentType.JSON)
                    .body(StationResourceIT.station("刘家坪白族乡契约测试联络点", "430822207"))
                    .when().post("/api/v1/stations").then().statusCode(201).extract().path("id");
            given().header("Authorization", staff).contentType(ContentType.JSON)
                    .body(StationResourceIT.station("刘家坪白族乡契约测试联络站", "430822207"))
                    .when().put("/api/v1/stations/" + id).then().statusCode(200);
            given().header("Authorization", TestTokens.bearer("SUPERVISOR", "4308")).contentType(ContentType.JSON)
                    .body(Map.of("items", List.of(Map.of("item", "SITE", "met", true, "evidence", "村部二楼"),
                            Map.of("item", "SIGN", "met", true))))
                    .when().put("/api/v1/stations/" + id + "/standard").then().statusCode(200);
            String deputy = Deputies.announce(em, "430822207", id).toString();
            given().header("Authorization", staff).contentType(ContentType.JSON)
                    .body(Map.of("date", LocalDate.now().toString(), "deputyIds", List.of(deputy), "visitors", 5))
                    .when().post("/api/v1/stations/" + id + "/receptions").then().statusCode(201);
            String activity = given().header("Authorization", staff).contentType(ContentType.JSON)
                    .body(Map.of("kind", "FIVE_INTO", "fiveIntoTarget", "SCHOOL", "title", "代表进学校", "stationId", id,
                            "date", LocalDate.now().toString(), "participantDeputyIds", List.of(deputy)))
                    .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
            // 述职评议: a report and a voter's assessment of it
            var report = given().header("Authorization", staff).contentType(ContentType.JSON)
                    .body(Map.of("kind", "REPORT", "title", "代表进站报告履职", "stationId", id, "date", LocalDate.now().toString(),
                            "participantDeputyIds", List.of(deputy), "reportingDeputyId", deputy, "votersPresent", 20))
                    .when().post("/api/v1/activities").then().statusCode(201).extract();
            String reportId = report.path("id");
            given().contentType(ContentType.JSON)
                    .body(Map.of("satisfaction", "SATISFIED", "phone", "13900001234"))
                    .when().post("/api/v1/activities/by-code/" + report.path("assessmentCode") + "/assessments")
                    .then().statusCode(201);
            // a village new to the tree: an import that adds it (regions-imported) and names what it added (regions-added)
            String village = "430822207" + (900 + ThreadLocalRandom.current().nextInt(100));
            given().header("Authorization", TestTokens.bearer("ADMIN", "430822")).contentType("text/csv")
                    .body(("code,name,level,parent_code\n" + village + ",契约测试村" + UUID.randomUUID().toString().substring(0, 6)
                            + ",village,430822207\n").getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/regions/import").then().statusCode(200);

            // 代表有约: a slot the staff open for the deputy and withdraw before anyone books it (slot-withdrawn)
            String startsAt = OffsetDateTime.now().plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString();
            String slot = given().header("Authorization", staff).contentType(ContentType.JSON)
                    .body(Map.of("deputyId", deputy, "startsAt", startsAt))
                    .when().post("/api/v1/stations/" + id + "/slots").then().statusCode(201).extract().path("id");
            given().header("Authorization", staff).contentType(ContentType.JSON).body(Map.of("reason", "代表临时有会"))
                    .when().post("/api/v1/stations/" + id + "/slots/" + slot + "/withdraw").then().statusCode(200);

            Set<String> types = new TreeSet<>(EventSchemas.typesOf("station.events"));
            assertThat(types).hasSize(13);
            // the booking's four need a booking whose day has come: AppointmentsIT checks them against their schemas
            types.removeIf(type -> type.startsWith("lianluo.station.appointment-"));
            for (String type : types) {
                tap.await(r -> (id.equals(r.key()) || activity.equals(r.key()) || reportId.equals(r.key()) || village.equals(r.key()))
                                && type.equals(json(r).path("type").asText()),
                        Duration.ofSeconds(20));
            }
            Set<String> seen = new TreeSet<>();
            for (ConsumerRecord<String, String> record : tap.drain(Duration.ofMillis(500))) {
                EventSchemas.assertValid(record);
                seen.add(json(record).path("type").asText());
            }
            assertThat(seen).isEqualTo(types);
        }
    }

    @Test
    void the_topic_exists_from_the_start_as_configured() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(topic::ready);
        String fresh = "test.station.events.created-" + UUID.randomUUID();
        topic.create(fresh);
        topic.create(fresh); // exists: left as it is
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.KAFKA))) {
            assertThat(admin.listTopics().names().get()).contains(TOPIC, fresh);
            assertThat(admin.describeTopics(List.of(fresh)).allTopicNames().get().get(fresh).partitions()).hasSize(3);
            var resource = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, fresh);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms").value())
                    .isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
            admin.deleteTopics(List.of(fresh)).all().get();
        }
    }

    @Test
    void a_reception_held_names_every_deputy_on_duty() {
        String station = given().queryParam("q", "大树坳乡").when().get("/api/v1/stations")
                .then().extract().path("items[0].id");
        List<String> deputies = List.of(Deputies.announce(em, "431228212", null).toString(),
                Deputies.announce(em, "431228212", null).toString());
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            String reception = given().header("Authorization", TestTokens.bearer("STATION_STAFF", "431228"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("date", LocalDate.now().toString(), "deputyIds", deputies, "visitors", 12, "casesReceived", 3))
                    .when().post("/api/v1/stations/" + station + "/receptions")
                    .then().statusCode(201).extract().path("id");

            JsonNode event = json(tap.await(r -> r.value().contains(reception), Duration.ofSeconds(20)));
            assertThat(event.get("type").asText()).isEqualTo("lianluo.station.reception-held.v1");
            assertThat(event.get("subject").asText()).isEqualTo(station);
            assertThat(event.get("data").get("deputyIds")).extracting(JsonNode::asText).containsExactlyElementsOf(deputies);
            assertThat(event.get("data").get("visitors").asInt()).isEqualTo(12);
        }
    }

    @Test
    void sent_rows_older_than_the_cutoff_leave_the_outbox() {
        Instant before = Instant.now().minusSeconds(1);
        String id = given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430822207")).contentType(ContentType.JSON)
                .body(StationResourceIT.station("刘家坪白族乡出箱测试联络点", "430822207"))
                .when().post("/api/v1/stations").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> sentRows(id) == 1);

        relay.prune(before);
        assertThat(sentRows(id)).as("sent after the cutoff: kept").isEqualTo(1);
        assertThat(relay.prune(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);
        assertThat(sentRows(id)).as("sent before the cutoff: deleted").isZero();
    }

    long sentRows(String aggregate) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND sent_at IS NOT NULL")
                .setParameter(1, aggregate).getSingleResult()).longValue());
    }

    @Test
    void a_write_during_a_kafka_outage_succeeds_and_its_event_arrives_once_the_broker_is_back() {
        String staff = TestTokens.bearer("STATION_STAFF", "430822207");
        RealInfrastructure.Suite.run("kafka", "stop");
        String id;
        try {
            id = given().header("Authorization", staff).contentType(ContentType.JSON)
                    .body(StationResourceIT.station("刘家坪白族乡停电测试联络点", "430822207"))
                    .when().post("/api/v1/stations")
                    .then().statusCode(201).extract().path("id");
            given().when().get("/api/v1/stations/" + id).then().statusCode(200);
            assertThat(relay.pending()).isGreaterThanOrEqualTo(1);
        } finally {
            RealInfrastructure.Suite.run("kafka", "start");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.pending() == 0);

        // the event was sent after the broker came back: read the topic from its start and count it
        String registered = id;
        try (var all = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "outage-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            all.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, String>> copies = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long settle = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settle)) {
                for (var record : all.poll(Duration.ofMillis(500))) {
                    if (registered.equals(record.key()) && json(record).get("type").asText().endsWith(".registered.v1")) {
                        copies.add(record);
                        settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                    }
                }
            }
            assertThat(copies).as("the registered event of the station written during the outage").hasSize(1);
        }
    }
}
