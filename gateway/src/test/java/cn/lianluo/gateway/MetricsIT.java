package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics Prometheus scrapes (docs/deploy.md, 指标): every service's /q/metrics, the gateway's on its management port
 * only, and the platform's own lianluo_ meters moving as events go out, come in, come in again and fail.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class MetricsIT {

    /** The gateway's management port in the tests ({@code %test.quarkus.management.test-port}). */
    static final String GATEWAY_MANAGEMENT = "http://127.0.0.1:18090";
    static final String RECEIVED = FaultsIT.RECEIVED;
    /**
     * A sample line: name, labels, value, and what may follow (a timestamp, or an exemplar {@code # {trace_id="…"} 1.0}
     * that the traces add to counters: its braces are not the sample's labels).
     */
    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One scrape of {@code baseUri}/q/metrics, as Prometheus reads it. */
    static String scrape(String baseUri) {
        return given().baseUri(baseUri).when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels} (name, value, …); 0 when there is none. */
    static double value(String scrape, String name, String... labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            boolean matches = true;
            for (int i = 0; i < labels.length; i += 2) {
                matches &= labels[i + 1].equals(found.get(labels[i]));
            }
            if (matches) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }

    static boolean has(String scrape, String name, String... labels) {
        return scrape.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                && (labels.length == 0 || scrape.lines().anyMatch(l -> {
                    if (!l.startsWith(name)) {
                        return false;
                    }
                    for (int i = 0; i < labels.length; i += 2) {
                        if (!l.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                            return false;
                        }
                    }
                    return true;
                }));
    }

    static String service(String name) {
        return FaultsIT.service(name);
    }

    @Test
    void every_service_answers_q_metrics_with_http_jvm_pool_kafka_and_outbox_metrics() {
        for (String name : ServicesUnderTest.PORTS.keySet()) {
            // the HTTP server's timers begin with the first request to the API (the /q endpoints are not counted)
            given().baseUri(service(name)).when().get("/api/v1/no-such-path").then().statusCode(404);
            String scrape = scrape(service(name));
            assertThat(scrape).as(name).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes",
                    "agroal_active_count", "kafka_consumer_", "kafka_producer_",
                    "lianluo_outbox_pending ", "lianluo_outbox_oldest_age_seconds ");
        }
        String cases = scrape(service("case-service"));
        assertThat(value(cases, "lianluo_deadline_scan_last_run_timestamp_seconds"))
                .as("the deadline scan runs every 2 s in the tests").isPositive();
        var received = FaultsIT.receive(SeedIds.of("deputy", "cangshuipu-t61").toString(), 501);
        assertThat(received.statusCode()).as(received.body().asString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(value(scrape(service("case-service")), "lianluo_cases", "status", received.path("status")))
                        .as("the case just received, read every 2 s in the tests").isPositive());
        assertThat(has(cases, "lianluo_cases_overdue")).isTrue();
        for (String name : List.of("case-service", "station-service")) {
            assertThat(has(scrape(service(name)), "lianluo_calendar_next_year_loaded")).as(name).isTrue();
        }
    }

    @Test
    void the_gateway_s_metrics_are_on_its_management_port_and_not_on_its_public_door() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/api/v1/regions/43").then().statusCode(200);
        String gateway = scrape(GATEWAY_MANAGEMENT);
        assertThat(gateway).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count");
        // what it forwards is counted by the path's first segment, never by an id or a code in it
        assertThat(has(gateway, "http_server_requests_seconds_count", "uri", "/api/v1/regions/**")).isTrue();
        assertThat(gateway).doesNotContain("uri=\"/api/v1/regions/43\"");
    }

    @Test
    void a_public_request_refused_by_the_rate_limit_is_counted_by_its_route() {
        String route = "GET /api/v1/cases/track/{code}";
        double before = value(scrape(GATEWAY_MANAGEMENT), "lianluo_rate_limit_refusals_total", "route", route);
        String client = "198.51.100." + (1 + (int) (Math.random() * 250));
        int refused = 0;
        for (int i = 0; i < 25; i++) {
            int status = given().header("X-Forwarded-For", client).queryParam("phone", "13900001234")
                    .when().get("/api/v1/cases/track/LL" + i).then().extract().statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).as("the tests' limit is 20 a minute").isPositive();
        assertThat(value(scrape(GATEWAY_MANAGEMENT), "lianluo_rate_limit_refusals_total", "route", route))
                .isEqualTo(before + refused);
    }

    @Test
    void a_case_received_is_published_once_applied_by_its_consumers_and_its_redelivery_counted_as_a_duplicate_only() {
        String caseTopic = ServicesUnderTest.topic("case");
        String scoringGroup = ServicesUnderTest.group("scoring-service");
        SuiteKafka.awaitConsumed(scoringGroup, caseTopic, Duration.ofSeconds(90));
        double published = value(scrape(service("case-service")), "lianluo_events_published_total", "type", RECEIVED);
        Map<String, Double> applied = consumed(RECEIVED, "applied");

        var response = FaultsIT.receive(SeedIds.of("deputy", "cangshuipu-t60").toString(), 500);
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(201);
        String caseId = response.path("id");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(value(scrape(service("case-service")), "lianluo_events_published_total", "type", RECEIVED))
                    .isEqualTo(published + 1);
            assertThat(consumed(RECEIVED, "applied")).isEqualTo(Map.of("scoring-service", applied.get("scoring-service") + 1,
                    "notification-service", applied.get("notification-service") + 1));
        });
        SuiteKafka.awaitConsumed(scoringGroup, caseTopic, Duration.ofSeconds(60));

        Map<String, Double> appliedAfter = consumed(RECEIVED, "applied");
        Map<String, Double> duplicates = consumed(RECEIVED, "duplicate");
        Map<String, Double> dead = consumed(RECEIVED, "dead_lettered");
        List<ConsumerRecord<String, String>> event = new ArrayList<>();
        for (ConsumerRecord<String, String> r : SuiteKafka.readAll(caseTopic)) {
            if (!r.value().contains(caseId)) {
                continue; // another case's, or the unreadable envelope of the dead-letter test
            }
            var json = FaultsIT.parse(r.value());
            if (RECEIVED.equals(json.path("type").asText()) && caseId.equals(json.path("subject").asText())) {
                event.add(r);
            }
        }
        assertThat(event).as("the case's received event on the topic").hasSize(1);
        SuiteKafka.republish(event);
        SuiteKafka.awaitConsumed(scoringGroup, caseTopic, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(consumed(RECEIVED, "duplicate")).isEqualTo(Map.of(
                        "scoring-service", duplicates.get("scoring-service") + 1,
                        "notification-service", duplicates.get("notification-service") + 1)));
        assertThat(consumed(RECEIVED, "applied")).isEqualTo(appliedAfter);
        assertThat(consumed(RECEIVED, "dead_lettered")).isEqualTo(dead);
        assertThat(value(scrape(service("case-service")), "lianluo_events_published_total", "type", RECEIVED))
                .as("a redelivery is not published again by the relay").isEqualTo(published + 1);
    }

    /** What scoring-service and notification-service counted of events of {@code type} with {@code outcome}. */
    static Map<String, Double> consumed(String type, String outcome) {
        Map<String, Double> counts = new HashMap<>();
        for (String name : List.of("scoring-service", "notification-service")) {
            counts.put(name, value(scrape(service(name)), "lianluo_events_consumed_total", "type", type, "outcome", outcome));
        }
        return counts;
    }

    @Test
    void an_envelope_no_consumer_can_read_goes_to_the_dead_letter_topic_and_is_counted_by_channel() {
        String deadLetters = ServicesUnderTest.deadLetters("scoring-service", "case");
        long deadBefore = SuiteKafka.size(deadLetters);
        double before = value(scrape(service("scoring-service")), "lianluo_events_dead_lettered_total", "channel", "case-events");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cn.lianluo.common.testing.RealInfrastructure.KAFKA,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            // JSON, so the other tests that read the whole case topic pass over it by its (missing) type, but no
            // CloudEvent: without an id and a time no consumer can take it in
            producer.send(new ProducerRecord<>(ServicesUnderTest.topic("case"), UUID.randomUUID().toString(),
                    "{\"specversion\":\"1.0\",\"note\":\"not an event\"}"));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(value(scrape(service("scoring-service")), "lianluo_events_dead_lettered_total", "channel",
                        "case-events")).isEqualTo(before + 1));
        assertThat(SuiteKafka.size(deadLetters)).isEqualTo(deadBefore + 1);
    }

    @Test
    void each_consumer_group_s_lag_is_read_from_kafka() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(has(scrape(service("scoring-service")), "lianluo_consumer_lag_records",
                        "group", ServicesUnderTest.group("scoring-service"), "topic", ServicesUnderTest.topic("case")))
                        .isTrue());
        SuiteKafka.awaitConsumed(ServicesUnderTest.group("scoring-service"), ServicesUnderTest.topic("case"),
                Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(value(scrape(service("scoring-service")), "lianluo_consumer_lag_records",
                        "group", ServicesUnderTest.group("scoring-service"), "topic", ServicesUnderTest.topic("case")))
                        .isZero());
    }
}
