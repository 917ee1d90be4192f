package cn.lianluo.cases.rest;

import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.lianluo.cases.rest.CaseLoopApiIT.COUNTY_HANDLER;
import static cn.lianluo.cases.rest.CaseLoopApiIT.COUNTY_MEDICAL;
import static cn.lianluo.cases.rest.CaseLoopApiIT.STAFF;
import static cn.lianluo.cases.rest.CaseLoopApiIT.TOWNSHIP_GOV;
import static cn.lianluo.cases.rest.CaseLoopApiIT.TOWNSHIP_HANDLER;
import static cn.lianluo.cases.rest.CaseLoopApiIT.citizenCase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The public figures (政务公开) are the staff dashboard's: for a township, its county and the province, the public
 * endpoint's counts equal what GET /cases/statistics gives staff for the same year (what the gateway's overview shows),
 * and the rates are made of those counts.
 */
@QuarkusTest
class PublicFiguresIT {

    static final String ADMIN = TestTokens.bearer("ADMIN", "43");

    @Inject
    CaseClock clock;

    /** One case closed and rated satisfied (assigned, handled, replied, rated by the citizen), so no figure is zero. */
    static String closedCase(String title) {
        String id = given().contentType(ContentType.JSON).body(citizenCase(title)).when().post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        String code = given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .extract().path("trackingCode");
        command(id, "assign", Map.of("unitId", TOWNSHIP_GOV, "reason", "属地先行核实"), STAFF);
        command(id, "accept", Map.of(), TOWNSHIP_HANDLER);
        command(id, "escalate", Map.of("unitId", COUNTY_MEDICAL, "note", "县医保局协调"), TOWNSHIP_HANDLER);
        command(id, "accept", Map.of(), COUNTY_HANDLER);
        command(id, "complete", Map.of("result", "已办理"), COUNTY_HANDLER);
        command(id, "reply", Map.of("content", "已办理"), COUNTY_HANDLER);
        given().contentType(ContentType.JSON).body(Map.of("phone", "13812341234", "satisfaction", "SATISFIED"))
                .when().post("/api/v1/cases/track/" + code + "/rating").then().statusCode(200).body("status", equalTo("CLOSED"));
        return id;
    }

    static void command(String id, String command, Map<String, Object> body, String token) {
        given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + id + "/" + command).then().statusCode(200);
    }

    @Test
    void the_public_figures_of_a_township_its_county_and_the_province_are_the_staff_dashboards() {
        closedCase("公开统计:已办结的诉求");
        Map<String, Object> open = citizenCase("公开统计:在办的诉求");
        open.put("category", "ROADS");
        given().contentType(ContentType.JSON).body(open).when().post("/api/v1/cases").then().statusCode(201);
        int year = clock.today().getYear();

        for (String region : List.of("433124108", "433124", "43")) {
            JsonPath figures = given().queryParam("region", region).queryParam("year", year)
                    .when().get("/api/v1/cases/public-statistics").then().statusCode(200)
                    .body("regionCode", equalTo(region)).body("year", equalTo(year))
                    .extract().jsonPath();
            JsonPath staff = given().header("Authorization", ADMIN).queryParam("region", region)
                    .queryParam("from", year + "-01-01").queryParam("to", (year + 1) + "-01-01")
                    .when().get("/api/v1/cases/statistics").then().statusCode(200).extract().jsonPath();

            assertThat(figures.getLong("total.received")).as(region).isPositive();
            for (String count : List.of("received", "closed", "closedOnTime", "rated", "satisfied")) {
                assertThat(figures.getLong("total." + count)).as(region + " " + count).isEqualTo(staff.getLong("total." + count));
            }
            assertThat(figures.getDouble("total.satisfactionRate")).as(region).isEqualTo(staff.getDouble("total.satisfactionRate"));
            assertThat(figures.getDouble("total.closedRate")).isEqualTo(
                    Math.round(staff.getLong("total.closed") * 10000.0 / staff.getLong("total.received")) / 10000.0);

            // by category: the dashboard's received by category, each with its own rates
            Map<String, Long> byCategory = new HashMap<>();
            figures.getList("byCategory", Map.class).forEach(c -> byCategory.put((String) c.get("category"),
                    ((Number) ((Map<?, ?>) c.get("figures")).get("received")).longValue()));
            Map<String, Long> staffByCategory = new HashMap<>();
            staff.getMap("total.byCategory", String.class, Number.class).forEach((k, v) -> staffByCategory.put(k, v.longValue()));
            assertThat(byCategory).as(region).isEqualTo(staffByCategory);
            assertThat(figures.getList("byCategory.name", String.class)).as(region).contains("医疗保障(含跨省医保)");

            // by month: twelve, adding up to the year
            assertThat(figures.getList("byMonth.month", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            for (String count : List.of("received", "closed", "closedOnTime", "rated", "satisfied")) {
                assertThat(figures.getList("byMonth.figures." + count, Long.class).stream().mapToLong(Long::longValue).sum())
                        .as(region + " months' " + count).isEqualTo(staff.getLong("total." + count));
            }
            int month = clock.today().getMonthValue();
            assertThat(figures.getLong("byMonth[" + (month - 1) + "].figures.received")).isPositive();

            // per child region, as the dashboard drills down
            Map<String, Long> children = new HashMap<>();
            figures.getList("children", Map.class).forEach(c -> children.put((String) c.get("regionCode"),
                    ((Number) ((Map<?, ?>) c.get("figures")).get("received")).longValue()));
            Map<String, Long> staffChildren = new HashMap<>();
            staff.getList("children", Map.class).forEach(c -> staffChildren.put((String) c.get("regionCode"),
                    ((Number) c.get("received")).longValue()));
            assertThat(children).as(region).isEqualTo(staffChildren);
        }
    }

    @Test
    void the_public_figures_carry_no_case() {
        String body = given().queryParam("region", "433124108").when().get("/api/v1/cases/public-statistics")
                .then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain("13812341234", "张三丰", "trackingCode", "title", "content");
    }

    @Test
    void a_bad_region_or_year_is_a_problem() {
        given().queryParam("region", "43x").when().get("/api/v1/cases/public-statistics").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("region"));
        given().queryParam("region", "4331241081").when().get("/api/v1/cases/public-statistics").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("region"));
        given().queryParam("year", "abc").when().get("/api/v1/cases/public-statistics").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("year"));
        given().queryParam("year", 1800).when().get("/api/v1/cases/public-statistics").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("year"));
        given().queryParam("year", clock.today().getYear() + 1).when().get("/api/v1/cases/public-statistics").then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("year"))
                .body("type", equalTo("https://lianluo.cn/problems/year-not-begun"));
    }
}
