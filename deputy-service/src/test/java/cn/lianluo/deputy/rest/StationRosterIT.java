package cn.lianluo.deputy.rest;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;

/** A station's public roster (进站代表): who sits there, with only what is public about a deputy. */
@QuarkusTest
class StationRosterIT {

    static final String SUPERVISOR_SANGZHI = TestTokens.bearer("SUPERVISOR", "430822");
    static final Set<String> PUBLIC_FIELDS = Set.of("id", "name", "gender", "genderName", "levels", "home");

    @Inject
    EntityManager em;

    static Response roster(Object station) {
        return given().queryParam("station", station).when().get("/api/v1/deputies/roster");
    }

    /** The roster as text holds no phone: no field of that name, no run of 11 digits (a mobile number) anywhere. */
    static void assertNothingPrivate(Response response) {
        String body = response.asString();
        assertThat(body).doesNotContain("\"phone\"").doesNotContain("birthYear").doesNotContain("electoralUnit");
        assertThat(body).doesNotContainPattern("[0-9]{11}");
        List<Map<String, Object>> deputies = response.jsonPath().getList("$");
        assertThat(deputies).allSatisfy(d -> assertThat(d.keySet()).isEqualTo(PUBLIC_FIELDS));
    }

    @Test
    void the_roster_of_a_seeded_station_lists_its_deputies_with_names_and_levels_and_no_phone_without_a_token() {
        Response response = roster(SeedIds.of("station", "liujiaping-station"));
        response.then().statusCode(200)
                .body("$", hasSize(12))   // the seeds put 10 township and 2 county-and-township deputies there
                .body("home", everyItem(equalTo(true)))
                // the county deputies first (the higher congress), then by name
                .body("[0].name", equalTo("刘家坪示例县乡代表01"))
                .body("[0].levels.level", equalTo(List.of("COUNTY", "TOWNSHIP")))
                .body("[0].levels.levelName", equalTo(List.of("县(市、区)人大代表", "乡(镇)人大代表")))
                .body("[1].name", equalTo("刘家坪示例县乡代表02"))
                .body("[2].name", equalTo("刘家坪示例乡代表01"))
                .body("[2].levels.level", equalTo(List.of("TOWNSHIP")))
                .body("[2].id", equalTo(SeedIds.of("deputy", "liujiaping-t1").toString()))
                .body("genderName", everyItem(oneOf("男", "女")));
        assertNothingPrivate(response);
    }

    @Test
    void the_roster_names_the_home_deputies_and_those_who_also_sit_there_and_drops_one_whose_mandate_ended() {
        UUID station = Stations.announce(em, "刘家坪名单测试站", "430822207");
        UUID elsewhere = Stations.announce(em, "刘家坪名单测试村点", "430822207");
        String resident = register("名单测试县代表", List.of(Map.of("level", "COUNTY", "term", 18, "termStart", "2021-11-15")),
                station);
        String visitor = register("名单测试乡代表", List.of(Map.of("level", "TOWNSHIP", "term", 18, "termStart", "2021-12-01")),
                elsewhere);
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(Map.of("stationId", station))
                .when().post("/api/v1/deputies/" + visitor + "/stations").then().statusCode(200);

        Response response = roster(station);
        response.then().statusCode(200)
                .body("id", equalTo(List.of(resident, visitor)))
                .body("home", equalTo(List.of(true, false)))
                .body("[0].levels[0].levelName", equalTo("县(市、区)人大代表"));
        assertNothingPrivate(response);
        roster(elsewhere).then().statusCode(200).body("id", equalTo(List.of(visitor))).body("[0].home", equalTo(true));

        String mandate = given().header("Authorization", SUPERVISOR_SANGZHI).when().get("/api/v1/deputies/" + resident)
                .then().statusCode(200).extract().path("mandates[0].id");
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                .body(Map.of("status", "RESIGNED", "date", "2026-06-30"))
                .when().post("/api/v1/deputies/" + resident + "/mandates/" + mandate + "/end").then().statusCode(200);
        roster(station).then().statusCode(200).body("id", equalTo(List.of(visitor)));
    }

    @Test
    void a_station_nobody_sits_in_or_not_known_is_an_empty_roster_and_a_bad_id_is_a_400_naming_station() {
        roster(UUID.randomUUID()).then().statusCode(200).body("$", hasSize(0));
        given().when().get("/api/v1/deputies/roster")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("station"));
        roster("not-a-station").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("station"));
    }

    String register(String name, List<Map<String, Object>> mandates, UUID home) {
        Map<String, Object> body = new java.util.HashMap<>(DeputyResourceIT.deputy(name, "430822207"));
        body.put("mandates", mandates);
        body.put("homeStationId", home.toString());
        return given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/deputies").then().statusCode(201).extract().path("id");
    }
}
