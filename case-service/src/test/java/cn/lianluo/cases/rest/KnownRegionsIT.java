package cn.lianluo.cases.rest;

import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A case names a region of the tree (行政区划): one of the shipped official codes, or one an ADMIN's import added, which
 * case-service learns from station.events. A well-formed code in no tree is a 422.
 */
@QuarkusTest
class KnownRegionsIT {

    static final String COUNTY = "431228"; // 芷江侗族自治县, a county of the shipped tree

    static ValidatableResponse submit(String region, String phone) {
        return given().contentType(ContentType.JSON).body(Map.of("title", "村口的桥栏杆断了", "content", "村口小桥的栏杆断了一截,学生上学要经过。",
                        "category", "INFRASTRUCTURE", "kind", "HELP", "regionCode", region,
                        "citizen", Map.of("name", "杨秀英", "phone", phone)))
                .when().post("/api/v1/cases").then();
    }

    @Inject
    EntityManager em;

    @Test
    void a_case_in_a_region_no_tree_holds_is_refused_until_an_import_adds_it() {
        // a township of 芷江 that the shipped tree does not hold, and a village of it
        String township = "431228" + (900 + Math.floorMod(UUID.randomUUID().hashCode(), 100));
        String village = township + "201";
        submit(township, TestPhones.unused()).statusCode(422).contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://lianluo.cn/problems/unknown-region"))
                .body("errors[0].field", equalTo("regionCode")).body("detail", containsString(township));
        submit(village, TestPhones.unused()).statusCode(422).body("errors[0].field", equalTo("regionCode"));
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", COUNTY)).contentType(ContentType.JSON)
                .body(Map.of("title", "桥栏杆", "content", "村口小桥的栏杆断了一截。", "category", "INFRASTRUCTURE", "kind", "HELP",
                        "regionCode", township, "channel", "RECEPTION",
                        "citizen", Map.of("name", "杨秀英", "phone", TestPhones.unused())))
                .when().post("/api/v1/cases").then().statusCode(422).body("errors[0].field", equalTo("regionCode"));

        // an ADMIN imported it into station-service's tree, which says so on station.events
        Regions.announce(em, COUNTY, List.of(township));
        submit(township, TestPhones.unused()).statusCode(201);
        // its villages with it: the trees end at townships, and villages need no import of their own
        submit(village, TestPhones.unused()).statusCode(201);
    }

    @Test
    void a_village_of_a_shipped_township_is_taken_and_one_of_no_township_is_not() {
        submit("431228101203", TestPhones.unused()).statusCode(201); // a village of 罗旧镇
        submit("431228899203", TestPhones.unused()).statusCode(422).body("errors[0].field", equalTo("regionCode"));
    }
}
