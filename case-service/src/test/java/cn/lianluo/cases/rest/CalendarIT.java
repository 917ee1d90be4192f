package cn.lianluo.cases.rest;

import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The working-day calendar: public to read, the province's ADMIN sets and removes its days. */
@QuarkusTest
class CalendarIT {

    static final String PROVINCE_ADMIN = TestTokens.bearer("ADMIN", "43");
    static final String DAY = "/api/v1/calendar/days/2032-05-06";

    @Test
    void a_day_set_by_the_province_is_removed_by_it_alone_and_then_follows_the_weekday_rule() {
        given().header("Authorization", PROVINCE_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("working", false, "name", "测试假日")).when().put(DAY).then().statusCode(200)
                .body("date", equalTo("2032-05-06")).body("working", equalTo(false)).body("name", equalTo("测试假日"));
        given().when().get("/api/v1/calendar/2032").then().statusCode(200).body("date", hasItem("2032-05-06"));

        given().when().delete(DAY).then().statusCode(401);
        for (String narrower : List.of("4331", "433124", "433124108")) {
            given().header("Authorization", TestTokens.bearer("ADMIN", narrower)).when().delete(DAY).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", "43")).when().delete(DAY).then().statusCode(403);
        given().when().get("/api/v1/calendar/2032").then().body("date", hasItem("2032-05-06"));

        given().header("Authorization", PROVINCE_ADMIN).when().delete(DAY).then().statusCode(204);
        given().when().get("/api/v1/calendar/2032").then().statusCode(200).body("date", not(hasItem("2032-05-06")));
        given().header("Authorization", PROVINCE_ADMIN).when().delete(DAY).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void a_bad_date_or_year_is_a_400_naming_it() {
        given().header("Authorization", PROVINCE_ADMIN).when().delete("/api/v1/calendar/days/2032-02-30").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("date"));
        given().when().get("/api/v1/calendar/abc").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
    }
}
