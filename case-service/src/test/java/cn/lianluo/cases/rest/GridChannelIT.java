package cn.lianluo.cases.rest;

import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * 联络站+基层治理网格 against the real PostgreSQL and Kafka: a grid worker's (网格员) case comes in through their grid
 * and says so in the API and in its event; a grid is named with channel GRID and with no other.
 */
@QuarkusTest
class GridChannelIT {

    static final String TOPIC = "test.case.events";
    static final String REGION = "433124108"; // 边城镇
    static final String GRID = "433124108-03";
    static final String GRID_WORKER = TestTokens.gridWorker(REGION, GRID);
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);

    /** Each test's resident: a phone of its own, so no case is flagged as a duplicate of another test's. */
    final String phone = TestPhones.unused();

    Map<String, Object> residentsCase(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("content", "组里的路灯坏了两个月,晚上孩子放学走路看不见,网格员入户时居民反映。");
        body.put("category", "INFRASTRUCTURE");
        body.put("kind", "HELP");
        body.put("regionCode", REGION);
        body.put("citizen", Map.of("name", "石光明", "phone", phone));
        return body;
    }

    static ValidatableResponse submit(Map<String, Object> body, String token) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.header("Authorization", token);
        }
        return request.when().post("/api/v1/cases").then();
    }

    @Test
    void a_grid_workers_case_carries_the_grid_in_the_api_and_in_its_event() {
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            // no channel named: a grid worker's case comes through the grid, theirs
            String id = submit(residentsCase("路灯坏了两个月"), GRID_WORKER).statusCode(201).extract().path("id");

            given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200)
                    .body("channel", equalTo("GRID")).body("channelName", equalTo("网格员上报"))
                    .body("gridId", equalTo(GRID));
            given().header("Authorization", STAFF).when().get("/api/v1/cases?region=" + REGION + "&size=100").then()
                    .statusCode(200).body("items.find { it.id == '" + id + "' }.gridId", equalTo(GRID));

            ConsumerRecord<String, String> received = tap.await(r -> id.equals(r.key())
                    && r.value().contains("\"type\":\"lianluo.case.received.v1\""), Duration.ofSeconds(20));
            EventSchemas.assertValid(received);
            JsonNode data = json(received.value()).get("data");
            assertThat(data.get("channel").asText()).isEqualTo("GRID");
            assertThat(data.get("gridId").asText()).isEqualTo(GRID);
            assertThat(data.get("actorRole").asText()).isEqualTo("STATION_STAFF");
        }
    }

    @Test
    void a_grid_worker_names_no_other_grid_and_no_other_channel() {
        Map<String, Object> otherGrid = residentsCase("别的网格的事");
        otherGrid.put("gridId", "433124108-07");
        submit(otherGrid, GRID_WORKER).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("own grid " + GRID));

        Map<String, Object> reception = residentsCase("说成进站接待");
        reception.put("channel", "RECEPTION");
        submit(reception, GRID_WORKER).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("channel GRID"));

        Map<String, Object> ownGrid = residentsCase("自己网格写明");
        ownGrid.put("channel", "GRID");
        ownGrid.put("gridId", GRID);
        submit(ownGrid, GRID_WORKER).statusCode(201);
    }

    @Test
    void channel_grid_without_a_grid_is_a_400() {
        Map<String, Object> body = residentsCase("网格上报没写网格");
        body.put("channel", "GRID");
        submit(body, STAFF).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/validation"))
                .body("errors[0].field", equalTo("gridId"))
                .body("errors[0].message", containsString("channel GRID"));
    }

    @Test
    void a_grid_on_another_channel_is_a_400() {
        Map<String, Object> online = residentsCase("网上提交带了网格");
        online.put("channel", "ONLINE");
        online.put("gridId", GRID);
        submit(online, STAFF).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("gridId"))
                .body("errors[0].message", containsString("ONLINE"));
        // a citizen's own submission is ONLINE, so it names no grid either
        Map<String, Object> citizens = residentsCase("群众自己写了网格");
        citizens.put("gridId", GRID);
        submit(citizens, null).statusCode(400).body("errors[0].field", equalTo("gridId"));
    }

    @Test
    void staff_record_a_grids_case_with_its_grid_and_a_malformed_grid_is_refused() {
        Map<String, Object> malformed = residentsCase("网格编码不对");
        malformed.put("channel", "GRID");
        malformed.put("gridId", "三组 <b>");
        submit(malformed, STAFF).statusCode(400).body("errors.field", hasItem("gridId"));

        Map<String, Object> body = residentsCase("站里代网格员登记");
        body.put("channel", "GRID");
        body.put("gridId", "433124108-05");
        String id = submit(body, STAFF).statusCode(201).extract().path("id");
        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .body("channel", equalTo("GRID")).body("gridId", equalTo("433124108-05"));

        String other = submit(residentsCase("进站接待的诉求"), STAFF).statusCode(201).extract().path("id");
        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + other).then().statusCode(200)
                .body("channel", equalTo("RECEPTION")).body("gridId", nullValue());
    }

    static JsonNode json(String value) {
        try {
            return EventSchemas.MAPPER.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
