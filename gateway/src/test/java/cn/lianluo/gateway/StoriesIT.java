package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.PdfText;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The seed report's stories through the gateway, across all four services and Kafka. */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class StoriesIT {

    static final String REGION = "433124108";
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);
    static final String COUNTY = TestTokens.bearer("SUPERVISOR", "433124");

    ValidatableResponse command(String id, String command, Map<String, Object> body, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + id + "/" + command).then();
    }

    int total(String deputy) {
        return given().header("Authorization", COUNTY).queryParam("year", FaultsIT.YEAR).when().get("/api/v1/points/deputies/" + deputy)
                .then().statusCode(200).extract().path("total");
    }

    @Test
    void biancheng_a_cross_province_medical_insurance_claim_from_reception_day_to_a_satisfied_visit_raises_the_deputys_points() {
        String deputy = SeedIds.of("deputy", "biancheng-t1").toString();
        String deputyToken = TestTokens.deputy(REGION, deputy);
        String township = SeedIds.of("unit", "gov-" + REGION).toString();
        String county = SeedIds.of("unit", "medical-433124").toString();
        String townshipHandler = TestTokens.handler(REGION, township);
        String countyHandler = TestTokens.handler("433124", county);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", COUNTY).queryParam("year", FaultsIT.YEAR)
                .when().get("/api/v1/points/deputies/" + deputy).statusCode() == 200);
        int before = total(deputy);

        // received on the 代表接待日 by the deputy as first responsible person (case-service knows the deputy from deputy.events)
        Map<String, Object> body = Map.of("title", "跨省医保报销难", "content", "在贵州就医的医保报销一直办不下来",
                "category", "MEDICAL_INSURANCE", "kind", "HELP", "regionCode", REGION, "channel", "RECEPTION",
                "citizen", Map.of("name", "龙阿妹", "phone", "13812340000"));
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = given().header("Authorization", deputyToken).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/cases").then().extract();
            id[0] = response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        String caseId = id[0];
        command(caseId, "assign", Map.of("unitId", township, "note", "请镇政府核实"), STAFF).statusCode(200);
        command(caseId, "accept", Map.of(), townshipHandler).statusCode(200);
        command(caseId, "escalate", Map.of("unitId", county, "note", "跨省医保需县医保局协调"), townshipHandler).statusCode(200)
                .body("unitName", equalTo("花垣县医疗保障局"));
        command(caseId, "accept", Map.of(), countyHandler).statusCode(200);
        // the county bureau prints the 交办单 of the escalation it now handles: a PDF in Chinese
        byte[] sheet = given().header("Authorization", countyHandler).when().get("/api/v1/cases/" + caseId + "/assignment-sheet.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(PdfText.of(sheet)).contains("群众诉求交办单", "跨省医保报销难", "花垣县医疗保障局", "跨省医保需县医保局协调");
        command(caseId, "complete", Map.of("result", "已协调贵州医保部门完成异地就医备案与报销"), countyHandler).statusCode(200);
        command(caseId, "reply", Map.of("content", "报销款将于5个工作日内到账"), countyHandler).statusCode(200);
        // the 回访 is the station's (the deputy who received the case does not rate it)
        command(caseId, "visit", Map.of("satisfaction", "SATISFIED", "note", "电话回访"), STAFF).statusCode(200)
                .body("status", equalTo("CLOSED"));

        // the receiving deputy's points rise by the rule's values (Hunan's: a case received 1, closed satisfied 1),
        // each ledger entry naming the event it came from
        await().atMost(Duration.ofSeconds(60)).until(() -> total(deputy) == before + 2);
        List<Map<String, Object>> ledger = given().header("Authorization", COUNTY).queryParam("year", FaultsIT.YEAR)
                .when().get("/api/v1/points/deputies/" + deputy).then().extract().path("ledger");
        assertThat(ledger).filteredOn(e -> "CASE_RECEIVED".equals(e.get("factType")) || "CASE_CLOSED_SATISFIED".equals(e.get("factType")))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.get("sourceEventId")).isNotNull());

        // the county's overview counts it
        given().header("Authorization", COUNTY).queryParam("year", FaultsIT.YEAR).when().get("/api/v1/overview/433124").then().statusCode(200)
                .body("children.find { it.regionCode == '433124108' }.cases.closed", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("degraded", org.hamcrest.Matchers.empty());
    }

    @Test
    void cangshuipu_all_80_deputies_sit_in_stations_and_those_under_4_entries_are_flagged() {
        String supervisor = TestTokens.bearer("SUPERVISOR", "4309");
        given().header("Authorization", supervisor).queryParam("region", "430903105").when().get("/api/v1/deputies/coverage")
                .then().statusCode(200).body("activeDeputies", equalTo(80)).body("assigned", equalTo(80));

        // one deputy comes to the 8号接待日 four times
        String deputy = SeedIds.of("deputy", "cangshuipu-t2").toString();
        String station = SeedIds.of("station", "cangshuipu-2").toString();
        String staff = TestTokens.bearer("STATION_STAFF", "430903105");
        for (String date : List.of("2026-03-09", "2026-05-08", "2026-06-08", "2026-09-08")) {
            // station-service knows the seeded deputies once their deputy.events have reached it (422 until then)
            await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", staff).contentType(ContentType.JSON)
                    .body(Map.of("date", date, "deputyIds", List.of(deputy), "visitors", 5))
                    .when().post("/api/v1/stations/" + station + "/receptions").then().extract().statusCode() == 201);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", supervisor).queryParam("year", 2026)
                .when().get("/api/v1/points/deputies/" + deputy).then().extract().<Integer>path("stationEntries") == 4);

        List<Map<String, Object>> alerts = given().header("Authorization", supervisor).queryParam("region", "430903105")
                .queryParam("year", 2026).queryParam("size", 200).when().get("/api/v1/points/alerts").then().statusCode(200)
                .extract().path("items");
        List<Object> flagged = alerts.stream().filter(a -> "STATION_ENTRIES".equals(a.get("kind"))).map(a -> a.get("deputyId")).toList();
        assertThat(flagged).hasSize(79).doesNotContain(deputy).contains(SeedIds.of("deputy", "cangshuipu-t1").toString());
    }

    @Test
    void jinkai_a_mailbox_case_is_reopened_after_an_unsatisfied_visit() {
        String region = "431321002";
        String staff = TestTokens.bearer("STATION_STAFF", region);
        String unit = SeedIds.of("unit", "gov-" + region).toString();
        String handler = TestTokens.handler(region, unit);
        // the station's staff type the 民情信箱 letter in (a citizen's own submission without a token is ONLINE)
        String caseId = given().header("Authorization", staff).contentType(ContentType.JSON).body(Map.of("title", "小区物业乱收费", "content", "民情信箱来信:物业费上涨未公示",
                        "category", "PROPERTY", "kind", "COMPLAINT", "regionCode", region, "channel", "MAILBOX",
                        "citizen", Map.of("name", "曾先生", "phone", "0738-6812345")))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        command(caseId, "assign", Map.of("unitId", unit), staff).statusCode(200);
        command(caseId, "accept", Map.of(), handler).statusCode(200);
        command(caseId, "complete", Map.of("result", "已约谈物业公司"), handler).statusCode(200);
        command(caseId, "reply", Map.of("content", "已约谈物业公司,收费将重新公示"), handler).statusCode(200);
        command(caseId, "visit", Map.of("satisfaction", "UNSATISFIED", "note", "仍未公示"), staff).statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("reopenCount", equalTo(1)).body("channel", equalTo("MAILBOX"))
                .body("deadlines.HANDLE.span", equalTo(13));
    }

    @Test
    void liujiaping_a_livelihood_project_from_the_citizens_proposal_through_the_deputies_vote_to_evaluation() {
        String region = "430822207";
        String office = TestTokens.bearer("SUPERVISOR", "430822");
        List<String> projects = new java.util.ArrayList<>();
        for (String title : List.of("村道硬化", "安全饮水", "路灯安装")) {
            projects.add(given().contentType(ContentType.JSON).body(Map.of("title", title, "description", "群众点题", "regionCode", region,
                            "year", 2026, "citizen", Map.of("name", "向大哥", "phone", "13974400000")))
                    .when().post("/api/v1/livelihood-projects").then().statusCode(201).extract().<String>path("id"));
        }
        var window = Map.of("level", "TOWNSHIP", "places", 2, "opensAt", java.time.Instant.now().minusSeconds(60).toString(),
                "closesAt", java.time.Instant.now().plusSeconds(3600).toString());
        for (String p : projects) {
            given().header("Authorization", office).contentType(ContentType.JSON).body(window)
                    .when().post("/api/v1/livelihood-projects/" + p + "/shortlist").then().statusCode(200);
        }
        // the 12 township deputies of 刘家坪 (10 township deputies, 2 also county deputies); 9 vote for or against, the
        // other 3 abstain: with every vote cast the office counts it before closesAt
        List<String> voters = new java.util.ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            voters.add(SeedIds.of("deputy", (n <= 7 ? "liujiaping-t" + n : "liujiaping-c" + (n - 7))).toString());
        }
        for (String voter : voters) {
            String token = TestTokens.deputy(region, voter);
            for (int i = 0; i < projects.size(); i++) {
                String choice = i == 0 || (i == 1 && voters.indexOf(voter) < 7) ? "FOR" : "AGAINST";
                given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("choice", choice))
                        .when().post("/api/v1/livelihood-projects/" + projects.get(i) + "/votes").then().statusCode(200);
            }
        }
        for (int n = 8; n <= 10; n++) {
            String token = TestTokens.deputy(region, SeedIds.of("deputy", "liujiaping-t" + n).toString());
            for (String p : projects) {
                given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("choice", "ABSTAIN"))
                        .when().post("/api/v1/livelihood-projects/" + p + "/votes").then().statusCode(200);
            }
        }
        given().header("Authorization", office).when().post("/api/v1/livelihood-projects/" + projects.get(0) + "/tally").then()
                .statusCode(200).body("electorate", equalTo(12)).body("quorum", equalTo(8)).body("majority", equalTo(7))
                .body("projects.find { it.title == '村道硬化' }.status", equalTo("SELECTED"))
                .body("projects.find { it.title == '安全饮水' }.status", equalTo("SELECTED"))
                .body("projects.find { it.title == '路灯安装' }.status", equalTo("REJECTED"));

        String roads = projects.get(0);
        given().header("Authorization", office).contentType(ContentType.JSON).body(Map.of("percent", 60, "milestone", "路基完成"))
                .when().post("/api/v1/livelihood-projects/" + roads + "/progress").then().statusCode(200);
        given().header("Authorization", TestTokens.deputy(region, voters.get(0))).contentType(ContentType.JSON)
                .body(Map.of("kind", "QUALITY", "note", "现场查看施工质量")).when().post("/api/v1/livelihood-projects/" + roads + "/supervisions")
                .then().statusCode(200);
        given().header("Authorization", office).contentType(ContentType.JSON).body(Map.of("percent", 100, "milestone", "竣工"))
                .when().post("/api/v1/livelihood-projects/" + roads + "/progress").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("satisfaction", "SATISFIED", "phone", "13974400000"))
                .when().post("/api/v1/livelihood-projects/" + roads + "/evaluations").then().statusCode(200)
                .body("status", equalTo("EVALUATED")).body("satisfactionRate", equalTo(1.0f));

        // every vote and the supervision record are facts for points (桑植县's rules: a vote 1, a supervision 2)
        String first = voters.get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, Integer> byType = given().header("Authorization", office).queryParam("year", FaultsIT.YEAR)
                    .when().get("/api/v1/points/deputies/" + first).then().extract().path("byType");
            return byType != null && Integer.valueOf(3).equals(byType.get("VOTE_CAST")) && Integer.valueOf(2).equals(byType.get("PROJECT_SUPERVISION"));
        });
    }
}
