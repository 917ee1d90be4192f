package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The 12345 loop of issue 20 as the citizen, the dispatcher and the units meet it through the gateway: a case returned
 * (退回) and transferred (转办) keeps one timeline and one event per step; a second case from the same phone is flagged as
 * a duplicate (重复件), merged, and both citizens read the one answer on their tracking pages.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class CaseLoopStoriesIT {

    static final String REGION = "433124108"; // 边城镇, 花垣县
    static final String HOUSING = SeedIds.of("unit", "housing-433124").toString();
    static final String HRSS = SeedIds.of("unit", "hrss-433124").toString();
    static final String MEDICAL = SeedIds.of("unit", "medical-433124").toString();
    static final String TOWNSHIP = SeedIds.of("unit", "gov-" + REGION).toString();
    static final String DISPATCHER_NAME = "田晓燕";
    /** The station's dispatcher (派单员), with the person's name as an identity provider puts it in the token. */
    static final String DISPATCHER = TestTokens.named("STATION_STAFF", REGION, null, DISPATCHER_NAME);
    static final String DISPATCHER_ACCOUNT = "test-station_staff-" + REGION;
    static final AtomicInteger CLIENTS = new AtomicInteger();

    /** A client address of its own per public request: the per-address limits stay out of the way. */
    static String client() {
        int n = CLIENTS.incrementAndGet();
        return "198.18." + (100 + n / 250) + "." + (1 + n % 250);
    }

    /** A mobile number of this test alone, so no case of another test is taken for a duplicate of its cases. */
    static String phone() {
        return "199" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String account(String unitId) {
        return "test-handler-" + unitId;
    }

    /** The citizen's own submission on the public page, without a token. */
    static JsonPath submit(String title, String content, String category, String phone) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "content", content, "category", category,
                "kind", "HELP", "regionCode", REGION, "citizen", Map.of("name", "麻桂花", "phone", phone)));
        return given().header("X-Forwarded-For", client()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases").then().statusCode(201).extract().jsonPath();
    }

    static ValidatableResponse command(String id, String command, Map<String, Object> body, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + id + "/" + command).then();
    }

    static JsonPath read(String id) {
        return given().header("Authorization", DISPATCHER).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    static ValidatableResponse track(String code, String phone) {
        return given().header("X-Forwarded-For", client()).queryParam("phone", phone)
                .when().get("/api/v1/cases/track/" + code).then().statusCode(200);
    }

    static Instant instant(JsonPath json, String path) {
        return Instant.parse(json.getString(path));
    }

    /** The case's own events on the run's case.events, in the order of its partition, once {@code last} is among them. */
    static List<JsonNode> eventsOf(String caseId, String last) {
        List<JsonNode> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            events.clear();
            for (ConsumerRecord<String, String> r : SuiteKafka.readAll(ServicesUnderTest.topic("case"))) {
                if (caseId.equals(r.key())) {
                    EventSchemas.assertValid(r);
                    events.add(parse(r.value()));
                }
            }
            return events.stream().anyMatch(e -> ("lianluo.case." + last + ".v1").equals(e.path("type").asText()));
        });
        return events;
    }

    /** What a person or the citizen did: the clock's own events (预警, 超期, by SYSTEM) may fall in between. */
    static List<JsonNode> commanded(List<JsonNode> events) {
        return events.stream().filter(e -> !"SYSTEM".equals(e.path("data").path("actorRole").asText())).toList();
    }

    static String typeOf(JsonNode event) {
        return event.path("type").asText().replaceAll("^lianluo\\.case\\.([a-z-]+)\\.v1$", "$1");
    }

    static JsonNode parse(String json) {
        try {
            return EventSchemas.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_case_returned_by_the_wrong_unit_and_transferred_sideways_keeps_one_timeline_and_one_event_per_step() {
        String phone = phone();
        JsonPath created = submit("异地就医报销被退回", "在吉首住院的费用回花垣报销被退回,不知道该找哪个部门。",
                "MEDICAL_INSURANCE", phone);
        String id = created.getString("id");
        String code = created.getString("trackingCode");
        Instant firstAssignClock = instant(created, "deadlines.ASSIGN.startedAt");

        // the dispatcher sends it to the wrong bureau, which returns it within its working day, with its reason
        command(id, "assign", Map.of("unitId", HOUSING, "note", "请县住建局办理"), DISPATCHER).statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("allowedCommands", hasItems("return", "transfer"));
        JsonPath returned = command(id, "return", Map.of("reason", "医保报销不属住建部门职责"), TestTokens.handler("433124", HOUSING))
                .statusCode(200).body("status", equalTo("RECEIVED")).body("unitId", nullValue()).extract().jsonPath();
        // the return restarts the clock of assignment (交办) and ends the returning unit's handling clock
        assertThat(returned.getString("deadlines.ASSIGN.metAt")).isNull();
        assertThat(instant(returned, "deadlines.ASSIGN.startedAt")).isAfter(firstAssignClock);
        assertThat(returned.getString("deadlines.HANDLE.metAt")).isNotNull();
        int fullSpan = returned.getInt("deadlines.HANDLE.span");
        Instant firstHandleClock = instant(returned, "deadlines.HANDLE.startedAt");

        // assigned again, the next unit gets a full handling clock of its own
        JsonPath again = command(id, "assign", Map.of("unitId", HRSS, "note", "请县人社局核实报销政策"), DISPATCHER)
                .statusCode(200).body("status", equalTo("ASSIGNED")).body("unitName", equalTo("花垣县人力资源和社会保障局"))
                .extract().jsonPath();
        assertThat(again.getString("deadlines.HANDLE.metAt")).isNull();
        assertThat(again.getInt("deadlines.HANDLE.span")).isEqualTo(fullSpan);
        assertThat(instant(again, "deadlines.HANDLE.startedAt")).isAfter(firstHandleClock);
        String handleStarted = again.getString("deadlines.HANDLE.startedAt");
        String handleDueDate = again.getString("deadlines.HANDLE.dueDate");
        String handleDueAt = again.getString("deadlines.HANDLE.dueAt");
        command(id, "accept", Map.of(), TestTokens.handler("433124", HRSS)).statusCode(200).body("status", equalTo("IN_PROGRESS"));

        // 转办 is the dispatcher's, not the bureau's own: the case goes sideways to the bureau of the same level whose
        // matter it is, and the handling clock goes on (the same start, the same due date)
        command(id, "transfer", Map.of("unitId", MEDICAL, "reason", "x"), TestTokens.handler("433124", HRSS)).statusCode(403);
        command(id, "transfer", Map.of("unitId", MEDICAL, "reason", "异地就医报销属县医保局职责"), DISPATCHER)
                .statusCode(200).body("status", equalTo("ASSIGNED")).body("unitName", equalTo("花垣县医疗保障局"))
                .body("deadlines.HANDLE.startedAt", equalTo(handleStarted))
                .body("deadlines.HANDLE.dueDate", equalTo(handleDueDate))
                .body("deadlines.HANDLE.dueAt", equalTo(handleDueAt))
                .body("deadlines.HANDLE.metAt", nullValue());

        String medical = TestTokens.handler("433124", MEDICAL);
        command(id, "accept", Map.of(), medical).statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("deadlines.HANDLE.dueDate", equalTo(handleDueDate));
        command(id, "complete", Map.of("result", "已为群众补办异地就医备案并重新受理报销"), medical).statusCode(200);
        command(id, "reply", Map.of("content", "报销已重新受理,款项10个工作日内到账。"), medical).statusCode(200)
                .body("status", equalTo("REPLIED"));

        // one timeline, oldest first, each step with the account that took it and the reasons given
        JsonPath c = read(id);
        assertThat(c.getList("timeline.action", String.class)).containsExactly("RECEIVED", "ASSIGN", "RETURN", "ASSIGN",
                "ACCEPT", "TRANSFER", "ACCEPT", "COMPLETE", "REPLY");
        List<Instant> at = c.getList("timeline.at", String.class).stream().map(Instant::parse).toList();
        assertThat(at).isSorted();
        assertThat(c.getList("timeline.actorRole", String.class)).containsExactly("CITIZEN", "STATION_STAFF", "HANDLER",
                "STATION_STAFF", "HANDLER", "STATION_STAFF", "HANDLER", "HANDLER", "HANDLER");
        assertThat(c.getList("timeline.actor", String.class)).containsExactly("citizen", DISPATCHER_ACCOUNT, account(HOUSING),
                DISPATCHER_ACCOUNT, account(HRSS), DISPATCHER_ACCOUNT, account(MEDICAL), account(MEDICAL), account(MEDICAL));
        assertThat(c.getList("timeline.actorUnitName", String.class)).containsExactly(null, null, "花垣县住房和城乡建设局",
                null, "花垣县人力资源和社会保障局", null, "花垣县医疗保障局", "花垣县医疗保障局", "花垣县医疗保障局");
        assertThat(c.getString("timeline[1].actorName")).isEqualTo(DISPATCHER_NAME);
        assertThat(c.getString("timeline[5].actorName")).isEqualTo(DISPATCHER_NAME);
        assertThat(c.getString("timeline[2].actionName")).isEqualTo("退回");
        assertThat(c.getString("timeline[2].note")).isEqualTo("医保报销不属住建部门职责");
        assertThat(c.getString("timeline[3].unitName")).isEqualTo("花垣县人力资源和社会保障局");
        assertThat(c.getString("timeline[5].actionName")).isEqualTo("转办");
        assertThat(c.getString("timeline[5].note")).isEqualTo("异地就医报销属县医保局职责");
        assertThat(c.getString("timeline[5].unitName")).isEqualTo("花垣县医疗保障局");
        assertThat(c.getString("timeline[8].content")).isEqualTo("报销已重新受理,款项10个工作日内到账。");

        // the citizen follows the transfer by the unit's name; the return and who acted are the units' own business
        String page = track(code, phone)
                .body("timeline.action", equalTo(List.of("RECEIVED", "ASSIGN", "ASSIGN", "ACCEPT", "TRANSFER", "ACCEPT",
                        "COMPLETE", "REPLY")))
                .body("timeline.find { it.action == 'TRANSFER' }.unitName", equalTo("花垣县医疗保障局"))
                .body("reply.content", equalTo("报销已重新受理,款项10个工作日内到账。"))
                .body("unitName", equalTo("花垣县医疗保障局"))
                .extract().asString();
        assertThat(page).doesNotContain(DISPATCHER_NAME, DISPATCHER_ACCOUNT, "test-handler-", "医保报销不属住建部门职责");

        // one event per step on case.events, in the order of the steps, each once and each valid against the contract
        List<JsonNode> events = eventsOf(id, "replied");
        assertThat(events.stream().map(e -> e.path("id").asText())).doesNotHaveDuplicates();
        List<JsonNode> steps = commanded(events);
        assertThat(steps).extracting(CaseLoopStoriesIT::typeOf).containsExactly("received", "assigned", "returned",
                "assigned", "accepted", "transferred", "accepted", "handled", "replied");
        assertThat(steps).extracting(e -> e.path("data").path("unitId").asText(null))
                .containsExactly(null, HOUSING, null, HRSS, HRSS, MEDICAL, MEDICAL, MEDICAL, MEDICAL);
        assertThat(steps.get(2).path("data").path("status").asText()).isEqualTo("RECEIVED");
        // the transfer's event carries the handling deadline the second assignment started, unchanged
        assertThat(steps.get(5).path("data").path("deadlines").path("HANDLE").path("dueAt").asText())
                .isEqualTo(steps.get(3).path("data").path("deadlines").path("HANDLE").path("dueAt").asText())
                .isNotEmpty();
    }

    @Test
    void a_second_case_from_the_same_phone_is_flagged_merged_and_both_tracking_codes_show_the_one_answer() {
        String phone = phone();
        JsonPath first = submit("茶峒路路面塌陷", "茶峒路中段路面塌陷,坑有一米多宽,晚上看不清,已有摩托车摔倒。",
                "INFRASTRUCTURE", phone);
        JsonPath second = submit("茶峒路路面塌陷还没修", "茶峒路中段的塌陷坑还在,晚上看不清,请尽快处理。",
                "INFRASTRUCTURE", phone);
        String firstId = first.getString("id");
        String secondId = second.getString("id");

        // staff see the flag, in the case and in their list; the citizen does not
        assertThat(read(firstId).getString("possibleDuplicateOf")).isNull();
        JsonPath flagged = read(secondId);
        assertThat(flagged.getString("possibleDuplicateOf")).isEqualTo(firstId);
        assertThat(flagged.getList("allowedCommands", String.class)).contains("merge", "unlink");
        given().header("Authorization", DISPATCHER).queryParam("region", REGION).queryParam("q", second.getString("trackingCode"))
                .when().get("/api/v1/cases").then().statusCode(200)
                .body("items.find { it.id == '" + secondId + "' }.possibleDuplicateOf", equalTo(firstId));
        track(second.getString("trackingCode"), phone).body("$", not(hasKey("possibleDuplicateOf")))
                .body("status", equalTo("RECEIVED"));

        command(secondId, "merge", Map.of("intoCaseId", firstId, "note", "同一塌陷点,合并办理"), DISPATCHER).statusCode(200)
                .body("status", equalTo("MERGED")).body("mergedInto", equalTo(firstId))
                .body("possibleDuplicateOf", nullValue());

        // the first case is handled by the township and answered
        String township = TestTokens.handler(REGION, TOWNSHIP);
        command(firstId, "assign", Map.of("unitId", TOWNSHIP, "note", "请镇政府组织修复"), DISPATCHER).statusCode(200);
        command(firstId, "accept", Map.of(), township).statusCode(200);
        command(firstId, "complete", Map.of("result", "已回填夯实塌陷路面并设置警示标志"), township).statusCode(200);
        command(firstId, "reply", Map.of("content", "塌陷处已于本周修复,感谢您的反映。"), township).statusCode(200)
                .body("status", equalTo("REPLIED"));

        // both citizens read the same answer, the result and the unit's name, and nothing of the staff
        for (JsonPath c : List.of(first, second)) {
            String page = track(c.getString("trackingCode"), phone)
                    .body("reply.content", equalTo("塌陷处已于本周修复,感谢您的反映。"))
                    .body("reply.unitName", equalTo("边城镇人民政府"))
                    .body("result.content", equalTo("已回填夯实塌陷路面并设置警示标志"))
                    .body("result.unitName", equalTo("边城镇人民政府"))
                    .body("unitName", equalTo("边城镇人民政府"))
                    .body("$", not(hasKey("possibleDuplicateOf"))).body("$", not(hasKey("mergedInto")))
                    .extract().asString();
            assertThat(page).doesNotContain(DISPATCHER_NAME, DISPATCHER_ACCOUNT, "test-handler-", "同一塌陷点",
                    "请镇政府组织修复", "actor");
        }
        track(first.getString("trackingCode"), phone).body("status", equalTo("REPLIED"))
                .body("timeline.action", hasItem("REPLY"));
        track(second.getString("trackingCode"), phone).body("status", equalTo("MERGED"))
                .body("timeline.action", equalTo(List.of("RECEIVED", "MERGE")));

        // staff's timeline of the duplicate names who merged it and why
        JsonPath merged = read(secondId);
        assertThat(merged.getList("timeline.action", String.class)).containsExactly("RECEIVED", "MERGE");
        assertThat(merged.getString("timeline[1].actor")).isEqualTo(DISPATCHER_ACCOUNT);
        assertThat(merged.getString("timeline[1].note")).isEqualTo("同一塌陷点,合并办理");

        // the duplicate's events: its intake and its merge into the first, once each
        List<JsonNode> events = eventsOf(secondId, "merged");
        assertThat(commanded(events)).extracting(CaseLoopStoriesIT::typeOf).containsExactly("received", "merged");
        assertThat(events.stream().map(e -> e.path("id").asText())).doesNotHaveDuplicates();
        assertThat(commanded(events).get(1).path("data").path("mergedInto").asText()).isEqualTo(firstId);
    }
}
