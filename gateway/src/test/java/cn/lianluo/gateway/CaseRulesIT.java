package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The rules of case-service that keep the points honest and the scope tight (issue 17): who may be named as receiving
 * deputy and co-signer, that 联名 needs the co-signer's consent, that a deputy never rates their own case, that a vote
 * is counted only once it is over, that only the province changes the calendar, and that a suggestion's units lie at
 * its region or above it. 边城镇 (433124108, 花垣县) inside; 桑植县 and 沧水铺镇 (赫山区) elsewhere.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class CaseRulesIT {

    static final String TOWNSHIP = "433124108";
    static final String STAFF = TestTokens.bearer("STATION_STAFF", TOWNSHIP);
    static final String COUNTY_OFFICE = TestTokens.bearer("SUPERVISOR", "433124");
    static final String PROVINCE = TestTokens.bearer("SUPERVISOR", "43");

    static String deputy(String seedKey) {
        return SeedIds.of("deputy", seedKey).toString();
    }

    static String unit(String seedKey) {
        return SeedIds.of("unit", seedKey).toString();
    }

    static Map<String, Object> caseBody(String title) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "content", "村口路灯坏了一个月", "category", "PROPERTY",
                "kind", "HELP", "regionCode", TOWNSHIP, "channel", "RECEPTION",
                "citizen", Map.of("name", "彭先生", "phone", "13812347777")));
        return body;
    }

    static ValidatableResponse post(String path, Object body, String token) {
        var request = given().header("X-Forwarded-For", "198.51.100." + (1 + (int) (Math.random() * 250)))
                .contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.when().post(path).then();
    }

    static Map<String, Integer> byType(String deputy) {
        return given().header("Authorization", PROVINCE).queryParam("year", FaultsIT.YEAR).when().get("/api/v1/points/deputies/" + deputy)
                .then().statusCode(200).extract().path("byType");
    }

    static int points(String deputy, String factType) {
        Map<String, Integer> byType = byType(deputy);
        return byType == null ? 0 : byType.getOrDefault(factType, 0);
    }

    @BeforeEach
    void theSeededDeputiesAreKnown() {
        // case-service and scoring-service know the seeded deputies from deputy.events
        SuiteKafka.awaitConsumed(ServicesUnderTest.group("case-service"), ServicesUnderTest.topic("deputy"), Duration.ofSeconds(90));
        SuiteKafka.awaitConsumed(ServicesUnderTest.group("scoring-service"), ServicesUnderTest.topic("deputy"), Duration.ofSeconds(90));
    }

    @Test
    void staff_cannot_name_a_deputy_of_another_county_as_the_receiving_deputy() {
        Map<String, Object> body = caseBody("代他人登记");
        body.put("receivingDeputyId", deputy("liujiaping-t3"));
        post("/api/v1/cases", body, STAFF).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/deputy-outside-region"))
                .body("errors[0].field", equalTo("receivingDeputyId"));
        body.put("receivingDeputyId", deputy("biancheng-t11"));
        post("/api/v1/cases", body, STAFF).statusCode(201);
    }

    @Test
    void co_signers_from_another_region_are_422_naming_each() {
        String lead = TestTokens.deputy(TOWNSHIP, deputy("biancheng-t12"));
        String sangzhi = deputy("liujiaping-t4");
        String heshan = deputy("cangshuipu-t67");
        post("/api/v1/suggestions", Map.of("title", "联名建议", "content", "建议修缮村道",
                "coDeputyIds", List.of(deputy("biancheng-t13"), sangzhi, heshan)), lead).statusCode(422)
                .body("type", equalTo("https://lianluo.cn/problems/co-deputy-outside-region"))
                .body("errors.field", equalTo(List.of("coDeputyIds", "coDeputyIds")))
                .body("errors[0].message", containsString(sangzhi))
                .body("errors[1].message", containsString(heshan));
    }

    @Test
    void a_co_signer_is_credited_only_after_confirming_and_no_one_else_can_confirm_for_them() {
        String lead = deputy("biancheng-t14");
        String coSigner = deputy("biancheng-t15");
        String leadToken = TestTokens.deputy(TOWNSHIP, lead);
        String coToken = TestTokens.deputy(TOWNSHIP, coSigner);
        int joinedBefore = points(coSigner, "SUGGESTION_JOINED");
        int madeBefore = points(lead, "SUGGESTION_MADE");
        String id = post("/api/v1/suggestions", Map.of("title", "修缮村级文化广场", "content", "建议县里安排资金",
                "coDeputyIds", List.of(coSigner)), leadToken).statusCode(201).extract().path("id");

        // the submission is scored (the lead's points rose); the named co-signer is not, yet
        await().atMost(Duration.ofSeconds(60)).until(() -> points(lead, "SUGGESTION_MADE") > madeBefore);
        assertThat(points(coSigner, "SUGGESTION_JOINED")).isEqualTo(joinedBefore);

        String confirm = "/api/v1/suggestions/" + id + "/co-signers/confirm";
        post(confirm, Map.of(), leadToken).statusCode(409).body("type", equalTo("https://lianluo.cn/problems/not-a-co-signer"));
        post(confirm, Map.of(), TestTokens.deputy(TOWNSHIP, deputy("biancheng-t16"))).statusCode(409);
        post(confirm, Map.of(), STAFF).statusCode(403);
        post(confirm, Map.of(), COUNTY_OFFICE).statusCode(403);
        post(confirm, Map.of(), null).statusCode(401);
        post(confirm, Map.of(), coToken).statusCode(200).body("coSignedDeputyIds", equalTo(List.of(coSigner)))
                .body("timeline.action", hasItem("CO_SIGNED"));
        post(confirm, Map.of(), coToken).statusCode(409).body("type", equalTo("https://lianluo.cn/problems/already-co-signed"));

        // Hunan's rules: joining a suggestion 1 point, counted once
        await().atMost(Duration.ofSeconds(60)).until(() -> points(coSigner, "SUGGESTION_JOINED") == joinedBefore + 1);
    }

    @Test
    void a_deputys_own_visit_is_refused_and_only_the_citizens_or_staffs_satisfaction_scores() {
        String deputy = deputy("biancheng-t17");
        String token = TestTokens.deputy(TOWNSHIP, deputy);
        int before = points(deputy, "CASE_CLOSED_SATISFIED");
        int answeredBefore = points(deputy, "CASE_ANSWERED_ON_THE_SPOT");
        var created = post("/api/v1/cases", caseBody("自己受理自己回访"), token).statusCode(201).extract();
        String id = created.path("id");
        post("/api/v1/cases/" + id + "/answer", Map.of("content", "已联系电力所"), token).statusCode(200).body("status", equalTo("REPLIED"));
        post("/api/v1/cases/" + id + "/visit", Map.of("satisfaction", "SATISFIED", "note", "本人回访"), token).statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("回访"));
        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200).body("status", equalTo("REPLIED"));
        // its answer on the spot is scored; no satisfaction came from the deputy
        await().atMost(Duration.ofSeconds(60)).until(() -> points(deputy, "CASE_ANSWERED_ON_THE_SPOT") > answeredBefore);
        assertThat(points(deputy, "CASE_CLOSED_SATISFIED")).isEqualTo(before);

        // a "citizen's" rating of a case the deputy typed in themself closes it but does not score them: the phone on
        // record came from the deputy, so the rating may be theirs
        post("/api/v1/cases/track/" + created.path("trackingCode") + "/rating",
                Map.of("phone", "13812347777", "satisfaction", "SATISFIED"), null).statusCode(200).body("status", equalTo("CLOSED"));

        // the citizen's own rating of a case staff took in for the deputy scores them
        Map<String, Object> byStaff = caseBody("工作人员受理 代表接待");
        byStaff.put("receivingDeputyId", deputy);
        var taken = post("/api/v1/cases", byStaff, STAFF).statusCode(201).extract();
        post("/api/v1/cases/" + taken.path("id") + "/answer", Map.of("content", "当场答复"), token).statusCode(200);
        post("/api/v1/cases/track/" + taken.path("trackingCode") + "/rating",
                Map.of("phone", "13812347777", "satisfaction", "SATISFIED"), null).statusCode(200).body("status", equalTo("CLOSED"));
        await().atMost(Duration.ofSeconds(60)).until(() -> points(deputy, "CASE_CLOSED_SATISFIED") == before + 1);

        // as does staff's 回访 of a case the deputy typed in
        String second = post("/api/v1/cases", caseBody("工作人员回访"), token).statusCode(201).extract().path("id");
        post("/api/v1/cases/" + second + "/answer", Map.of("content", "已协调"), token).statusCode(200);
        post("/api/v1/cases/" + second + "/visit", Map.of("satisfaction", "BASICALLY_SATISFIED", "note", "电话回访"), STAFF)
                .statusCode(200).body("status", equalTo("CLOSED"));
        await().atMost(Duration.ofSeconds(60)).until(() -> points(deputy, "CASE_CLOSED_SATISFIED") == before + 2);
        // the self-taken case's rating, sent before both, never adds a third
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> points(deputy, "CASE_CLOSED_SATISFIED") == before + 2);
    }

    @Test
    void a_vote_is_not_tallied_before_it_closes_unless_every_deputy_has_voted() {
        // 刘家坪's two county deputies are the electorate of a county-level vote there
        String region = "430822207";
        String office = TestTokens.bearer("SUPERVISOR", "430822");
        List<String> projects = new java.util.ArrayList<>();
        for (String title : List.of("县道拓宽", "乡镇卫生院扩建")) {
            projects.add(post("/api/v1/livelihood-projects", Map.of("title", title, "description", "群众点题", "regionCode", region,
                    "year", 2026, "citizen", Map.of("name", "钟大哥", "phone", "13974401111")), null).statusCode(201)
                    .extract().<String>path("id"));
        }
        var window = Map.of("level", "COUNTY", "places", 1, "opensAt", Instant.now().minusSeconds(60).toString(),
                "closesAt", Instant.now().plusSeconds(3600).toString());
        for (String p : projects) {
            post("/api/v1/livelihood-projects/" + p + "/shortlist", window, office).statusCode(200);
        }
        String first = TestTokens.deputy(region, deputy("liujiaping-c1"));
        String second = TestTokens.deputy(region, deputy("liujiaping-c2"));
        for (String p : projects) {
            post("/api/v1/livelihood-projects/" + p + "/votes", Map.of("choice", "FOR"), first).statusCode(200);
        }
        String tally = "/api/v1/livelihood-projects/" + projects.get(0) + "/tally";
        post(tally, Map.of(), office).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/vote-still-open"));
        post("/api/v1/livelihood-projects/" + projects.get(0) + "/votes", Map.of("choice", "FOR"), second).statusCode(200);
        post("/api/v1/livelihood-projects/" + projects.get(1) + "/votes", Map.of("choice", "AGAINST"), second).statusCode(200);
        post(tally, Map.of(), office).statusCode(200).body("electorate", equalTo(2)).body("voters", equalTo(2))
                .body("projects.find { it.title == '县道拓宽' }.status", equalTo("SELECTED"))
                .body("projects.find { it.title == '乡镇卫生院扩建' }.status", equalTo("REJECTED"));
    }

    @Test
    void only_a_province_admin_changes_the_working_day_calendar() {
        String day = "/api/v1/calendar/days/2031-07-01";
        Map<String, Object> holiday = Map.of("working", false, "name", "测试假日");
        for (String scope : List.of(TOWNSHIP, "433124", "4331")) {
            given().header("Authorization", TestTokens.bearer("ADMIN", scope)).contentType(ContentType.JSON).body(holiday)
                    .when().put(day).then().statusCode(403).contentType("application/problem+json");
            given().header("Authorization", TestTokens.bearer("ADMIN", scope)).when().delete(day).then().statusCode(403);
        }
        given().when().get("/api/v1/calendar/2031").then().statusCode(200).body("date", org.hamcrest.Matchers.not(hasItem("2031-07-01")));

        String province = TestTokens.bearer("ADMIN", "43");
        given().header("Authorization", province).contentType(ContentType.JSON).body(holiday).when().put(day).then().statusCode(200);
        given().when().get("/api/v1/calendar/2031").then().statusCode(200).body("date", hasItem("2031-07-01"));
        given().header("Authorization", province).when().delete(day).then().statusCode(204);
    }

    @Test
    void a_suggestion_is_assigned_only_to_units_at_its_region_or_above_and_no_one_acts_on_what_they_cannot_read() {
        String id = post("/api/v1/suggestions", Map.of("title", "河道保洁经费", "content", "建议县里统筹"),
                TestTokens.deputy(TOWNSHIP, deputy("biancheng-t18"))).statusCode(201).extract().path("id");
        String assign = "/api/v1/suggestions/" + id + "/assign";
        post(assign, Map.of("leadUnitId", unit("gov-430822207")), COUNTY_OFFICE).statusCode(422)
                .body("type", equalTo("https://lianluo.cn/problems/unit-outside-region"))
                .body("errors[0].field", equalTo("leadUnitId"));
        post(assign, Map.of("leadUnitId", unit("gov-" + TOWNSHIP), "coUnitIds", List.of(unit("medical-433124"), unit("medical-430822"))),
                COUNTY_OFFICE).statusCode(422).body("errors.field", equalTo(List.of("coUnitIds")))
                .body("errors[0].message", containsString(unit("medical-430822")));
        // nothing of the refused assignments was written
        given().header("Authorization", COUNTY_OFFICE).when().get("/api/v1/suggestions/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("units", org.hamcrest.Matchers.empty());

        post(assign, Map.of("leadUnitId", unit("gov-" + TOWNSHIP), "coUnitIds", List.of(unit("medical-433124"))), COUNTY_OFFICE)
                .statusCode(200).body("status", equalTo("ASSIGNED"));
        // a handler whose token does not reach the suggestion's region can neither read it nor answer it
        String stray = TestTokens.handler("430822", unit("gov-" + TOWNSHIP));
        given().header("Authorization", stray).when().get("/api/v1/suggestions/" + id).then().statusCode(403);
        post("/api/v1/suggestions/" + id + "/answer", Map.of("content", "越权答复", "grade", "A"), stray).statusCode(403);
        post("/api/v1/suggestions/" + id + "/answer", Map.of("content", "已列入明年计划", "grade", "B"),
                TestTokens.handler(TOWNSHIP, unit("gov-" + TOWNSHIP))).statusCode(200).body("status", equalTo("ANSWERED"));
    }
}
