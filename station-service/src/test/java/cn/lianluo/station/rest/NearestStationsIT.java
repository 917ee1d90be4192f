package cn.lianluo.station.rest;

import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The finder with {@code near} (the phone's position): nearest first, each with its distance, the stations without
 * coordinates last. No seeded station has coordinates, so the test registers its own three points in 刘家坪白族乡.
 */
@QuarkusTest
class NearestStationsIT {

    static final String STAFF = TestTokens.bearer("STATION_STAFF", "430822");
    static final String NAMES = "就近测试村点";
    static final double[] NEAR = {29.30, 110.30};
    static final double[] CLOSE = {29.3301, 110.2702};
    static final double[] FAR = {29.4012, 110.1555};

    static boolean registered;

    @BeforeEach
    void threePoints() {
        if (registered) {
            return;
        }
        register(NAMES + "(无坐标)", null);
        register(NAMES + "(远)", FAR);
        register(NAMES + "(近)", CLOSE);
        registered = true;
    }

    static void register(String name, double[] at) {
        Map<String, Object> body = new HashMap<>(StationResourceIT.station(name, "430822207"));
        body.put("type", "POINT");
        if (at != null) {
            body.put("latitude", at[0]);
            body.put("longitude", at[1]);
        }
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/stations").then().statusCode(201);
    }

    /** The great-circle distance by the haversine formula on the mean earth radius, in metres: the test's own. */
    static double haversine(double[] a, double[] b) {
        double phi1 = Math.toRadians(a[0]);
        double phi2 = Math.toRadians(b[0]);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(b[1] - a[1]);
        double h = Math.pow(Math.sin(dPhi / 2), 2) + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
    }

    static JsonPath find(Map<String, Object> query) {
        return given().queryParams(query).when().get("/api/v1/stations")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void near_orders_the_stations_by_distance_with_plausible_distances_and_those_without_coordinates_last() {
        JsonPath page = find(Map.of("near", NEAR[0] + "," + NEAR[1], "q", NAMES, "region", "430822207"));
        assertThat(page.getInt("total")).isEqualTo(3);
        assertThat(page.getList("items.name", String.class))
                .containsExactly(NAMES + "(近)", NAMES + "(远)", NAMES + "(无坐标)");
        double close = haversine(NEAR, CLOSE);
        double far = haversine(NEAR, FAR);
        assertThat(close).isBetween(3_000.0, 6_000.0);   // about 4.4 km: 0.03° of latitude and 0.03° of longitude
        assertThat(far).isBetween(15_000.0, 20_000.0);
        assertThat(page.getDouble("items[0].distanceMeters")).isCloseTo(close, within(2.0));
        assertThat(page.getDouble("items[1].distanceMeters")).isCloseTo(far, within(2.0));
        assertThat(page.getString("items[2].distanceMeters")).isNull();
        assertThat(page.getDouble("items[0].latitude")).isEqualTo(CLOSE[0]);
        assertThat(page.getDouble("items[0].longitude")).isEqualTo(CLOSE[1]);
        assertThat(page.getString("items[2].latitude")).isNull();
    }

    @Test
    void near_combines_with_the_type_filter_and_paging() {
        JsonPath second = find(Map.of("near", "29.30, 110.30", "q", NAMES, "type", "POINT", "page", 1, "size", 1));
        assertThat(second.getInt("total")).isEqualTo(3);
        assertThat(second.getList("items.name", String.class)).containsExactly(NAMES + "(远)");
        // from the other side the far one is the near one
        JsonPath reversed = find(Map.of("near", "29.45,110.10", "q", NAMES));
        assertThat(reversed.getList("items.name", String.class))
                .containsExactly(NAMES + "(远)", NAMES + "(近)", NAMES + "(无坐标)");
        assertThat(find(Map.of("near", "29.30,110.30", "q", NAMES, "type", "STATION")).getInt("total")).isZero();
    }

    @Test
    void without_near_there_is_no_distance_but_the_coordinates_are_there() {
        given().queryParam("q", NAMES).when().get("/api/v1/stations")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.distanceMeters", everyItem(nullValue()));
        JsonPath page = find(Map.of("q", NAMES + "(近)"));
        assertThat(page.getDouble("items[0].latitude")).isEqualTo(CLOSE[0]);
    }

    @Test
    void a_near_that_is_not_two_numbers_in_range_is_a_400_naming_near() {
        for (String bad : List.of("abc", "29.30", "91,110", "-90.5,110", "29.3,180.01", "29.3,110.3,5", "NaN,110",
                "29.3;110.3", "2e1,110", ",")) {
            given().queryParam("near", bad).when().get("/api/v1/stations")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("near"));
        }
    }
}
