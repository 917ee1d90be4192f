package cn.lianluo.station.rest;

import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class StationResourceIT {

    @Inject
    EntityManager em;

    static Map<String, Object> station(String name, String region) {
        return Map.of(
                "type", "STATION",
                "name", name,
                "regionCode", region,
                "address", "桑植县刘家坪白族乡某村",
                "features", List.of("MAILBOX"),
                "schedules", List.of(Map.of("label", "8号接待日", "kind", "MONTHLY_DAYS", "daysOfMonth", List.of(8),
                        "holidayPolicy", "NEXT_WORKING_DAY", "hours", "09:00-12:00")),
                "rules", List.of(Map.of("title", "代表接待选民制度", "content", "每月8日接待")));
    }

    long stations() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM station").getSingleResult()).longValue();
    }

    @Test
    void the_finder_lists_biancheng_stations_with_their_next_reception_days() {
        given().queryParam("region", "433124108").queryParam("size", 50)
                .when().get("/api/v1/stations")
                .then().statusCode(200)
                .body("total", equalTo(23))   // 1 + 20 + 2: the 1+20+X network
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("items.regionCode", everyItem(equalTo("433124108")))
                .body("items.name", hasItem("边城镇人大代表联络站"))
                .body("items.find { it.name == '边城镇人大代表联络站' }.nextReceptionDays", hasSize(3))
                .body("items.find { it.name == '边城镇人大代表联络站' }.nextReceptionDays[0].label", equalTo("代表接待日"));
    }

    @Test
    void the_finder_filters_by_type_and_text() {
        given().queryParam("region", "4310").queryParam("type", "industry")
                .when().get("/api/v1/stations")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].name", equalTo("仁义镇农业产业站"))
                .body("items[0].typeName", equalTo("产业站(专业站)"));
        given().queryParam("q", "沧水铺")
                .when().get("/api/v1/stations")
                .then().statusCode(200)
                .body("total", equalTo(4));
        given().queryParam("q", "100%_")
                .when().get("/api/v1/stations")
                .then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void the_finder_rejects_bad_parameters_with_the_parameter_named() {
        given().queryParam("type", "CASTLE").when().get("/api/v1/stations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("type"));
        given().queryParam("region", "12345").when().get("/api/v1/stations")
                .then().statusCode(400).body("errors[0].field", equalTo("region"));
        given().queryParam("size", 0).when().get("/api/v1/stations")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void a_public_station_page_shows_schedule_rules_standard_and_the_next_days() {
        String id = given().queryParam("q", "沧水铺镇人大代表联络站").when().get("/api/v1/stations")
                .then().statusCode(200).extract().path("items[0].id");
        given().when().get("/api/v1/stations/" + id)
                .then().statusCode(200)
                .body("schedules[0].label", equalTo("8号接待日"))
                .body("schedules[0].daysOfMonth", hasItems(8))
                .body("nextReceptionDays", hasSize(6))
                .body("rules.title", hasItems("联络站工作职责", "代表接待选民制度"))
                .body("standard.met", equalTo(true))
                .body("standard.items", hasSize(6))
                .body("standard.items.find { it.item == 'SITE' }.name", equalTo("有场所"));
        given().queryParam("count", 12).when().get("/api/v1/stations/" + id + "/reception-days")
                .then().statusCode(200).body("$", hasSize(12));
    }

    @Test
    void staff_register_update_and_assess_a_station_in_their_county() {
        String token = TestTokens.bearer("STATION_STAFF", "430822");
        String id = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(station("刘家坪白族乡某村联络点", "430822207"))
                .when().post("/api/v1/stations")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/stations/"))
                .body("id", notNullValue())
                .body("regionName", equalTo("刘家坪白族乡"))
                .body("features[0].name", equalTo("民情信箱"))
                .body("nextReceptionDays", hasSize(6))
                .body("standard.met", equalTo(false))
                .extract().path("id");

        var changed = new java.util.HashMap<>(station("刘家坪白族乡某村联络点(新址)", "430822207"));
        changed.put("type", "POINT");
        given().header("Authorization", token).contentType(ContentType.JSON).body(changed)
                .when().put("/api/v1/stations/" + id)
                .then().statusCode(200)
                .body("name", equalTo("刘家坪白族乡某村联络点(新址)"))
                .body("type", equalTo("POINT"))
                .body("version", greaterThanOrEqualTo(1));

        String supervisor = TestTokens.bearer("SUPERVISOR", "4308");
        given().header("Authorization", supervisor).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(
                        Map.of("item", "SITE", "met", true, "evidence", "村部二楼"),
                        Map.of("item", "SIGN", "met", true), Map.of("item", "RULES", "met", true),
                        Map.of("item", "STAFF", "met", true), Map.of("item", "ACTIVITIES", "met", true),
                        Map.of("item", "RECORDS", "met", true))))
                .when().put("/api/v1/stations/" + id + "/standard")
                .then().statusCode(200)
                .body("standard.met", equalTo(true))
                .body("standard.metCount", equalTo(6))
                .body("standard.items.find { it.item == 'SITE' }.evidence", equalTo("村部二楼"));
        given().header("Authorization", supervisor).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("item", "RECORDS", "met", false, "evidence", "台账缺失"))))
                .when().put("/api/v1/stations/" + id + "/standard")
                .then().statusCode(200)
                .body("standard.met", equalTo(false))
                .body("standard.metCount", equalTo(5));
    }

    @Test
    void writing_without_a_token_is_401_and_outside_the_region_403_and_nothing_is_written() {
        long before = stations();
        given().contentType(ContentType.JSON).body(station("无令牌", "430822207"))
                .when().post("/api/v1/stations")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer not.a.token").contentType(ContentType.JSON).body(station("坏令牌", "430822207"))
                .when().post("/api/v1/stations")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", "433124"))
                .contentType(ContentType.JSON).body(station("越界", "430822207"))
                .when().post("/api/v1/stations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("430822207"));
        given().header("Authorization", TestTokens.bearer("HANDLER", "43"))
                .contentType(ContentType.JSON).body(station("无权角色", "430822207"))
                .when().post("/api/v1/stations")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(stations()).isEqualTo(before);
    }

    @Test
    void a_station_of_another_county_cannot_be_changed() {
        String id = given().queryParam("q", "界牌乡").when().get("/api/v1/stations")
                .then().extract().path("items[0].id");
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430822"))
                .contentType(ContentType.JSON).body(station("改名", "430822207"))
                .when().put("/api/v1/stations/" + id)
                .then().statusCode(403);
        given().when().get("/api/v1/stations/" + id).then().body("name", equalTo("界牌乡人大代表联络站"));
    }

    @Test
    void bad_bodies_are_precise_problems_and_nothing_is_half_written() {
        String token = TestTokens.bearer("ADMIN", "43");
        long before = stations();

        var empty = new java.util.HashMap<>(station(" ", "430822207"));
        empty.remove("type");
        given().header("Authorization", token).contentType(ContentType.JSON).body(empty)
                .when().post("/api/v1/stations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/validation"))
                .body("errors.field", hasItems("name", "type"));

        var castle = new java.util.HashMap<>(station("城堡", "430822207"));
        castle.put("type", "CASTLE");
        given().header("Authorization", token).contentType(ContentType.JSON).body(castle)
                .when().post("/api/v1/stations")
                .then().statusCode(400).body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("STATION"));

        given().header("Authorization", token).contentType(ContentType.JSON).body(station("未知乡", "430822999"))
                .when().post("/api/v1/stations")
                .then().statusCode(422).body("errors[0].field", equalTo("regionCode"))
                .body("type", equalTo("https://lianluo.cn/problems/unknown-region"));

        given().header("Authorization", token).contentType(ContentType.JSON).body(station("坏代码", "43-08"))
                .when().post("/api/v1/stations")
                .then().statusCode(400).body("errors[0].field", equalTo("regionCode"));

        var noDays = new java.util.HashMap<>(station("过期公示", "430822207"));
        noDays.put("schedules", List.of(Map.of("kind", "DATES", "dates", List.of("2020-01-08"))));
        given().header("Authorization", token).contentType(ContentType.JSON).body(noDays)
                .when().post("/api/v1/stations")
                .then().statusCode(422).body("errors[0].field", equalTo("schedules[0]"))
                .body("type", equalTo("https://lianluo.cn/problems/schedule-without-dates"));

        var badDay = new java.util.HashMap<>(station("32号", "430822207"));
        badDay.put("schedules", List.of(Map.of("kind", "MONTHLY_DAYS", "daysOfMonth", List.of(32))));
        given().header("Authorization", token).contentType(ContentType.JSON).body(badDay)
                .when().post("/api/v1/stations")
                .then().statusCode(400).body("errors[0].field", equalTo("schedules[0].daysOfMonth"));

        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"type\": \"STATION\", \"name\": ")
                .when().post("/api/v1/stations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/malformed-json"));

        given().header("Authorization", token).contentType(ContentType.TEXT).body("name=x")
                .when().post("/api/v1/stations")
                .then().statusCode(415).contentType("application/problem+json");

        String huge = "{\"type\":\"STATION\",\"name\":\"" + "长".repeat(700_000) + "\",\"regionCode\":\"430822207\"}";
        given().header("Authorization", token).contentType(ContentType.JSON).body(huge)
                .when().post("/api/v1/stations")
                .then().statusCode(413).contentType("application/problem+json");

        assertThat(stations()).isEqualTo(before);
    }

    @Test
    void receptions_and_activities_are_recorded_in_scope() {
        String id = given().queryParam("q", "金开街道人大代表联络站").when().get("/api/v1/stations")
                .then().extract().path("items[0].id");
        String staff = TestTokens.bearer("STATION_STAFF", "431321002");
        String deputy = Deputies.announce(em, "431321002", null).toString();
        given().header("Authorization", staff).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now().minusDays(1).toString(), "deputyIds", List.of(deputy),
                        "visitors", 7, "note", "物业问题 😀 𠀀"))
                .when().post("/api/v1/stations/" + id + "/receptions")
                .then().statusCode(201)
                .body("deputyIds", hasItem(deputy))
                .body("note", equalTo("物业问题 😀 𠀀"));
        given().header("Authorization", staff).when().get("/api/v1/stations/" + id + "/receptions")
                .then().statusCode(200).body("total", greaterThanOrEqualTo(1));
        given().header("Authorization", staff).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now().plusDays(3).toString(), "deputyIds", List.of(deputy), "visitors", 1))
                .when().post("/api/v1/stations/" + id + "/receptions")
                .then().statusCode(422).body("errors[0].field", equalTo("date"));
        given().header("Authorization", staff).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now().toString(), "deputyIds", List.of("not-a-uuid"), "visitors", 1))
                .when().post("/api/v1/stations/" + id + "/receptions")
                .then().statusCode(400).contentType("application/problem+json");

        given().header("Authorization", staff).contentType(ContentType.JSON)
                .body(Map.of("kind", "FIVE_INTO", "fiveIntoTarget", "SCHOOL", "title", "代表进学校",
                        "stationId", id, "date", LocalDate.now().toString(), "participantDeputyIds", List.of(deputy)))
                .when().post("/api/v1/activities")
                .then().statusCode(201).body("regionCode", equalTo("431321002")).body("kindName", equalTo("五进"));
        given().header("Authorization", staff).contentType(ContentType.JSON)
                .body(Map.of("kind", "FIVE_INTO", "title", "代表进企业", "regionCode", "431321002",
                        "date", LocalDate.now().toString(), "participantDeputyIds", List.of(deputy)))
                .when().post("/api/v1/activities")
                .then().statusCode(400).body("errors[0].field", equalTo("fiveIntoTarget"));
        given().header("Authorization", staff).contentType(ContentType.JSON)
                .body(Map.of("kind", "SURVEY", "title", "越界调研", "regionCode", "433124108",
                        "date", LocalDate.now().toString(), "participantDeputyIds", List.of(deputy)))
                .when().post("/api/v1/activities")
                .then().statusCode(403);
        given().header("Authorization", staff).queryParam("region", "43")
                .when().get("/api/v1/activities")
                .then().statusCode(403);
        given().header("Authorization", staff)
                .when().get("/api/v1/activities")
                .then().statusCode(200).body("items.regionCode", everyItem(startsWith("431321002")));
    }

    @Test
    void only_active_deputies_who_belong_to_the_station_may_be_on_duty() {
        String station = given().queryParam("q", "金开街道人大代表联络站").when().get("/api/v1/stations")
                .then().extract().path("items[0].id");
        String staff = TestTokens.bearer("STATION_STAFF", "431321002");
        String resident = Deputies.announce(em, "431321002", null).toString();
        String assigned = Deputies.announce(em, "4313", station).toString(); // a city deputy who sits at the station
        String foreign = Deputies.announce(em, "433124108", null).toString();
        String retired = Deputies.announce(em, "431321002", null).toString();
        Deputies.retire(em, java.util.UUID.fromString(retired), "431321002");
        String unknown = java.util.UUID.randomUUID().toString();
        String day = LocalDate.now().minusDays(1).toString();

        given().header("Authorization", staff).contentType(ContentType.JSON)
                .body(Map.of("date", day, "deputyIds", List.of(resident, assigned), "visitors", 2))
                .when().post("/api/v1/stations/" + station + "/receptions")
                .then().statusCode(201);
        long before = receptions(station, staff);
        given().header("Authorization", staff).contentType(ContentType.JSON)
                .body(Map.of("date", day, "deputyIds", List.of(resident, unknown, foreign, retired), "visitors", 2))
                .when().post("/api/v1/stations/" + station + "/receptions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("deputyIds[1]", "deputyIds[2]", "deputyIds[3]"))
                .body("errors[0].message", containsString(unknown))
                .body("errors[1].message", containsString(foreign))
                .body("errors[2].message", containsString(retired));
        assertThat(receptions(station, staff)).as("nothing recorded").isEqualTo(before);

        // an activity in a region: its residents and those assigned to a station inside it
        given().header("Authorization", staff).contentType(ContentType.JSON)
                .body(Map.of("kind", "SURVEY", "title", "调研", "regionCode", "431321002", "date", day,
                        "participantDeputyIds", List.of(resident, assigned)))
                .when().post("/api/v1/activities").then().statusCode(201);
        given().header("Authorization", staff).contentType(ContentType.JSON)
                .body(Map.of("kind", "SURVEY", "title", "调研", "regionCode", "431321002", "date", day,
                        "participantDeputyIds", List.of(foreign)))
                .when().post("/api/v1/activities").then().statusCode(422)
                .body("errors[0].field", equalTo("participantDeputyIds[0]"));
    }

    private static long receptions(String station, String token) {
        return given().header("Authorization", token).when().get("/api/v1/stations/" + station + "/receptions")
                .then().statusCode(200).extract().<Integer>path("total");
    }
}
