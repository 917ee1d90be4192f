package cn.lianluo.gateway;

import cn.lianluo.common.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.lianluo.gateway.CaseLoopStoriesIT.DISPATCHER;
import static cn.lianluo.gateway.CaseLoopStoriesIT.HOUSING;
import static cn.lianluo.gateway.CaseLoopStoriesIT.command;
import static cn.lianluo.gateway.CaseLoopStoriesIT.phone;
import static cn.lianluo.gateway.CaseLoopStoriesIT.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What people and other systems hear of a case (issue 23, docs/notifications.md), through the gateway with
 * notification-service behind it: the citizen's SMS (the log adapter), the unit's e-mail (received by a real SMTP
 * server, {@link ServicesUnderTest#mail()}) and inbox entries, exactly as the rule table says; a webhook receiver of
 * another system gets every case event of its county once, signed, in order per case, across its own outage and a
 * {@code kill -9} of notification-service; a redelivered event and a second replica send nothing twice.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class NotificationsIT {

    static final String COUNTY = "433124"; // 花垣县
    static final String ADMIN = TestTokens.bearer("ADMIN", COUNTY);
    static final String HOUSING_MAIL = "zhujian@huayuan.example.cn";

    static JsonPath messagesOf(String caseId) {
        return given().header("Authorization", ADMIN).queryParam("caseId", caseId).queryParam("size", 100)
                .when().get("/api/v1/notifications/messages").then().statusCode(200).extract().jsonPath();
    }

    /** The case's messages as "recipient-kind channel rule status" lines, once none of them waits any more. */
    static List<String> settledMessagesOf(String caseId, int atLeast) {
        List<String> lines = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonPath page = messagesOf(caseId);
            List<Map<String, Object>> items = page.getList("items");
            lines.clear();
            for (Map<String, Object> m : items) {
                lines.add(((String) m.get("recipient")).replaceAll(":.*", "") + " " + m.get("channel") + " " + m.get("rule")
                        + " " + m.get("status"));
            }
            return items.size() >= atLeast && items.stream().noneMatch(m -> Set.of("PENDING", "SENDING").contains(m.get("status")));
        });
        return lines.stream().sorted().toList();
    }

    @Test
    void a_case_through_the_loop_tells_the_citizen_by_sms_and_the_unit_by_email_and_inbox_as_the_rule_table_says()
            throws Exception {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("regionCode", COUNTY, "email", HOUSING_MAIL))
                .when().put("/api/v1/notifications/contacts/unit/" + HOUSING).then().statusCode(200);
        String housing = TestTokens.handler(COUNTY, HOUSING);
        long unreadBefore = given().header("Authorization", housing).when().get("/api/v1/inbox/unread-count")
                .then().statusCode(200).extract().jsonPath().getLong("unread");

        String citizenPhone = phone();
        JsonPath created = submit("村道路灯坏了", "边城镇茶峒村进村道路的路灯坏了一个多月,晚上出行不便。", "INFRASTRUCTURE", citizenPhone);
        String id = created.getString("id");
        String code = created.getString("trackingCode");
        command(id, "assign", Map.of("unitId", HOUSING, "note", "请县住建局办理"), DISPATCHER).statusCode(200);
        command(id, "accept", Map.of(), housing).statusCode(200);
        command(id, "complete", Map.of("result", "路灯已更换"), housing).statusCode(200);
        command(id, "reply", Map.of("content", "茶峒村进村道路的路灯已于本周更换,恢复照明。"), housing).statusCode(200)
                .body("status", equalTo("REPLIED"));

        // exactly the rule table's messages: the citizen hears of the intake and the answer, the unit of the 交办
        assertThat(settledMessagesOf(id, 4)).containsExactly(
                "citizen SMS citizen-received LOG_ONLY",
                "citizen SMS citizen-replied LOG_ONLY",
                "unit EMAIL unit-assigned SENT",
                "unit INBOX unit-assigned SENT");
        JsonPath log = messagesOf(id);
        String masked = citizenPhone.substring(0, 3) + "****" + citizenPhone.substring(7);
        for (Map<String, Object> m : log.<Map<String, Object>>getList("items")) {
            if ("SMS".equals(m.get("channel"))) {
                assertThat((String) m.get("body")).as("the SMS names the tracking code").contains(code);
                assertThat(m.get("addressMasked")).isEqualTo(masked);
                // sent once: one attempt, by the log adapter, accepted
                assertThat((List<?>) m.get("history")).hasSize(1);
                assertThat(log.getString("items.find { it.id == '" + m.get("id") + "' }.history[0].provider")).isEqualTo("log");
            }
        }
        assertThat(log.getString("items.toString()")).doesNotContain(citizenPhone);

        // the e-mail reached the SMTP server, addressed to the unit, about this case
        String caseNo = id.substring(0, 8).toUpperCase();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(HOUSING_MAIL).stream()
                .anyMatch(m -> subject(m).contains("交办") && GreenMailUtil.getBody(m).contains(caseNo)));

        // the unit's accounts read the 交办 in their inbox, unread until they open it
        JsonPath inbox = given().header("Authorization", housing).queryParam("size", 50).when().get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath();
        String entry = inbox.getString("items.find { it.title.contains('" + caseNo + "') }.id");
        assertThat(entry).isNotNull();
        given().header("Authorization", housing).when().get("/api/v1/inbox/unread-count").then().statusCode(200)
                .body("unread", equalTo((int) unreadBefore + 1));
        given().header("Authorization", housing).when().post("/api/v1/inbox/" + entry + "/read").then().statusCode(204);
        given().header("Authorization", housing).when().get("/api/v1/inbox/unread-count").then().statusCode(200)
                .body("unread", equalTo((int) unreadBefore));
        // another unit's account does not see it
        String other = TestTokens.handler(COUNTY, CaseLoopStoriesIT.HRSS);
        given().header("Authorization", other).when().post("/api/v1/inbox/" + entry + "/read").then().statusCode(404);
    }

    static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(ServicesUnderTest.mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void a_webhook_receiver_gets_every_case_event_of_its_county_once_signed_and_in_order_across_outages_and_replicas()
            throws Exception {
        String secret = "county-12345-platform-secret";
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            String hook = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("lianluo.case.*"), "regionPrefix", COUNTY,
                            "secret", secret))
                    .when().post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getString("id");
            // a second notification-service: the two share the partitions, the messages and the deliveries
            String replica = ServicesUnderTest.startReplica("notification-service", 18095);
            List<String> cases = new ArrayList<>();
            try {
                String housing = TestTokens.handler(COUNTY, HOUSING);
                for (int i = 0; i < 3; i++) {
                    String id = submit("集市占道经营" + i, "边城镇集市上的摊位占了主干道,车辆无法通行。", "ROADS", phone())
                            .getString("id");
                    cases.add(id);
                    command(id, "assign", Map.of("unitId", HOUSING, "note", "请核实"), DISPATCHER).statusCode(200);
                }
                awaitDelivered(receiver, cases, 2);

                // the receiver's outage: it answers 503 while the cases go on, and notification-service dies meanwhile
                receiver.down(true);
                for (String id : cases) {
                    command(id, "accept", Map.of(), housing).statusCode(200);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.refused() > 0);
                ServicesUnderTest.kill("notification-service");
                command(cases.get(0), "complete", Map.of("result", "摊位已移至市场内"), housing).statusCode(200);
                ServicesUnderTest.restart("notification-service");
                Thread.sleep(Duration.ofSeconds(60).toMillis()); // the outage lasts a minute
                receiver.down(false);
                awaitDelivered(receiver, cases, 3);
            } finally {
                ServicesUnderTest.stop(replica);
            }

            // a redelivery of the cases' events adds neither a delivery nor a message
            Map<String, Integer> messagesBefore = new LinkedHashMap<>();
            for (String id : cases) {
                messagesBefore.put(id, messagesOf(id).getList("items").size());
            }
            int receivedBefore = receiver.received().size();
            List<ConsumerRecord<String, String>> theirs = SuiteKafka.readAll(ServicesUnderTest.topic("case")).stream()
                    .filter(r -> cases.contains(r.key())).toList();
            SuiteKafka.republish(theirs);
            SuiteKafka.awaitConsumed(ServicesUnderTest.group("notification-service"), ServicesUnderTest.topic("case"),
                    Duration.ofSeconds(60));
            Thread.sleep(5_000); // two passes of the delivery worker, had anything been queued
            assertThat(receiver.received()).hasSize(receivedBefore);
            for (String id : cases) {
                List<Map<String, Object>> items = messagesOf(id).getList("items");
                assertThat(items).as(id).hasSize(messagesBefore.get(id));
                // two replicas, a kill -9 and a redelivery: each citizen SMS and unit e-mail was sent once, by one attempt
                assertThat(items).filteredOn(m -> !"INBOX".equals(m.get("channel"))).isNotEmpty()
                        .allSatisfy(m -> assertThat((List<?>) m.get("history")).as(m.get("rule") + " of " + id).hasSize(1));
            }
            given().header("Authorization", ADMIN).when().get("/api/v1/webhooks/" + hook + "/dead-letters")
                    .then().statusCode(200).body("size()", equalTo(0));
            // nobody outside the county: the receiver's events are all of 花垣县
            assertThat(receiver.received()).allMatch(r -> r.event().path("regioncode").asText().startsWith(COUNTY));
            // a citizen's sealed phone never leaves the platform
            assertThat(receiver.received()).allMatch(r -> r.event().path("data").path("citizen").path("sealed").isMissingNode());
        }
    }

    /**
     * Waits until every event of the cases on case.events (at least {@code perCase} each) reached the receiver, then
     * checks that each came once, with a valid signature, in its case's order.
     */
    static void awaitDelivered(WebhookReceiver receiver, List<String> cases, int perCase) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, List<String>> published = publishedIds(cases);
            assertThat(published.values()).allMatch(ids -> ids.size() >= perCase);
            Map<String, List<String>> got = receiver.received().stream().filter(r -> cases.contains(r.subject()))
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::subject, LinkedHashMap::new,
                            Collectors.mapping(WebhookReceiver.Received::id, Collectors.toList())));
            for (String id : cases) {
                assertThat(got.get(id)).as("the events of case " + id + ", once each, in order").isEqualTo(published.get(id));
            }
        });
        assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
    }

    /** The ids of the cases' events in the order of their partition. */
    static Map<String, List<String>> publishedIds(List<String> cases) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : SuiteKafka.readAll(ServicesUnderTest.topic("case"))) {
            if (cases.contains(r.key())) {
                JsonNode event = WebhookReceiver.parse(r.value());
                ids.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(event.path("id").asText());
            }
        }
        return ids;
    }
}
