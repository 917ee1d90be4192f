package cn.lianluo.station.rest;

import cn.lianluo.common.geo.Gcj02;
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
 * Stations' coordinates are GCJ-02; {@code near} is a browser's WGS-84 position, so the distances expected are from its
 * GCJ-02 form ({@link Gcj02}, tested against published points in common).
 */
@QuarkusTest
class NearestStationsIT {

    static final String STAFF = TestTokens.bearer("STATION_STAFF", "430822");
    static final String NAMES = "就近测试村点";
    static final double[] NEAR = {29.30, 110.30};
    static final double[] CLOSE = {29.3301, 110.2702};
    static final double[] FAR = {29.4012, 110.1555};
    /** {@link #NEAR} as the maps of China (and the stations' coordinates) have it. */
    static final double[] NEAR_GCJ02 = gcj02(NEAR);

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

    static double[] gcj02(double[] wgs84) {
        Gcj02.LatLng converted = Gcj02.fromWgs84(wgs84[0], wgs84[1]);
        return new double[] {converted.lat(), converted.lng()};
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
        double close = haversine(NEAR_GCJ02, CLOSE);
        double far = haversine(NEAR_GCJ02, FAR);
        assertThat(close).isBetween(3_000.0, 6_000.0);   // about 4.4 km: 0.03° of latitude and 0.03° of longitude
        assertThat(far).isBetween(15_000.0, 20_000.0);
        // the position is converted: measured as given, both distances would be hundreds of metres off
        assertThat(Math.abs(close - haversine(NEAR, CLOSE))).isGreaterThan(100.0);
        assertThat(Math.abs(far - haversine(NEAR, FAR))).isGreaterThan(100.0);
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
    void a_near_taken_from_a_chinese_map_is_measured_as_it_is_and_a_bad_near_system_is_a_400() {
        JsonPath page = find(Map.of("near", NEAR[0] + "," + NEAR[1], "nearSystem", "GCJ02", "q", NAMES));
        assertThat(page.getList("items.name", String.class))
                .containsExactly(NAMES + "(近)", NAMES + "(远)", NAMES + "(无坐标)");
        assertThat(page.getDouble("items[0].distanceMeters")).isCloseTo(haversine(NEAR, CLOSE), within(2.0));
        assertThat(page.getDouble("items[1].distanceMeters")).isCloseTo(haversine(NEAR, FAR), within(2.0));
        // WGS84 said aloud is the default
        JsonPath wgs = find(Map.of("near", NEAR[0] + "," + NEAR[1], "nearSystem", "wgs84", "q", NAMES));
        assertThat(wgs.getDouble("items[0].distanceMeters")).isCloseTo(haversine(NEAR_GCJ02, CLOSE), within(2.0));
        for (String bad : List.of("BD09", "GPS", "WGS-84")) {
            given().queryParam("near", "29.30,110.30").queryParam("nearSystem", bad).when().get("/api/v1/stations")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("nearSystem"));
        }
    }

    @Test
    void a_station_is_registered_with_both_coordinates_within_china_or_none_else_a_400_naming_the_field() {
        record Bad(Double latitude, Double longitude, String field) {
        }
        for (Bad bad : List.of(new Bad(29.33, null, "longitude"), new Bad(null, 110.27, "latitude"),
                new Bad(48.85, 2.35, "longitude"), new Bad(-33.87, 151.21, "latitude"), new Bad(110.27, 29.33, "latitude"))) {
            Map<String, Object> body = new HashMap<>(StationResourceIT.station(NAMES + "(境外)", "430822207"));
            body.put("latitude", bad.latitude());
            body.put("longitude", bad.longitude());
            given().header("Authorization", STAFF).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/stations")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.field()));
        }
        assertThat(find(Map.of("q", NAMES + "(境外)")).getInt("total")).isZero();
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
