package cn.lianluo.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class RegionResourceIT {

    @Test
    void a_prefecture_lists_its_counties() {
        given().when().get("/api/v1/regions/4331")
                .then().statusCode(200)
                .body("code", equalTo("4331"))
                .body("official", equalTo("433100"))
                .body("name", equalTo("湘西土家族苗族自治州"))
                .body("level", equalTo("CITY"))
                .body("parentCode", equalTo("43"))
                .body("children.code", hasItem("433124"))
                .body("children", hasSize(8))
                .body("children.find { it.code == '433124' }.name", equalTo("花垣县"));
    }

    @Test
    void the_province_lists_its_fourteen_cities_and_prefectures() {
        given().when().get("/api/v1/regions/430000")
                .then().statusCode(200)
                .body("code", equalTo("43"))
                .body("children", hasSize(14));
    }

    @Test
    void a_township_has_its_county_as_parent() {
        given().when().get("/api/v1/regions/430822207")
                .then().statusCode(200)
                .body("name", equalTo("刘家坪白族乡"))
                .body("level", equalTo("TOWNSHIP"))
                .body("parentCode", equalTo("430822"));
        given().when().get("/api/v1/regions/430822")
                .then().statusCode(200)
                .body("children.code", hasItem("430822207"))
                .body("children.find { it.code == '430822100' }.name", equalTo("澧源镇"));
    }

    @Test
    void an_unknown_region_is_404_and_a_malformed_one_400_both_as_problems() {
        given().when().get("/api/v1/regions/4399")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://lianluo.cn/problems/not-found"));
        given().when().get("/api/v1/regions/43x")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
    }
}
