package cn.lianluo.cases.rest;

import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** 内容审核: public proposals and evaluations' comments are shown once approved; staff in scope approve, hide, restore. */
@QuarkusTest
class ModerationIT {

    static final String REGION = "433124108"; // 边城镇
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);
    static final String COUNTY = TestTokens.bearer("SUPERVISOR", "433124");
    static final String OTHER_STAFF = TestTokens.bearer("STATION_STAFF", "430822207"); // 刘家坪白族乡, 桑植县
    static final String PROJECTS = "/api/v1/livelihood-projects";

    @Inject
    EntityManager em;

    static String proposeAsCitizen(String title, String description) {
        return given().contentType(ContentType.JSON).body(Map.of("title", title, "description", description, "regionCode", REGION,
                        "year", 2026, "citizen", Map.of("name", "龙大姐", "phone", "13712345678")))
                .when().post(PROJECTS).then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse decide(String kind, String id, String command, Map<String, Object> body, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/moderation/" + kind + "/" + id + "/" + command).then();
    }

    static List<String> publicList() {
        return given().queryParam("region", REGION).queryParam("size", 200).when().get(PROJECTS).then().statusCode(200)
                .extract().path("items.id");
    }

    @Test
    void a_clean_public_proposal_is_approved_at_once_and_listed() {
        String id = proposeAsCitizen("村口修建公厕", "赶集日人多, 村口需要一座公厕");
        given().when().get(PROJECTS + "/" + id).then().statusCode(200).body("moderation", equalTo("APPROVED"))
                .body("$", not(org.hamcrest.Matchers.hasKey("proposerName"))).body("$", not(org.hamcrest.Matchers.hasKey("citizen")));
        assertThat(publicList()).contains(id);
        String page = given().when().get(PROJECTS + "/" + id).then().extract().asString();
        assertThat(page).doesNotContain("13712345678").doesNotContain("龙大姐");
        given().header("Authorization", STAFF).when().get("/api/v1/moderation/PROJECT/" + id).then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("history.decision", contains("AUTO_APPROVE"))
                .body("history[0].actor", equalTo("system"));
    }

    @Test
    void a_proposal_with_a_link_or_a_phone_number_waits_unseen_until_approved_and_hidden_content_comes_back_only_by_restore() {
        try (KafkaTap tap = KafkaTap.open("test.case.events")) {
            String link = proposeAsCitizen("免费领取补贴", "详情请看 www.butie-ling.cn 马上办理");
            String phone = proposeAsCitizen("代办贷款", "低息贷款, 加微信 138 1234 5678 咨询");

            for (String id : List.of(link, phone)) {
                assertThat(publicList()).doesNotContain(id);
                given().when().get(PROJECTS + "/" + id).then().statusCode(404).contentType("application/problem+json");
                given().when().get(PROJECTS + "/" + id + "/evaluations").then().statusCode(404);
                // staff of the township, and of the county above it, see it with its state
                given().header("Authorization", STAFF).when().get(PROJECTS + "/" + id).then().statusCode(200)
                        .body("moderation", equalTo("PENDING"));
                given().header("Authorization", COUNTY).queryParam("region", REGION).queryParam("size", 200).when().get(PROJECTS)
                        .then().statusCode(200).body("items.id", hasItem(id));
            }
            given().header("Authorization", STAFF).queryParam("size", 200).when().get("/api/v1/moderation").then().statusCode(200)
                    .body("items.id", hasItem(link)).body("items.id", hasItem(phone))
                    .body("items.find { it.id == '" + link + "' }.kind", equalTo("PROJECT"))
                    .body("items.find { it.id == '" + link + "' }.flags", contains("LINK"))
                    .body("items.find { it.id == '" + phone + "' }.flags", contains("NUMBER"))
                    .body("items.find { it.id == '" + phone + "' }.text", equalTo("低息贷款, 加微信 138 1234 5678 咨询"))
                    .body("items.find { it.id == '" + phone + "' }.regionCode", equalTo(REGION))
                    .body("items.find { it.id == '" + phone + "' }.allowedCommands", contains("approve", "hide"));
            // staff of another county can neither read the township's queue nor decide on its items
            given().header("Authorization", OTHER_STAFF).queryParam("region", REGION).when().get("/api/v1/moderation").then().statusCode(403);
            given().header("Authorization", OTHER_STAFF).when().get("/api/v1/moderation").then().statusCode(200)
                    .body("items.id", not(hasItem(link)));
            decide("PROJECT", link, "approve", Map.of(), OTHER_STAFF).statusCode(403).contentType("application/problem+json");
            given().header("Authorization", OTHER_STAFF).when().get(PROJECTS + "/" + link).then().statusCode(404);
            // deputies and handling units are not moderators
            given().header("Authorization", TestTokens.deputy(REGION, UUID.randomUUID().toString())).when().get("/api/v1/moderation")
                    .then().statusCode(403);

            // approved: listed; a second approval does not fit the state
            decide("PROJECT", link, "approve", Map.of("reason", "核实为真实的补贴政策宣传"), STAFF).statusCode(200)
                    .body("state", equalTo("APPROVED")).body("allowedCommands", contains("hide"));
            assertThat(publicList()).contains(link);
            given().when().get(PROJECTS + "/" + link).then().statusCode(200).body("moderation", equalTo("APPROVED"));
            decide("PROJECT", link, "approve", Map.of(), STAFF).statusCode(409)
                    .body("type", equalTo("https://lianluo.cn/problems/moderation-not-allowed"));
            decide("PROJECT", link, "restore", Map.of("reason", "x"), STAFF).statusCode(409);

            // hide needs a reason; hidden is gone from the public views; restore brings it back
            decide("PROJECT", link, "hide", Map.of(), STAFF).statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("reason"));
            decide("PROJECT", link, "hide", Map.of("reason", "  "), STAFF).statusCode(422).body("errors[0].field", equalTo("reason"));
            decide("PROJECT", link, "hide", Map.of("reason", "经核实为虚假广告"), COUNTY).statusCode(200).body("state", equalTo("HIDDEN"));
            assertThat(publicList()).doesNotContain(link);
            given().when().get(PROJECTS + "/" + link).then().statusCode(404);
            decide("PROJECT", link, "restore", Map.of(), STAFF).statusCode(422).body("errors[0].field", equalTo("reason"));
            decide("PROJECT", link, "restore", Map.of("reason", "复核后确认并非广告"), STAFF).statusCode(200).body("state", equalTo("APPROVED"));
            assertThat(publicList()).contains(link);

            // the pending one hidden straight away never reaches the public
            decide("PROJECT", phone, "hide", Map.of("reason", "含个人联系方式的广告"), STAFF).statusCode(200);
            assertThat(publicList()).doesNotContain(phone);
            given().header("Authorization", STAFF).queryParam("state", "HIDDEN").queryParam("size", 200).when().get("/api/v1/moderation")
                    .then().statusCode(200).body("items.id", hasItem(phone)).body("items.id", not(hasItem(link)));

            // unknown items and commands
            decide("PROJECT", UUID.randomUUID().toString(), "approve", Map.of(), STAFF).statusCode(404);
            decide("SOMETHING", link, "approve", Map.of(), STAFF).statusCode(400).body("errors.field", contains("kind"));
            decide("PROJECT", link, "delete", Map.of(), STAFF).statusCode(400).body("errors.field", contains("command"));
            decide("SOMETHING", link, "delete", Map.of(), STAFF).statusCode(400).body("errors.field", contains("kind", "command"));
            given().header("Authorization", STAFF).when().get("/api/v1/moderation/SOMETHING/" + link).then().statusCode(400)
                    .body("errors.field", contains("kind"));
            given().header("Authorization", STAFF).when().get("/api/v1/moderation/EVALUATION/" + link).then().statusCode(404);
            given().header("Authorization", STAFF).queryParam("state", "GONE").when().get("/api/v1/moderation").then().statusCode(400);

            // every decision is kept, with who, when, why and the states
            given().header("Authorization", STAFF).when().get("/api/v1/moderation/PROJECT/" + link).then().statusCode(200)
                    .body("history.decision", contains("HOLD", "APPROVE", "HIDE", "RESTORE"))
                    .body("history.from", contains(nullValue(), equalTo("PENDING"), equalTo("APPROVED"), equalTo("HIDDEN")))
                    .body("history.to", contains("PENDING", "APPROVED", "HIDDEN", "APPROVED"))
                    .body("history.actor", contains("system", "test-station_staff-" + REGION, "test-supervisor-433124",
                            "test-station_staff-" + REGION))
                    .body("history.actorRole", contains("SYSTEM", "STATION_STAFF", "SUPERVISOR", "STATION_STAFF"))
                    .body("history[2].reason", equalTo("经核实为虚假广告"))
                    .body("history[0].at", not(nullValue()));

            // and is an event on case.events, keyed by the item, carrying no text
            for (String decision : List.of("HOLD", "APPROVE", "HIDE", "RESTORE")) {
                ConsumerRecord<String, String> record = tap.await(r -> link.equals(r.key())
                        && r.value().contains("lianluo.case.moderation-decided.v1") && r.value().contains("\"decision\":\"" + decision + "\""),
                        Duration.ofSeconds(20));
                EventSchemas.assertValid(record);
                assertThat(record.value()).doesNotContain("butie-ling").doesNotContain("13712345678").doesNotContain("龙大姐");
            }
            EventSchemas.assertValid(tap.await(r -> phone.equals(r.key()) && r.value().contains("\"decision\":\"HIDE\""),
                    Duration.ofSeconds(20)));
            tap.drain(Duration.ofMillis(500)).forEach(EventSchemas::assertValid);
        }
    }

    @Test
    void a_proposal_with_a_token_is_approved_at_once_whatever_it_says() {
        String id = given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("title", "集镇污水管网", "description", "群众来电 12345 反映的污水问题", "regionCode", REGION, "year", 2026))
                .when().post(PROJECTS).then().statusCode(201).body("moderation", equalTo("APPROVED")).extract().path("id");
        assertThat(publicList()).contains(id);
    }

    @Test
    void a_pending_proposal_is_not_shortlisted() {
        String id = proposeAsCitizen("网上商城", "请访问 mall.com");
        given().header("Authorization", COUNTY).contentType(ContentType.JSON)
                .body(Map.of("level", "TOWNSHIP", "places", 1, "opensAt", "2031-01-01T00:00:00Z", "closesAt", "2031-01-02T00:00:00Z"))
                .when().post(PROJECTS + "/" + id + "/shortlist").then().statusCode(409)
                .body("type", equalTo("https://lianluo.cn/problems/not-approved"));
        // nor evaluated by the public, who cannot see it
        given().contentType(ContentType.JSON).body(Map.of("satisfaction", "SATISFIED", "phone", "13712340009"))
                .when().post(PROJECTS + "/" + id + "/evaluations").then().statusCode(404);
    }

    @Test
    void an_evaluations_comment_waits_unseen_until_approved_while_its_rating_counts_at_once() {
        String project = proposeAsCitizen("村道路灯", "村道装路灯");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE livelihood_project SET status = 'COMPLETED', progress = 100, completed_at = now() WHERE id = ?1")
                .setParameter(1, UUID.fromString(project)).executeUpdate());
        String evaluation = PROJECTS + "/" + project + "/evaluations";
        given().contentType(ContentType.JSON).body(Map.of("satisfaction", "SATISFIED", "comment", "路灯很亮, 晚上出行方便了", "phone", "13712340001"))
                .when().post(evaluation).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("satisfaction", "UNSATISFIED", "comment", "有问题打我电话 13712340002", "phone", "13712340002"))
                .when().post(evaluation).then().statusCode(200).body("evaluations", equalTo(2)).body("satisfactionRate", equalTo(0.5f));
        given().contentType(ContentType.JSON).body(Map.of("satisfaction", "BASICALLY_SATISFIED", "phone", "13712340003"))
                .when().post(evaluation).then().statusCode(200);

        given().when().get(evaluation).then().statusCode(200).body("total", equalTo(3))
                .body("items.comment", contains(nullValue(), nullValue(), equalTo("路灯很亮, 晚上出行方便了")))
                .body("items.moderation", contains("APPROVED", "PENDING", "APPROVED"))
                .body("items.by", contains("CITIZEN", "CITIZEN", "CITIZEN"));
        given().header("Authorization", STAFF).when().get(evaluation).then().statusCode(200)
                .body("items[1].comment", equalTo("有问题打我电话 13712340002"));

        List<String> pending = given().header("Authorization", STAFF).queryParam("kind", "EVALUATION").queryParam("size", 200)
                .when().get("/api/v1/moderation").then().statusCode(200).extract().path("items.findAll { it.projectId == '" + project + "' }.id");
        assertThat(pending).hasSize(1);
        decide("EVALUATION", pending.get(0), "approve", Map.of(), STAFF).statusCode(200).body("state", equalTo("APPROVED"))
                .body("kind", equalTo("EVALUATION")).body("satisfaction", equalTo("UNSATISFIED"))
                .body("history.decision", contains("HOLD", "APPROVE"));
        given().when().get(evaluation).then().statusCode(200)
                .body("items[1].comment", equalTo("有问题打我电话 13712340002"));
        decide("EVALUATION", pending.get(0), "hide", Map.of("reason", "含个人电话"), STAFF).statusCode(200);
        given().when().get(evaluation).then().statusCode(200).body("items[1].comment", nullValue())
                .body("items[1].moderation", equalTo("HIDDEN"));
        decide("EVALUATION", pending.get(0), "approve", Map.of(), OTHER_STAFF).statusCode(403);
    }
}
