package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
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
class StoriesTest {

    static final String REGION = "433124108";
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);
    static final String COUNTY = TestTokens.bearer("SUPERVISOR", "433124");

    ValidatableResponse command(String id, String command, Map<String, Object> body, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + id + "/" + command).then();
    }

    int total(String deputy) {
        return given().header("Authorization", COUNTY).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + deputy)
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
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", COUNTY).queryParam("year", 2026)
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
        command(caseId, "complete", Map.of("result", "已协调贵州医保部门完成异地就医备案与报销"), countyHandler).statusCode(200);
        command(caseId, "reply", Map.of("content", "报销款将于5个工作日内到账"), countyHandler).statusCode(200);
        command(caseId, "visit", Map.of("satisfaction", "SATISFIED", "note", "电话回访"), deputyToken).statusCode(200)
                .body("status", equalTo("CLOSED"));

        // the receiving deputy's points rise by the rule's values (Hunan's: a case received 1, closed satisfied 1),
        // each ledger entry naming the event it came from
        await().atMost(Duration.ofSeconds(60)).until(() -> total(deputy) == before + 2);
        List<Map<String, Object>> ledger = given().header("Authorization", COUNTY).queryParam("year", 2026)
                .when().get("/api/v1/points/deputies/" + deputy).then().extract().path("ledger");
        assertThat(ledger).filteredOn(e -> "CASE_RECEIVED".equals(e.get("factType")) || "CASE_CLOSED_SATISFIED".equals(e.get("factType")))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.get("sourceEventId")).isNotNull());

        // the county's overview counts it
        given().header("Authorization", COUNTY).queryParam("year", 2026).when().get("/api/v1/overview/433124").then().statusCode(200)
                .body("children.find { it.regionCode == '433124108' }.cases.closed", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("degraded", org.hamcrest.Matchers.empty());
    }
}
