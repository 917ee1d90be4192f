package cn.lianluo.cases.rest;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** 意见转化为建议 at 界牌乡: a deputy turns citizens' cases into a suggestion that runs the units' loop. */
@QuarkusTest
class SuggestionFlowIT {

    static final String REGION = "431129200";
    static final UUID LEAD_UNIT = SeedIds.of("unit", "gov-431129200");
    static final UUID CO_UNIT = SeedIds.of("unit", "agriculture-431129");
    static final String SUPERVISOR = TestTokens.bearer("SUPERVISOR", "431129");

    @Inject
    EntityManager em;

    static String caseIn(String region) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "村里柑橘卖不出去");
        body.put("content", "今年柑橘丰收但销路不畅");
        body.put("category", "AGRICULTURE");
        body.put("regionCode", region);
        body.put("citizen", Map.of("name", "李四", "phone", "13900001111"));
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
    }

    ValidatableResponse confirm(String id, String token) {
        return given().header("Authorization", token).when().post("/api/v1/suggestions/" + id + "/co-signers/confirm").then();
    }

    @Test
    void co_signers_are_deputies_of_the_lead_deputys_region() {
        UUID lead = Deputies.announce(em, REGION, "TOWNSHIP");
        UUID neighbour = Deputies.announce(em, REGION, "TOWNSHIP");
        UUID stranger = Deputies.announce(em, "433124108", "TOWNSHIP");
        UUID another = Deputies.announce(em, "430903105", "TOWNSHIP");
        given().header("Authorization", TestTokens.deputy(REGION, lead.toString())).contentType(ContentType.JSON)
                .body(Map.of("title", "联名建议", "content", "建议", "coDeputyIds", List.of(neighbour, stranger, another)))
                .when().post("/api/v1/suggestions").then().statusCode(422)
                .body("type", equalTo("https://lianluo.cn/problems/co-deputy-outside-region"))
                .body("errors", hasSize(2))
                .body("errors[0].message", org.hamcrest.Matchers.containsString(stranger.toString()))
                .body("errors[1].message", org.hamcrest.Matchers.containsString(another.toString()));
    }

    ValidatableResponse command(String id, String command, Map<String, Object> body, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/suggestions/" + id + "/" + command).then();
    }

    @Test
    void a_suggestion_from_cases_is_assigned_answered_sent_back_and_closed_with_every_event_valid() {
        UUID deputy = Deputies.announce(em, REGION, "COUNTY");
        UUID coSigner = Deputies.announce(em, REGION, "TOWNSHIP");
        String deputyToken = TestTokens.deputy(REGION, deputy.toString());
        String leadHandler = TestTokens.handler(REGION, LEAD_UNIT.toString());
        String coHandler = TestTokens.handler("431129", CO_UNIT.toString());
        String case1 = caseIn(REGION);
        String case2 = caseIn(REGION);
        String elsewhere = caseIn("433124108");

        given().header("Authorization", deputyToken).contentType(ContentType.JSON)
                .body(Map.of("title", "拓宽柑橘销路", "content", "建议县里搭建产销对接平台", "caseIds", List.of(case1, elsewhere)))
                .when().post("/api/v1/suggestions").then().statusCode(422)
                .body("type", equalTo("https://lianluo.cn/problems/case-outside-region"));

        try (KafkaTap tap = KafkaTap.open("test.case.events")) {
            String id = given().header("Authorization", deputyToken).contentType(ContentType.JSON)
                    .body(Map.of("title", "拓宽柑橘销路", "content", "建议县里搭建产销对接平台", "caseIds", List.of(case1, case2),
                            "coDeputyIds", List.of(coSigner)))
                    .when().post("/api/v1/suggestions").then().statusCode(201)
                    .body("status", equalTo("SUBMITTED")).body("caseIds", hasSize(2)).body("coDeputyIds", hasSize(1))
                    // spelt as POST /suggestions/{id}/{command} takes them
                    .body("allowedCommands", equalTo(List.of("assign", "supervise", "mark-key")))
                    .extract().path("id");
            given().header("Authorization", SUPERVISOR).when().get("/api/v1/cases/" + case1).then()
                    .body("suggestionIds", hasItem(id));

            // 联名 needs the co-signer's own consent: the co-signer confirms once; the lead, a deputy not named and staff cannot
            String coToken = TestTokens.deputy(REGION, coSigner.toString());
            confirm(id, deputyToken).statusCode(409).body("type", equalTo("https://lianluo.cn/problems/not-a-co-signer"));
            confirm(id, TestTokens.deputy(REGION, UUID.randomUUID().toString())).statusCode(409);
            confirm(id, SUPERVISOR).statusCode(403);
            confirm(id, TestTokens.deputy("433124108", coSigner.toString())).statusCode(403); // outside the suggestion's region
            confirm(id, coToken).statusCode(200).body("coSignedDeputyIds", equalTo(List.of(coSigner.toString())))
                    .body("timeline.action", hasItem("CO_SIGNED"));
            confirm(id, coToken).statusCode(409).body("type", equalTo("https://lianluo.cn/problems/already-co-signed"));

            // units of another county do not answer for it; a unit above the region does
            command(id, "assign", Map.of("leadUnitId", SeedIds.of("unit", "gov-430822207")), SUPERVISOR).statusCode(422)
                    .body("type", equalTo("https://lianluo.cn/problems/unit-outside-region"))
                    .body("errors[0].field", equalTo("leadUnitId"));
            command(id, "assign", Map.of("leadUnitId", LEAD_UNIT, "coUnitIds", List.of(CO_UNIT, SeedIds.of("unit", "medical-433124"))),
                    SUPERVISOR).statusCode(422).body("errors.field", equalTo(List.of("coUnitIds")));

            command(id, "assign", Map.of("leadUnitId", LEAD_UNIT), deputyToken).statusCode(403);
            command(id, "assign", Map.of("leadUnitId", LEAD_UNIT, "coUnitIds", List.of(CO_UNIT)), SUPERVISOR).statusCode(200)
                    .body("status", equalTo("ASSIGNED")).body("replyDue", notNullValue()).body("units", hasSize(2));
            command(id, "mark-key", Map.of(), SUPERVISOR).statusCode(200).body("keySuggestion", equalTo(true));
            // a unit's handler whose token does not reach the suggestion's region neither reads it nor answers it
            String strayHandler = TestTokens.handler("430822", CO_UNIT.toString());
            given().header("Authorization", strayHandler).when().get("/api/v1/suggestions/" + id).then().statusCode(403);
            command(id, "co-answer", Map.of("content", "越权答复"), strayHandler).statusCode(403);
            command(id, "co-answer", Map.of("content", "农业农村局将组织电商培训"), coHandler).statusCode(200);
            String due = command(id, "request-extension", Map.of("months", 2, "note", "需调研"), leadHandler).statusCode(200)
                    .extract().path("replyDue");
            String extended = command(id, "approve-extension", Map.of(), SUPERVISOR).statusCode(200).extract().path("replyDue");
            assertThat(java.time.LocalDate.parse(extended)).isEqualTo(java.time.LocalDate.parse(due).plusMonths(2));
            command(id, "request-extension", Map.of("months", 1), leadHandler).statusCode(409);
            command(id, "answer", Map.of("content", "已列入明年计划"), leadHandler).statusCode(400);
            command(id, "answer", Map.of("content", "已列入明年计划", "grade", "B"), leadHandler).statusCode(200)
                    .body("status", equalTo("ANSWERED")).body("gradeName", equalTo("正在解决或列入计划解决"))
                    .body("answeredOnTime", equalTo(true));
            command(id, "rate", Map.of("satisfaction", "UNSATISFIED"), TestTokens.deputy(REGION, coSigner.toString())).statusCode(403);
            command(id, "rate", Map.of("satisfaction", "UNSATISFIED"), deputyToken).statusCode(200)
                    .body("status", equalTo("ASSIGNED")).body("reopenCount", equalTo(1));
            command(id, "answer", Map.of("content", "产销对接平台已上线", "grade", "A"), leadHandler).statusCode(200);
            command(id, "rate", Map.of("satisfaction", "SATISFIED"), deputyToken).statusCode(200)
                    .body("status", equalTo("CLOSED")).body("rating", equalTo("SATISFIED"));
            command(id, "rate", Map.of("satisfaction", "SATISFIED"), deputyToken).statusCode(409);

            for (String type : List.of("submitted", "co-signed", "assigned", "marked-key", "co-answered", "extension-requested",
                    "extension-approved", "answered", "reopened", "rated")) {
                var record = tap.await(r -> id.equals(r.key()) && r.value().contains("lianluo.case.suggestion-" + type + ".v1"),
                        Duration.ofSeconds(20));
                EventSchemas.assertValid(record);
            }
            tap.drain(Duration.ofMillis(500)).forEach(EventSchemas::assertValid);
        }
        given().header("Authorization", SUPERVISOR).queryParam("region", "431129").when().get("/api/v1/suggestions/statistics")
                .then().statusCode(200)
                .body("total.byGrade.A", equalTo(1))
                .body("children.find { it.regionCode == '431129200' }.total", equalTo(1))
                .body("total.satisfactionRate", equalTo(1.0f)); // the deputy's last rating counts
    }
}
