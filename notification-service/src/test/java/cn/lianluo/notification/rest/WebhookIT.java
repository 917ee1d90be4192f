package cn.lianluo.notification.rest;

import cn.lianluo.common.testing.TestEvents;
import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.notification.service.WebhookDelivery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.lianluo.notification.rest.WebhookTesting.caseEvent;
import static cn.lianluo.notification.rest.WebhookTesting.subscribe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Case events in, signed CloudEvents out to a real HTTP receiver, against the real PostgreSQL and Kafka. */
@QuarkusTest
class WebhookIT {

    static final String SANGZHI = TestTokens.bearer("ADMIN", "430822");
    static final String HUNAN = TestTokens.bearer("SUPERVISOR", "43");
    static final List<String> CASES = List.of("lianluo.case.*");

    @Inject
    EntityManager em;
    @Inject
    WebhookDelivery worker;

    @BeforeEach
    void no_subscriptions_of_earlier_tests() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM webhook_subscription").executeUpdate());
    }

    boolean claimed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer = 'webhooks' AND event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() == 1);
    }

    long matched(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM webhook_event WHERE event_id = ?1").setParameter(1, eventId).getSingleResult()).longValue());
    }

    long attempts(String subscription, String outcome) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                        WHERE d.subscription_id = ?1 AND a.outcome = ?2""")
                .setParameter(1, UUID.fromString(subscription)).setParameter(2, outcome).getSingleResult()).longValue());
    }

    @Test
    void the_receiver_gets_each_matching_event_once_signed_in_order_and_nothing_of_another_region() throws Exception {
        try (TestReceiver receiver = new TestReceiver(WebhookTesting.SECRET)) {
            subscribe(SANGZHI, receiver.url(), CASES, "430822");
            UUID caseA = UUID.randomUUID();
            UUID received = caseEvent(caseA, "received", "430822207");
            UUID accepted = caseEvent(caseA, "accepted", "430822207");
            UUID elsewhere = caseEvent(UUID.randomUUID(), "received", "430821001");
            UUID replied = caseEvent(caseA, "replied", "430822207");
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.acceptedIds().contains(replied.toString()));

            assertThat(claimed(elsewhere)).isTrue();
            assertThat(matched(elsewhere)).isZero();
            assertThat(receiver.acceptedIds()).containsExactly(received.toString(), accepted.toString(), replied.toString());
            assertThat(receiver.all()).allSatisfy(r -> {
                assertThat(r.signed()).as("the signature the receiver recomputed").isTrue();
                assertThat(r.contentType()).startsWith("application/cloudevents+json");
                assertThat(r.subject()).isEqualTo(caseA.toString());
                assertThat(r.body()).contains("\"specversion\":\"1.0\"", "\"regioncode\":\"430822207\"", "\"phoneMasked\"")
                        .doesNotContain("sealed");
            });
        }
    }

    @Test
    void a_redelivered_event_is_sent_once() throws Exception {
        try (TestReceiver receiver = new TestReceiver(WebhookTesting.SECRET)) {
            subscribe(SANGZHI, receiver.url(), CASES, "430822");
            UUID caseA = UUID.randomUUID();
            UUID id = UUID.randomUUID();
            String envelope = WebhookTesting.caseEnvelope(id, caseA, "urged", "430822207");
            TestEvents.publish(WebhookTesting.CASE_TOPIC, caseA.toString(), envelope);
            TestEvents.publish(WebhookTesting.CASE_TOPIC, caseA.toString(), envelope); // redelivered
            // one more event of the case, after both on its partition: once it has come, the redelivery was taken in
            UUID after = caseEvent(caseA, "overdue", "430822207");
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.acceptedIds().contains(after.toString()));
            assertThat(receiver.acceptedIds()).containsExactly(id.toString(), after.toString());
        }
    }

    @Test
    void a_receiver_down_for_a_while_gets_every_event_once_in_order_per_case() throws Exception {
        try (TestReceiver receiver = new TestReceiver(WebhookTesting.SECRET)) {
            receiver.failFirst(5);
            String subscription = subscribe(HUNAN, receiver.url(), CASES, "4308");
            UUID caseA = UUID.randomUUID();
            UUID caseB = UUID.randomUUID();
            List<String> a = List.of(caseEvent(caseA, "received", "430822207").toString(),
                    caseEvent(caseA, "assigned", "430822207").toString(), caseEvent(caseA, "handled", "430822207").toString());
            List<String> b = List.of(caseEvent(caseB, "received", "430802").toString(),
                    caseEvent(caseB, "answered", "430802").toString());
            await().atMost(Duration.ofSeconds(90)).until(() -> receiver.accepted().size() >= 5);

            assertThat(receiver.acceptedIds()).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
            assertThat(receiver.accepted().stream().filter(r -> r.subject().equals(caseA.toString()))
                    .map(TestReceiver.Received::eventId)).containsExactlyElementsOf(a);
            assertThat(receiver.accepted().stream().filter(r -> r.subject().equals(caseB.toString()))
                    .map(TestReceiver.Received::eventId)).containsExactlyElementsOf(b);
            assertThat(receiver.all().stream().filter(r -> r.answered() == 503)).hasSize(5);
            assertThat(attempts(subscription, "RETRY")).isEqualTo(5);
            assertThat(attempts(subscription, "DELIVERED")).isEqualTo(5);
        }
    }

    @Test
    void a_paused_subscription_gets_nothing_until_resumed() throws Exception {
        try (TestReceiver receiver = new TestReceiver(WebhookTesting.SECRET)) {
            String id = subscribe(SANGZHI, receiver.url(), CASES, "430822");
            given().header("Authorization", SANGZHI).when().post("/api/v1/webhooks/" + id + "/pause")
                    .then().statusCode(200).body("status", equalTo("PAUSED"));
            UUID event = caseEvent(UUID.randomUUID(), "received", "430822207");
            await().atMost(Duration.ofSeconds(60)).until(() -> matched(event) == 1);
            worker.deliverDue(); // a pass of the worker: it takes nothing of a paused subscription
            assertThat(receiver.all()).isEmpty();
            given().header("Authorization", SANGZHI).when().get("/api/v1/webhooks/" + id)
                    .then().statusCode(200).body("pending", equalTo(1));

            given().header("Authorization", SANGZHI).when().post("/api/v1/webhooks/" + id + "/resume")
                    .then().statusCode(200).body("status", equalTo("ACTIVE"));
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.acceptedIds().contains(event.toString()));
            assertThat(receiver.acceptedIds()).containsExactly(event.toString());
        }
    }

    @Test
    void workers_running_at_once_send_each_delivery_once() throws Exception {
        try (TestReceiver receiver = new TestReceiver(WebhookTesting.SECRET)) {
            String id = subscribe(SANGZHI, receiver.url(), CASES, "430822");
            given().header("Authorization", SANGZHI).when().post("/api/v1/webhooks/" + id + "/pause").then().statusCode(200);
            List<String> events = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                events.add(caseEvent(UUID.randomUUID(), "received", "430822207").toString());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> events.stream().allMatch(e -> matched(UUID.fromString(e)) == 1));
            given().header("Authorization", SANGZHI).when().post("/api/v1/webhooks/" + id + "/resume").then().statusCode(200);
            // two more workers beside the scheduled one, as two more replicas would run
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var passes = List.of(pool.submit(worker::deliverDue), pool.submit(worker::deliverDue));
                for (var pass : passes) {
                    pass.get();
                }
            } finally {
                pool.shutdown();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() >= events.size());
            assertThat(receiver.acceptedIds()).containsExactlyInAnyOrderElementsOf(events);
        }
    }

    @Test
    void a_delivery_left_taken_by_a_worker_that_died_is_sent_once_its_lease_runs_out() throws Exception {
        try (TestReceiver receiver = new TestReceiver(WebhookTesting.SECRET)) {
            String id = subscribe(SANGZHI, receiver.url(), CASES, "430822");
            given().header("Authorization", SANGZHI).when().post("/api/v1/webhooks/" + id + "/pause").then().statusCode(200);
            UUID event = caseEvent(UUID.randomUUID(), "received", "430822207");
            await().atMost(Duration.ofSeconds(60)).until(() -> matched(event) == 1);
            // as a replica killed (kill -9) in the middle of the request leaves it: taken and leased, never recorded
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            UPDATE webhook_delivery SET first_attempt_at = now(), not_before = now() + interval '2 seconds'
                            WHERE subscription_id = ?1""").setParameter(1, UUID.fromString(id)).executeUpdate());
            given().header("Authorization", SANGZHI).when().post("/api/v1/webhooks/" + id + "/resume").then().statusCode(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.acceptedIds().contains(event.toString()));
            assertThat(receiver.acceptedIds()).containsExactly(event.toString());
        }
    }

    @Test
    void a_request_whose_answer_never_finishes_is_cancelled_when_the_delivery_times_out() throws Exception {
        try (ServerSocket receiver = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String id = subscribe(SANGZHI, "http://127.0.0.1:" + receiver.getLocalPort() + "/hook", CASES, "430822");
            caseEvent(UUID.randomUUID(), "received", "430822207");
            receiver.setSoTimeout(60_000);
            try (Socket request = receiver.accept()) {
                readRequest(request.getInputStream());
                // the head of an answer and 1 byte of its 1000: the client waits for the rest of the body
                request.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nx"
                        .getBytes(StandardCharsets.US_ASCII));
                request.getOutputStream().flush();
                // the worker gives up after connect-timeout + answer-timeout + 5 s (20 s) and cancels the request,
                // which closes the connection; a request left running would hold it open past this wait
                request.setSoTimeout(35_000);
                assertThat(closedByClient(request.getInputStream())).isTrue();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(id, "RETRY") >= 1);
        }
    }

    /** Reads one HTTP request: its head up to the empty line, then as many bytes as its Content-Length names. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended in its head");
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(head);
        in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
    }

    /** Whether the client closed (or reset) the connection; false when it kept it open past the socket's timeout. */
    private static boolean closedByClient(InputStream in) throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    @Test
    void a_replay_from_a_time_delivers_the_events_since_again_with_their_ids() throws Exception {
        try (TestReceiver receiver = new TestReceiver(WebhookTesting.SECRET)) {
            String id = subscribe(SANGZHI, receiver.url(), CASES, "430822");
            UUID caseA = UUID.randomUUID();
            UUID first = caseEvent(caseA, "received", "430822207");
            UUID second = caseEvent(caseA, "accepted", "430822207");
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() == 2);

            given().header("Authorization", SANGZHI).contentType(ContentType.JSON)
                    .body(Map.of("from", OffsetDateTime.now().minusHours(1).toString()))
                    .when().post("/api/v1/webhooks/" + id + "/replay")
                    .then().statusCode(200).body("deliveries", equalTo(2));
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() == 4);
            assertThat(receiver.acceptedIds()).containsExactly(first.toString(), second.toString(),
                    first.toString(), second.toString());

            given().header("Authorization", SANGZHI).contentType(ContentType.JSON)
                    .body(Map.of("from", OffsetDateTime.now().plusHours(1).toString()))
                    .when().post("/api/v1/webhooks/" + id + "/replay")
                    .then().statusCode(200).body("deliveries", equalTo(0));
        }
    }

    @Test
    void subscriptions_are_kept_to_the_callers_region_and_never_show_the_secret() {
        String id = subscribe(SANGZHI, "http://127.0.0.1:9/hook", List.of("lianluo.case.received.v1",
                "lianluo.deputy.*"), "430822207");
        String list = given().header("Authorization", HUNAN).when().get("/api/v1/webhooks")
                .then().statusCode(200).body("id", hasItem(id)).extract().asString();
        String one = given().header("Authorization", SANGZHI).when().get("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("regionPrefix", equalTo("430822207"))
                .body("eventTypes", equalTo(List.of("lianluo.case.received.v1", "lianluo.deputy.*")))
                .extract().asString();
        assertThat(list + one).doesNotContain("secret").doesNotContain(WebhookTesting.SECRET);
        String cili = TestTokens.bearer("ADMIN", "430821");
        given().header("Authorization", cili).when().get("/api/v1/webhooks/" + id).then().statusCode(403);
        given().header("Authorization", cili).when().get("/api/v1/webhooks")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().header("Authorization", cili).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", CASES, "regionPrefix", "430822",
                        "secret", WebhookTesting.SECRET))
                .when().post("/api/v1/webhooks").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430822")).when().get("/api/v1/webhooks")
                .then().statusCode(403);
        given().header("Authorization", SANGZHI).when().get("/api/v1/webhooks/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", SANGZHI).when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        given().header("Authorization", SANGZHI).when().get("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void a_subscription_with_unknown_types_a_bad_region_or_a_short_secret_is_a_400_naming_the_fields() {
        given().header("Authorization", SANGZHI).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("lianluo.case.nonsense.v1", "*"),
                        "regionPrefix", "43x", "secret", "short"))
                .when().post("/api/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("eventTypes"))
                .body("errors.field", hasItem("regionPrefix"))
                .body("errors.field", hasItem("secret"));
        given().header("Authorization", SANGZHI).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/webhooks/" + UUID.randomUUID() + "/replay")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
