package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.RealInfrastructure;
import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.common.time.Zones;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * Nothing lost under faults (DESIGN §5): the broker down, a service killed with SIGKILL mid-stream, events delivered
 * twice. Each test counts: writes acknowledged = rows present = events delivered = points applied, once each.
 * The deputies are 沧水铺镇's seeded ones (a case received is 1 point under Hunan's rules, at most 10 a month), each
 * test with its own, so the tests do not see each other's points.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class FaultsIT {

    static final String REGION = "430903105";
    static final String OFFICE = TestTokens.bearer("SUPERVISOR", "43");
    static final String RECEIVED = "lianluo.case.received.v1";
    /** The year a case received now is counted in (points go by the day a fact happened, in China). */
    static final int YEAR = java.time.LocalDate.now(Zones.CHINA).getYear();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void everythingPublishedSoFarIsConsumed() {
        // the seeded deputies reach case-service and scoring-service over deputy.events; the tests start from there
        SuiteKafka.awaitConsumed(ServicesUnderTest.group("case-service"), ServicesUnderTest.topic("deputy"), Duration.ofSeconds(90));
        for (String topic : List.of("station", "deputy", "case")) {
            SuiteKafka.awaitConsumed(ServicesUnderTest.group("scoring-service"), ServicesUnderTest.topic(topic), Duration.ofSeconds(90));
        }
    }

    static List<String> deputies(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> SeedIds.of("deputy", "cangshuipu-t" + n).toString()).toList();
    }

    /** The deputy receives a citizen's case on the reception day (受理随时); returns the response. */
    static ExtractableResponse<Response> receive(String deputy, int n) {
        return given().header("Authorization", TestTokens.deputy(REGION, deputy)).contentType(ContentType.JSON)
                .body(Map.of("title", "道路积水 " + n, "content", "村口道路雨后积水,第" + n + "次反映", "category", "PROPERTY",
                        "kind", "HELP", "regionCode", REGION, "channel", "RECEPTION",
                        "citizen", Map.of("name", "群众" + n, "phone", "1390000" + String.format("%04d", n))))
                .when().post("/api/v1/cases").then().extract();
    }

    static int pointsPerCaseReceived() {
        return given().header("Authorization", OFFICE).when().get("/api/v1/points/rules/" + REGION + "/" + YEAR)
                .then().statusCode(200).extract().path("rules.points.CASE_RECEIVED");
    }

    static Map<String, Object> points(String deputy) {
        return given().header("Authorization", OFFICE).queryParam("year", YEAR).when().get("/api/v1/points/deputies/" + deputy)
                .then().statusCode(200).extract().path("$");
    }

    static int total(String deputy) {
        return (Integer) points(deputy).get("total");
    }

    /** The source event ids of the deputy's CASE_RECEIVED ledger entries (a list: a double count shows as a repeat). */
    @SuppressWarnings("unchecked")
    static List<String> receivedEntries(String deputy) {
        return ((List<Map<String, Object>>) points(deputy).get("ledger")).stream()
                .filter(e -> "CASE_RECEIVED".equals(e.get("factType"))).map(e -> (String) e.get("sourceEventId")).toList();
    }

    /** The cases case-service holds as received by the deputy. */
    static Set<String> casesOf(String deputy) {
        List<String> ids = given().header("Authorization", OFFICE).queryParam("deputy", deputy).queryParam("size", 200)
                .when().get("/api/v1/cases").then().statusCode(200).extract().path("items.id");
        return new HashSet<>(ids);
    }

    /** case id → the distinct ids of its case.received events on the topic. */
    static Map<String, Set<String>> receivedEvents() {
        Map<String, Set<String>> byCase = new HashMap<>();
        for (ConsumerRecord<String, String> r : SuiteKafka.readAll(ServicesUnderTest.topic("case"))) {
            JsonNode event = parse(r.value());
            if (RECEIVED.equals(event.path("type").asText())) {
                byCase.computeIfAbsent(event.path("subject").asText(), k -> new HashSet<>()).add(event.path("id").asText());
            }
        }
        return byCase;
    }

    /** A service of the run, as the kubelet's probes reach it: directly, not through the gateway. */
    static String service(String name) {
        return "http://127.0.0.1:" + ServicesUnderTest.PORTS.get(name);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Integer> totals(List<String> deputies) {
        Map<String, Integer> totals = new LinkedHashMap<>();
        deputies.forEach(d -> totals.put(d, total(d)));
        return totals;
    }

    /**
     * For each deputy: every case present has exactly one received event, exactly one ledger entry naming that event,
     * and the total rose by the rule's value per case.
     */
    static void assertEachCaseCountedOnce(List<String> deputies, Map<String, Integer> before, Map<String, Set<String>> casesByDeputy) {
        int value = pointsPerCaseReceived();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Set<String>> events = receivedEvents();
            for (String deputy : deputies) {
                Set<String> cases = casesByDeputy.get(deputy);
                Set<String> eventIds = new HashSet<>();
                for (String c : cases) {
                    assertThat(events.get(c)).as("case.received events of case " + c).hasSize(1);
                    eventIds.addAll(events.get(c));
                }
                List<String> entries = receivedEntries(deputy);
                assertThat(entries).as("CASE_RECEIVED ledger entries of " + deputy).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(eventIds);
                assertThat(total(deputy)).as("total of " + deputy).isEqualTo(before.get(deputy) + value * cases.size());
            }
        });
    }

    @Test
    void writes_made_while_kafka_is_down_are_kept_every_service_stays_ready_and_the_events_and_points_arrive_once_it_is_back() {
        List<String> deputies = deputies(11, 20);
        Map<String, Integer> before = totals(deputies);
        Map<String, Set<String>> acknowledged = new HashMap<>();

        RealInfrastructure.Suite.run("kafka", "stop");
        try {
            for (int i = 0; i < deputies.size(); i++) {
                var response = receive(deputies.get(i), 100 + i);
                assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(201);
                acknowledged.put(deputies.get(i), Set.of(response.<String>path("id")));
            }
            // the writes are in the database while the broker is still down
            for (String deputy : deputies) {
                assertThat(casesOf(deputy)).containsExactlyInAnyOrderElementsOf(acknowledged.get(deputy));
            }
            // case-service knows its events are late (its relay has failed to reach the broker) ...
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    given().baseUri(service("case-service")).when().get("/q/health/group/events").then().statusCode(503)
                            .body("checks[0].status", equalTo("DOWN"))
                            .body("checks[0].data.pending", greaterThanOrEqualTo(deputies.size())));
            // ... and so does Prometheus: the rows waiting in its outbox, and how long the oldest has waited
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                String scrape = MetricsIT.scrape(service("case-service"));
                assertThat(MetricsIT.value(scrape, "lianluo_outbox_pending")).isGreaterThanOrEqualTo(deputies.size());
                assertThat(MetricsIT.value(scrape, "lianluo_outbox_oldest_age_seconds")).isPositive();
            });
            // ... and still every service is ready and alive, as Kubernetes' probes ask: the broker is not theirs to fix
            for (String service : ServicesUnderTest.PORTS.keySet()) {
                given().baseUri(service(service)).when().get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"));
                given().baseUri(service(service)).when().get("/q/health/live").then().statusCode(200)
                        .body("status", equalTo("UP"));
            }
            // a pod that starts while the broker is away (rescheduled, or restarted by someone) starts and becomes ready
            ServicesUnderTest.stop("deputy-service");
            ServicesUnderTest.restart("deputy-service");
            given().baseUri(service("deputy-service")).when().get("/q/health/started").then().statusCode(200);
            given().baseUri(service("deputy-service")).when().get("/q/health/ready").then().statusCode(200);
            // a write made after all that is taken as the first ones were
            var late = receive(deputies.get(0), 99);
            assertThat(late.statusCode()).as(late.body().asString()).isEqualTo(201);
            acknowledged.put(deputies.get(0), Set.of(acknowledged.get(deputies.get(0)).iterator().next(), late.<String>path("id")));
        } finally {
            RealInfrastructure.Suite.run("kafka", "start");
        }

        assertEachCaseCountedOnce(deputies, before, acknowledged);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String scrape = MetricsIT.scrape(service("case-service"));
            assertThat(MetricsIT.value(scrape, "lianluo_outbox_pending")).as("the outbox emptied").isZero();
            assertThat(MetricsIT.value(scrape, "lianluo_outbox_oldest_age_seconds")).isZero();
        });
    }

    @Test
    void killing_case_service_and_scoring_service_mid_stream_loses_no_acknowledged_write_and_counts_no_point_twice() throws Exception {
        List<String> deputies = deputies(21, 40);
        Map<String, Integer> before = totals(deputies);
        int wanted = 40;
        List<String[]> acknowledged = Collections.synchronizedList(new ArrayList<>()); // {deputy, case id}
        AtomicInteger failures = new AtomicInteger();

        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int attempt = 0; acknowledged.size() < wanted && attempt < 2_000; attempt++) {
                String deputy = deputies.get(acknowledged.size() % deputies.size());
                var response = receive(deputy, 200 + attempt);
                if (response.statusCode() == 201) {
                    acknowledged.add(new String[] {deputy, response.path("id")});
                } else {
                    assertThat(response.statusCode()).as("a write to a dead service").isIn(502, 503, 504);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    failures.incrementAndGet();
                    sleep(50);
                }
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 10);
        ServicesUnderTest.kill("case-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> failures.get() >= 3);
        ServicesUnderTest.restart("case-service");
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 25);
        ServicesUnderTest.kill("scoring-service"); // while case.events stream in, before it commits its offsets
        ServicesUnderTest.restart("scoring-service");
        stream.get();
        assertThat(acknowledged).hasSize(wanted);
        System.out.printf("crash: %d writes acknowledged, %d refused while case-service was down%n", acknowledged.size(), failures.get());
        assertThat(failures.get()).as("writes refused while case-service was down").isGreaterThanOrEqualTo(3);

        // every acknowledged write is present; a write cut off mid-request may be present too, and then it counts like any other
        Map<String, Set<String>> present = new HashMap<>();
        for (String deputy : deputies) {
            present.put(deputy, casesOf(deputy));
        }
        Map<String, Set<String>> acknowledgedByDeputy = acknowledged.stream()
                .collect(Collectors.groupingBy(a -> a[0], Collectors.mapping(a -> a[1], Collectors.toSet())));
        acknowledgedByDeputy.forEach((deputy, ids) -> assertThat(present.get(deputy)).containsAll(ids));
        int rows = present.values().stream().mapToInt(Set::size).sum();
        assertThat(rows).as("rows present: the acknowledged writes and at most the one cut off").isBetween(wanted, wanted + 1);

        assertEachCaseCountedOnce(deputies, before, present);
    }

    @Test
    void case_events_delivered_a_second_time_change_nothing_downstream() {
        // some points to redeliver: five cases received
        List<String> deputies = deputies(41, 45);
        Map<String, Integer> before = totals(deputies);
        Map<String, Set<String>> cases = new HashMap<>();
        for (int i = 0; i < deputies.size(); i++) {
            var response = receive(deputies.get(i), 300 + i);
            assertThat(response.statusCode()).isEqualTo(201);
            cases.put(deputies.get(i), Set.of(response.<String>path("id")));
        }
        assertEachCaseCountedOnce(deputies, before, cases);
        String caseTopic = ServicesUnderTest.topic("case");
        String scoring = ServicesUnderTest.group("scoring-service");
        SuiteKafka.awaitConsumed(scoring, caseTopic, Duration.ofSeconds(60));

        List<String> watched = new ArrayList<>(deputies(1, 45));
        watched.add(SeedIds.of("deputy", "biancheng-t1").toString());
        Map<String, Map<String, Object>> ledgersBefore = new LinkedHashMap<>();
        watched.forEach(d -> ledgersBefore.put(d, points(d)));
        Object statisticsBefore = statistics();
        String deadLetters = ServicesUnderTest.deadLetters("scoring-service", "case");
        long deadBefore = SuiteKafka.size(deadLetters);

        List<ConsumerRecord<String, String>> slice = SuiteKafka.readAll(caseTopic);
        assertThat(slice).as("case.events so far").isNotEmpty();
        long endBefore = SuiteKafka.size(caseTopic);
        SuiteKafka.republish(slice);
        assertThat(SuiteKafka.size(caseTopic)).isEqualTo(endBefore + slice.size());
        SuiteKafka.awaitConsumed(scoring, caseTopic, Duration.ofSeconds(90));

        watched.forEach(d -> assertThat(points(d)).as("points of " + d).isEqualTo(ledgersBefore.get(d)));
        assertThat(statistics()).isEqualTo(statisticsBefore);
        assertThat(SuiteKafka.size(deadLetters)).as("redelivered events are not poison").isEqualTo(deadBefore);
    }

    static Object statistics() {
        return given().header("Authorization", TestTokens.bearer("SUPERVISOR", "43")).queryParam("region", "43").queryParam("year", 2026)
                .when().get("/api/v1/points/statistics").then().statusCode(200).extract().path("$");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
