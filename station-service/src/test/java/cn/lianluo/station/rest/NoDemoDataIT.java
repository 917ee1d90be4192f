package cn.lianluo.station.rest;

import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.common.testing.NoDemoData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;


import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Production's start: no seeds folder, on a database emptied at start (the test profile cleans it). The reference
 * data is there all the same — Hunan's whole region tree — and an ADMIN sets up a station in a real township that
 * the demo never names.
 */
@QuarkusTest
@TestProfile(NoDemoData.class)
class NoDemoDataIT {

    @Inject
    EntityManager em;

    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Test
    void without_demo_data_the_region_tree_of_hunan_and_the_calendar_are_there_and_no_station() {
        assertThat(count("SELECT count(*) FROM region")).isEqualTo(2157);
        assertThat(count("SELECT count(*) FROM region WHERE level = 'TOWNSHIP'")).isEqualTo(2008);
        assertThat(count("SELECT count(*) FROM station WHERE seed_key IS NOT NULL")).as("no demo station").isZero();
        assertThat(count("SELECT count(*) FROM calendar_day WHERE day BETWEEN '2026-10-01' AND '2026-10-07' AND NOT working"))
                .as("the official days off of 2026's National Day, reference data").isEqualTo(7);
        given().when().get("/api/v1/regions/43").then().statusCode(200).body("children", hasSize(14));
        given().when().get("/api/v1/regions/430102").then().statusCode(200).body("name", equalTo("芙蓉区"))
                .body("children", hasSize(14));
    }

    @Test
    void an_admin_registers_a_station_in_a_real_township_the_demo_does_not_name() {
        String id = given().header("Authorization", TestTokens.bearer("ADMIN", "4301")).contentType(ContentType.JSON)
                .body(StationResourceIT.station("文艺路街道人大代表联络站", "430102001"))
                .when().post("/api/v1/stations")
                .then().statusCode(201).body("regionCode", equalTo("430102001")).extract().path("id");
        given().when().get("/api/v1/stations/" + id).then().statusCode(200).body("name", equalTo("文艺路街道人大代表联络站"));
        given().queryParam("region", "430102").when().get("/api/v1/stations").then().statusCode(200).body("total", equalTo(1));
    }
}
