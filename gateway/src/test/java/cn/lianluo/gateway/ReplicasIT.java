package cn.lianluo.gateway;

import cn.lianluo.common.testing.RealInfrastructure;
import cn.lianluo.common.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas behave as one (what county IT gets with replicas: 2): a second case-service and a second
 * scoring-service run beside the first ones on the same databases, topics and consumer groups. Writes go to both
 * case-service replicas; every event is sent once (one relay sends at a time), the deadline clock fires once per case
 * though both replicas scan every 2 s, the scoring replicas split the partitions and count each case once.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class ReplicasIT {

    @Test
    void a_second_case_service_and_scoring_service_send_fire_and_count_nothing_twice() throws Exception {
        String caseTopic = ServicesUnderTest.topic("case");
        String scoringGroup = ServicesUnderTest.group("scoring-service");
        SuiteKafka.awaitConsumed(ServicesUnderTest.group("case-service"), ServicesUnderTest.topic("deputy"), Duration.ofSeconds(90));
        SuiteKafka.awaitConsumed(scoringGroup, caseTopic, Duration.ofSeconds(90));
        List<String> replicas = new ArrayList<>();
        try {
            replicas.add(ServicesUnderTest.startReplica("case-service", 18093));
            replicas.add(ServicesUnderTest.startReplica("scoring-service", 18094));

            // the scoring replicas share case.events' partitions: each partition has one owner, both replicas own some
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(owners(scoringGroup, caseTopic)).hasSize(2));

            List<String> deputies = FaultsIT.deputies(46, 55);
            Map<String, Integer> before = FaultsIT.totals(deputies);
            Map<String, Set<String>> cases = new HashMap<>();
            for (int i = 0; i < deputies.size(); i++) {
                String deputy = deputies.get(i);
                var response = i % 2 == 0 ? FaultsIT.receive(deputy, 400 + i) // through the gateway: the first replica
                        : given().baseUri("http://127.0.0.1").port(18093)             // straight to the second
                        .header("Authorization", TestTokens.deputy(FaultsIT.REGION, deputy)).contentType(ContentType.JSON)
                        .body(Map.of("title", "路灯 " + i, "content", "路灯坏了", "category", "PROPERTY", "kind", "HELP",
                                "regionCode", FaultsIT.REGION, "channel", "RECEPTION",
                                "citizen", Map.of("name", "群众", "phone", "1390001" + String.format("%04d", i))))
                        .when().post("/api/v1/cases").then().extract();
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
                cases.put(deputy, Set.of(response.<String>path("id")));
            }
            Set<String> ids = cases.values().stream().flatMap(Set::stream).collect(Collectors.toSet());

            // the assignment deadlines of these cases have passed: both replicas' clocks see it
            try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl("cases_gw"), RealInfrastructure.DB_USER,
                    RealInfrastructure.DB_PASSWORD);
                 PreparedStatement s = c.prepareStatement("UPDATE case_deadline SET warn_at = now() - interval '1 minute', "
                         + "due_at = now() - interval '1 minute' WHERE case_id = ANY (?) AND met_at IS NULL")) {
                s.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
                assertThat(s.executeUpdate()).as("open deadlines of the cases").isEqualTo(ids.size());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<String, Integer> overdue = records(caseTopic, "lianluo.case.overdue.v1");
                return ids.stream().allMatch(overdue::containsKey);
            });
            // one record of each kind per case, and it stays so over three more scans of each replica: nothing more fires
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        for (String type : List.of("lianluo.case.received.v1", "lianluo.case.deadline-warning.v1",
                                "lianluo.case.overdue.v1")) {
                            Map<String, Integer> sent = records(caseTopic, type);
                            assertThat(ids).as(type)
                                    .allSatisfy(id -> assertThat(sent.get(id)).as(type + " records of " + id).isEqualTo(1));
                        }
                    });

            FaultsIT.assertEachCaseCountedOnce(deputies, before, cases);
            assertThat(owners(scoringGroup, caseTopic)).as("still two owners after the stream").hasSize(2);
        } finally {
            replicas.forEach(ServicesUnderTest::stop);
        }
    }

    @Test
    void two_replicas_starting_at_once_on_an_empty_database_migrate_it_once() throws Exception {
        String database = "station_flyway_gw";
        ServicesUnderTest.freshDatabase(database);
        List<String> instances = new ArrayList<>();
        try {
            // both start at the same moment: Flyway's lock makes one migrate while the other waits, then both serve
            instances.add(ServicesUnderTest.startInstance("station-service", 18095, database));
            instances.add(ServicesUnderTest.startInstance("station-service", 18096, database));
            ServicesUnderTest.awaitInstance(instances.get(0), 18095);
            ServicesUnderTest.awaitInstance(instances.get(1), 18096);
            try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(database), RealInfrastructure.DB_USER,
                    RealInfrastructure.DB_PASSWORD); var s = c.createStatement();
                 var r = s.executeQuery("SELECT version, count(*), bool_and(success) FROM flyway_schema_history "
                         + "WHERE version IS NOT NULL GROUP BY version")) {
                int versions = 0;
                while (r.next()) {
                    versions++;
                    assertThat(r.getInt(2)).as("migration " + r.getString(1) + " applied once").isEqualTo(1);
                    assertThat(r.getBoolean(3)).as("migration " + r.getString(1) + " succeeded").isTrue();
                }
                assertThat(versions).as("station-service's migrations").isGreaterThanOrEqualTo(2);
            }
            for (int port : List.of(18095, 18096)) {
                given().baseUri("http://127.0.0.1").port(port).when().get("/api/v1/regions/43").then().statusCode(200);
            }
        } finally {
            instances.forEach(ServicesUnderTest::stop);
        }
    }

    /** How many records of the type each case has on the topic (records, not ids: a double send shows). */
    static Map<String, Integer> records(String topic, String type) {
        Map<String, Integer> count = new HashMap<>();
        for (ConsumerRecord<String, String> r : SuiteKafka.readAll(topic)) {
            JsonNode event = FaultsIT.parse(r.value());
            if (type.equals(event.path("type").asText())) {
                count.merge(event.path("subject").asText(), 1, Integer::sum);
            }
        }
        return count;
    }

    /** The group members that own partitions of the topic; fails if two own the same partition. */
    static Set<String> owners(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.KAFKA))) {
            var members = admin.describeConsumerGroups(List.of(group)).all().get().get(group).members();
            Map<TopicPartition, String> owner = new HashMap<>();
            for (MemberDescription m : members) {
                for (TopicPartition p : m.assignment().topicPartitions()) {
                    if (p.topic().equals(topic)) {
                        assertThat(owner.put(p, m.consumerId())).as("a second owner of " + p).isNull();
                    }
                }
            }
            assertThat(owner).as("every partition of " + topic + " has an owner").hasSize(3);
            return Set.copyOf(owner.values());
        }
    }
}
