package cn.lianluo.cases.rest;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

/** 履职留痕: the timeline keeps the account behind each step, shown to those who handle the case and to nobody else. */
@QuarkusTest
class CaseTimelineAccountsIT {

    static final String REGION = "433124108"; // 边城镇
    static final UUID TOWNSHIP_GOV = SeedIds.of("unit", "gov-433124108");
    static final String STAFF = TestTokens.named("STATION_STAFF", REGION, null, "王丽");
    static final String HANDLER = TestTokens.named("HANDLER", REGION, TOWNSHIP_GOV.toString(), "赵刚");

    @Test
    void each_step_names_the_account_the_person_and_the_unit_to_staff_and_only_unit_names_to_the_citizen() {
        var created = given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of(
                        "title", "灌溉水渠堵塞", "content", "村里的灌溉水渠被垃圾堵住了,田里放不进水。", "category", "INFRASTRUCTURE",
                        "kind", "HELP", "regionCode", REGION, "channel", "RECEPTION",
                        "citizen", Map.of("name", "吴老汉", "phone", "13700001111")))
                .when().post("/api/v1/cases").then().statusCode(201).extract();
        String id = created.path("id");
        String code = created.path("trackingCode");
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("unitId", TOWNSHIP_GOV))
                .when().post("/api/v1/cases/" + id + "/assign").then().statusCode(200);
        given().header("Authorization", HANDLER).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/cases/" + id + "/accept").then().statusCode(200);

        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .body("timeline[0].action", equalTo("RECEIVED"))
                .body("timeline[0].actorName", equalTo("王丽"))
                .body("timeline[0].actorSubject", equalTo("test-station_staff-" + REGION))
                .body("timeline[0].actorRole", equalTo("STATION_STAFF"))
                .body("timeline[0].actorUnitId", nullValue())
                .body("timeline[2].action", equalTo("ACCEPT"))
                .body("timeline[2].actorName", equalTo("赵刚"))
                .body("timeline[2].actorRole", equalTo("HANDLER"))
                .body("timeline[2].actorUnitId", equalTo(TOWNSHIP_GOV.toString()))
                .body("timeline[2].actorUnitName", equalTo("边城镇人民政府"));

        // a deputy of the township who did not receive the case reads it masked: no accounts, no names of staff
        String otherDeputy = TestTokens.deputy(REGION, UUID.randomUUID().toString());
        given().header("Authorization", otherDeputy).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .body("citizen.name", equalTo("吴**"))
                .body("timeline.actorName", everyItem(nullValue()))
                .body("timeline.actorSubject", everyItem(nullValue()))
                .body("timeline.actorUnitId", everyItem(nullValue()));

        // the citizen's tracking page: the unit's name, never a person or an account
        String page = given().queryParam("phone", "13700001111").when().get("/api/v1/cases/track/" + code)
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("边城镇人民政府").doesNotContain("王丽", "赵刚", "test-station_staff", "test-handler");
    }
}
