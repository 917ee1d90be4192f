package cn.lianluo.cases.rest;

import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * 转办 and 退回 against the real PostgreSQL and Kafka: a case returned by the unit that got it, assigned again,
 * transferred sideways and escalated keeps one timeline and publishes one event per step, each valid against its schema.
 */
@QuarkusTest
class TransferAndReturnIT {

    static final String TOPIC = "test.case.events";
    static final String REGION = "433124108"; // 边城镇, 花垣县
    static final UUID COUNTY_MEDICAL = SeedIds.of("unit", "medical-433124");
    static final UUID COUNTY_HOUSING = SeedIds.of("unit", "housing-433124");
    static final UUID CITY_MEDICAL = SeedIds.of("unit", "medical-4331");
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);
    static final String SUPERVISOR = TestTokens.bearer("SUPERVISOR", "433124");
    static final String MEDICAL_HANDLER = TestTokens.handler("433124", COUNTY_MEDICAL.toString());
    static final String HOUSING_HANDLER = TestTokens.handler("433124", COUNTY_HOUSING.toString());

    @Inject
    CaseClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Each test's citizen: a phone of its own, so no case is flagged as a duplicate of another test's. */
    final String phone = TestPhones.unused();

    String submit(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("content", "异地就医备案后报销仍被退回,不知道该找哪个部门。");
        body.put("category", "MEDICAL_INSURANCE");
        body.put("kind", "HELP");
        body.put("regionCode", REGION);
        body.put("channel", "ONLINE");
        body.put("citizen", Map.of("name", "向四妹", "phone", phone));
        return given().header("Authorization", STAFF).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    ValidatableResponse command(String id, String command, Map<String, Object> body, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + id + "/" + command).then();
    }

    @Test
    void a_case_returned_assigned_again_transferred_and_escalated_keeps_one_timeline_and_one_event_per_step() {
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            String id = submit("医保报销被退回");
            command(id, "assign", Map.of("unitId", COUNTY_HOUSING, "note", "请县住建局办理"), STAFF).statusCode(200)
                    .body("allowedCommands", hasItem("return")).body("allowedCommands", hasItem("transfer"));

            // 退回 is the assigned unit's alone: not another unit's, not staff's
            command(id, "return", Map.of("reason", "不属本单位职责"), MEDICAL_HANDLER).statusCode(403);
            command(id, "return", Map.of("reason", "不属本单位职责"), STAFF).statusCode(403);
            command(id, "return", Map.of(), HOUSING_HANDLER).statusCode(400).body("errors[0].field", equalTo("reason"));
            command(id, "return", Map.of("reason", "医保报销不属住建部门职责"), HOUSING_HANDLER).statusCode(200)
                    .body("status", equalTo("RECEIVED")).body("unitId", nullValue())
                    .body("deadlines.HANDLE.metAt", notNullValue())
                    .body("deadlines.ASSIGN.metAt", nullValue())
                    .body("allowedCommands", equalTo(List.of("answer", "assign", "supervise")));
            // the unit that returned it no longer reads it
            given().header("Authorization", HOUSING_HANDLER).when().get("/api/v1/cases/" + id).then().statusCode(403);

            String startedAgain = command(id, "assign", Map.of("unitId", COUNTY_HOUSING, "note", "请先核实"), STAFF).statusCode(200)
                    .body("status", equalTo("ASSIGNED")).body("deadlines.HANDLE.metAt", nullValue())
                    .extract().path("deadlines.HANDLE.startedAt");
            command(id, "accept", Map.of(), HOUSING_HANDLER).statusCode(200).body("status", equalTo("IN_PROGRESS"));
            String due = given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then()
                    .extract().path("deadlines.HANDLE.dueDate");

            // 转办: staff pass it sideways; a unit of another level, or the unit itself, is refused with a reason
            command(id, "transfer", Map.of("unitId", COUNTY_MEDICAL, "reason", "x"), HOUSING_HANDLER).statusCode(403);
            command(id, "transfer", Map.of("unitId", CITY_MEDICAL, "reason", "市医保局"), STAFF).statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://lianluo.cn/problems/transfer-level"))
                    .body("detail", containsString("same level"))
                    .body("errors[0].field", equalTo("unitId"));
            command(id, "transfer", Map.of("unitId", COUNTY_HOUSING, "reason", "自己"), STAFF).statusCode(422)
                    .body("type", equalTo("https://lianluo.cn/problems/transfer-same-unit"));
            command(id, "transfer", Map.of("unitId", COUNTY_MEDICAL, "reason", "属医保部门职责"), STAFF).statusCode(200)
                    .body("status", equalTo("ASSIGNED")).body("unitName", equalTo("花垣县医疗保障局"))
                    // the handling clock goes on: the same stage, the same due date
                    .body("deadlines.HANDLE.startedAt", equalTo(startedAgain))
                    .body("deadlines.HANDLE.dueDate", equalTo(due));

            // the window of the unit that got it by transfer: 1 working day, then 409
            clock.advance(Duration.ofDays(5));
            command(id, "return", Map.of("reason", "太晚了"), MEDICAL_HANDLER).statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://lianluo.cn/problems/return-window-closed"))
                    .body("detail", containsString("window to return this case (退回) closed"));

            // 上交 keeps the handling clock; only a supervisor resets it
            command(id, "escalate", Map.of("unitId", CITY_MEDICAL, "note", "需市局协调", "resetClock", true), MEDICAL_HANDLER)
                    .statusCode(403);
            command(id, "escalate", Map.of("unitId", CITY_MEDICAL, "note", "需市局协调"), MEDICAL_HANDLER).statusCode(200)
                    .body("status", equalTo("ASSIGNED")).body("deadlines.HANDLE.dueDate", equalTo(due))
                    .body("deadlines.HANDLE.startedAt", not(equalTo(startedAgain)));

            given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200)
                    .body("timeline.action", equalTo(List.of("RECEIVED", "ASSIGN", "RETURN", "ASSIGN", "ACCEPT", "TRANSFER",
                            "ESCALATE")))
                    .body("timeline.find { it.action == 'RETURN' }.actionName", equalTo("退回"))
                    .body("timeline.find { it.action == 'RETURN' }.note", equalTo("医保报销不属住建部门职责"))
                    .body("timeline.find { it.action == 'TRANSFER' }.actionName", equalTo("转办"))
                    .body("timeline.find { it.action == 'TRANSFER' }.note", equalTo("属医保部门职责"))
                    .body("timeline.find { it.action == 'TRANSFER' }.unitName", equalTo("花垣县医疗保障局"));

            // the citizen's tracking page shows the transfer with the unit's name; the return is the units' own business
            String code = given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().extract().path("trackingCode");
            given().when().get("/api/v1/cases/track/" + code + "?phone=" + phone).then().statusCode(200)
                    .body("timeline.action", hasItem("TRANSFER")).body("timeline.action", not(hasItem("RETURN")))
                    .body("timeline.find { it.action == 'TRANSFER' }.unitName", equalTo("花垣县医疗保障局"));

            List<String> steps = List.of("received", "assigned", "returned", "assigned", "accepted", "transferred", "escalated");
            // one case's events share a partition, in order: once the last is there, so are the others
            tap.await(r -> id.equals(r.key()) && r.value().contains("\"type\":\"lianluo.case.escalated.v1\""),
                    Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> events = tap.drain(Duration.ofMillis(500)).stream()
                    .filter(r -> id.equals(r.key())).toList();
            assertThat(events).extracting(r -> r.value().replaceAll(".*\"type\":\"lianluo\\.case\\.([a-z-]+)\\.v1\".*", "$1"))
                    .containsExactlyElementsOf(steps);
            events.forEach(EventSchemas::assertValid);
            assertThat(events.get(2).value()).contains("\"status\":\"RECEIVED\"").contains("\"unitId\":null");
            assertThat(events.get(5).value()).contains("\"unitId\":\"" + COUNTY_MEDICAL + "\"");
            // 退回 and 转办 say why and which unit the case left
            assertThat(events.get(2).value()).contains("\"reason\":\"医保报销不属住建部门职责\"")
                    .contains("\"previousUnitId\":\"" + COUNTY_HOUSING + "\"");
            assertThat(events.get(5).value()).contains("\"reason\":\"属医保部门职责\"")
                    .contains("\"previousUnitId\":\"" + COUNTY_HOUSING + "\"");
            assertThat(events.get(1).value()).doesNotContain("previousUnitId").doesNotContain("\"reason\"");
        }
    }

    @Test
    void a_supervisor_escalating_with_reset_clock_gives_the_new_unit_the_full_time_limit() {
        String id = submit("医保重新计时");
        command(id, "assign", Map.of("unitId", COUNTY_MEDICAL), STAFF).statusCode(200);
        clock.advance(Duration.ofDays(7));
        String due = command(id, "accept", Map.of(), MEDICAL_HANDLER).statusCode(200).extract().path("deadlines.HANDLE.dueDate");
        command(id, "accept", Map.of("resetClock", true), SUPERVISOR).statusCode(400).body("errors[0].field", equalTo("resetClock"));
        String reset = command(id, "escalate", Map.of("unitId", CITY_MEDICAL, "note", "督办上交", "resetClock", true), SUPERVISOR)
                .statusCode(200).body("deadlines.HANDLE.span", equalTo(3)).extract().path("deadlines.HANDLE.dueDate");
        assertThat(java.time.LocalDate.parse(reset)).isAfter(java.time.LocalDate.parse(due));
    }

    @Test
    void a_county_matter_assigned_to_the_township_needs_a_reason() {
        UUID township = SeedIds.of("unit", "gov-" + REGION);
        String id = submit("医保先由镇里核实");
        command(id, "assign", Map.of("unitId", township), STAFF).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/assignment-below-category-level"))
                .body("errors[0].field", equalTo("reason"))
                .body("detail", containsString("COUNTY"));
        command(id, "assign", Map.of("unitId", township, "reason", "属地先行核实"), STAFF).statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("timeline.find { it.action == 'ASSIGN' }.note", equalTo("属地先行核实"));
    }
}
