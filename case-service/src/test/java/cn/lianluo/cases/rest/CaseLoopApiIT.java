package cn.lianluo.cases.rest;

import cn.lianluo.cases.cases.service.CaseTally;
import cn.lianluo.cases.cases.service.DeadlineWatch;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Cases through every path of the loop, against the real PostgreSQL and Kafka, with the events checked against the schemas. */
@QuarkusTest
class CaseLoopApiIT {

    static final String TOPIC = "test.case.events";
    static final String REGION = "433124108"; // 边城镇
    static final UUID TOWNSHIP_GOV = SeedIds.of("unit", "gov-433124108");
    static final UUID COUNTY_MEDICAL = SeedIds.of("unit", "medical-433124");
    static final UUID CITY_MEDICAL = SeedIds.of("unit", "medical-4331");
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);
    static final String SUPERVISOR = TestTokens.bearer("SUPERVISOR", "433124");
    static final String TOWNSHIP_HANDLER = TestTokens.handler(REGION, TOWNSHIP_GOV.toString());
    static final String COUNTY_HANDLER = TestTokens.handler("433124", COUNTY_MEDICAL.toString());

    @Inject
    EntityManager em;
    @Inject
    CaseClock clock;
    @Inject
    DeadlineWatch watch;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static Map<String, Object> citizenCase(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("content", "在贵州看病的医保报销一直办不下来,跨省异地就医备案不知道怎么办。");
        body.put("category", "MEDICAL_INSURANCE");
        body.put("kind", "HELP");
        body.put("regionCode", REGION);
        body.put("channel", "ONLINE");
        body.put("citizen", Map.of("name", "张三丰", "phone", "13812341234"));
        return body;
    }

    UUID deputy() {
        return Deputies.announce(em, REGION, "TOWNSHIP");
    }

    String submit(Map<String, Object> body, String token) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.when().post("/api/v1/cases").then().statusCode(201)
                .body("trackingCode", matchesPattern("LL[A-Z2-9]{10}"))
                .body("deadlines.ASSIGN.dueDate", notNullValue())
                .extract().path("id");
    }

    ValidatableResponse command(String id, String command, Map<String, Object> body, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + id + "/" + command).then();
    }

    static void assertValid(ConsumerRecord<String, String> record) {
        EventSchemas.assertValid(record);
    }

    @Test
    void biancheng_cross_province_medical_insurance_assigned_escalated_handled_replied_and_rated_satisfied() {
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            String id = submit(citizenCase("跨省医保报销难"), null);
            String code = given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200)
                    .body("status", equalTo("RECEIVED"))
                    .body("citizen.phone", equalTo("13812341234"))
                    .extract().path("trackingCode");

            command(id, "assign", Map.of("unitId", TOWNSHIP_GOV, "note", "请镇政府先行核实"), STAFF).statusCode(200)
                    .body("status", equalTo("ASSIGNED")).body("unitName", equalTo("边城镇人民政府"))
                    .body("deadlines.HANDLE.span", equalTo(3));
            command(id, "accept", Map.of(), TOWNSHIP_HANDLER).statusCode(200).body("status", equalTo("IN_PROGRESS"));
            // the township cannot settle a cross-province claim: up to the county (按职责层级交办)
            command(id, "escalate", Map.of("unitId", COUNTY_MEDICAL, "note", "跨省医保需县医保局协调"), TOWNSHIP_HANDLER)
                    .statusCode(200).body("status", equalTo("ASSIGNED")).body("unitName", equalTo("花垣县医疗保障局"));
            command(id, "accept", Map.of(), TOWNSHIP_HANDLER).statusCode(403);
            command(id, "accept", Map.of(), COUNTY_HANDLER).statusCode(200);
            command(id, "complete", Map.of("result", "已协调贵州医保部门完成异地就医备案与报销"), COUNTY_HANDLER)
                    .statusCode(200).body("status", equalTo("HANDLED"));
            command(id, "reply", Map.of("content", "您的报销已办理,款项将于5个工作日内到账"), COUNTY_HANDLER)
                    .statusCode(200).body("status", equalTo("REPLIED")).body("deadlines.VISIT.dueDate", notNullValue());

            given().when().get("/api/v1/cases/track/" + code + "?phone=13812341234").then().statusCode(200)
                    .body("status", equalTo("REPLIED")).body("canRate", equalTo(true))
                    .body("timeline.unitName", hasItems("边城镇人民政府", "花垣县医疗保障局"))
                    .body("timeline[0].actor", nullValue());
            given().contentType(ContentType.JSON).body(Map.of("phone", "13812341234", "satisfaction", "SATISFIED"))
                    .when().post("/api/v1/cases/track/" + code + "/rating").then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("satisfaction", equalTo("SATISFIED"));
            given().contentType(ContentType.JSON).body(Map.of("phone", "13812341234", "satisfaction", "UNSATISFIED"))
                    .when().post("/api/v1/cases/track/" + code + "/rating").then().statusCode(409);

            for (String type : List.of("received", "assigned", "accepted", "escalated", "handled", "replied", "visited")) {
                ConsumerRecord<String, String> record = tap.await(r -> id.equals(r.key())
                        && r.value().contains("\"type\":\"lianluo.case." + type + ".v1\""), Duration.ofSeconds(20));
                assertValid(record);
                assertThat(record.value()).doesNotContain("13812341234").doesNotContain("张三丰").contains("138****1234");
            }
            // and every other record the story caused, whatever its type
            tap.drain(Duration.ofMillis(500)).forEach(EventSchemas::assertValid);
        }
    }

    @Test
    void a_deputy_answers_on_the_spot_and_a_satisfied_visit_closes_the_case() {
        UUID deputy = deputy();
        String deputyToken = TestTokens.deputy(REGION, deputy.toString());
        var body = citizenCase("村道路灯不亮");
        body.put("category", "INFRASTRUCTURE");
        body.put("channel", "RECEPTION");
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            String id = submit(body, deputyToken);
            given().header("Authorization", deputyToken).when().get("/api/v1/cases/" + id).then().statusCode(200)
                    .body("receivingDeputyId", equalTo(deputy.toString()))
                    .body("citizen.name", equalTo("张三丰"));
            command(id, "answer", Map.of("content", "已联系村委会,明日更换灯泡"), deputyToken).statusCode(200)
                    .body("status", equalTo("REPLIED")).body("onTheSpot", equalTo(true));
            // the deputy does not rate their own case: the 回访 is staff's (or the citizen rates it)
            command(id, "visit", Map.of("satisfaction", "SATISFIED", "note", "我自己回访"), deputyToken).statusCode(403)
                    .body("detail", containsString("回访"));
            command(id, "visit", Map.of("satisfaction", "BASICALLY_SATISFIED", "note", "电话回访"), STAFF)
                    .statusCode(200).body("status", equalTo("CLOSED"));
            assertValid(tap.await(r -> id.equals(r.key()) && r.value().contains("lianluo.case.answered.v1"), Duration.ofSeconds(20)));
            var visited = tap.await(r -> id.equals(r.key()) && r.value().contains("lianluo.case.visited.v1"), Duration.ofSeconds(20));
            assertValid(visited);
            // the visited event says it closed the case satisfied: no consumer reads that from the satisfaction
            assertThat(visited.value()).contains("\"satisfied\":true");
        }
        String other = TestTokens.deputy(REGION, UUID.randomUUID().toString());
        String id = submit(citizenCase("他人代表"), deputyToken);
        command(id, "answer", Map.of("content", "x"), other).statusCode(403);
    }

    @Test
    void staff_name_as_receiving_deputy_only_a_deputy_of_the_cases_part_of_the_tree() {
        UUID elsewhere = Deputies.announce(em, "430903105", "TOWNSHIP"); // 赫山区: another county
        UUID here = deputy();
        var body = citizenCase("代为登记");
        body.put("channel", "RECEPTION");
        body.put("receivingDeputyId", elsewhere.toString());
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(body).when().post("/api/v1/cases").then()
                .statusCode(422).body("type", equalTo("https://lianluo.cn/problems/deputy-outside-region"))
                .body("errors[0].field", equalTo("receivingDeputyId"));
        body.put("receivingDeputyId", here.toString());
        String id = submit(body, STAFF);
        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().body("receivingDeputyId", equalTo(here.toString()));
        // a township's deputy receives a case of one of its villages
        body.put("regionCode", REGION + "201");
        submit(body, STAFF);
    }

    @Test
    void unsatisfied_twice_reopens_then_goes_to_a_supervisor() {
        String id = submit(citizenCase("物业乱收费"), STAFF);
        command(id, "assign", Map.of("unitId", TOWNSHIP_GOV, "reason", "属地先行核实"), STAFF).statusCode(200);
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            for (int round = 1; round <= 3; round++) {
                command(id, "accept", Map.of(), TOWNSHIP_HANDLER).statusCode(200);
                command(id, "complete", Map.of("result", "已约谈物业"), TOWNSHIP_HANDLER).statusCode(200);
                command(id, "reply", Map.of("content", "已约谈物业公司"), TOWNSHIP_HANDLER).statusCode(200);
                var visit = command(id, "visit", Map.of("satisfaction", "UNSATISFIED", "note", "仍在收费"), STAFF).statusCode(200);
                if (round < 3) {
                    visit.body("status", equalTo("ASSIGNED")).body("reopenCount", equalTo(round));
                } else {
                    visit.body("status", equalTo("SUPERVISOR_REVIEW"))
                            .body("timeline.action", hasItem("ESCALATED_TO_SUPERVISOR"));
                }
            }
            var visited = tap.await(r -> id.equals(r.key()) && r.value().contains("lianluo.case.visited.v1"), Duration.ofSeconds(20));
            assertValid(visited);
            assertThat(visited.value()).as("a visit that reopened the case").contains("\"satisfied\":false");
        }
        command(id, "close", Map.of("note", "督办后解决"), STAFF).statusCode(200).body("status", equalTo("CLOSED"));
        command(id, "reopen", Map.of("reason", "群众再次反映"), STAFF).statusCode(403);
        command(id, "reopen", Map.of("reason", "群众再次反映"), SUPERVISOR).statusCode(200).body("status", equalTo("SUPERVISOR_REVIEW"));
    }

    @Test
    void illegal_commands_are_409_naming_the_allowed_ones_and_two_concurrent_commands_cannot_both_win() throws Exception {
        Map<String, Object> body = citizenCase("非法指令");
        body.put("citizen", Map.of("name", "张三丰", "phone", TestPhones.unused()));
        String id = submit(body, STAFF);
        command(id, "complete", Map.of("result", "x"), STAFF).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/illegal-transition"))
                .body("detail", containsString("'complete' is not allowed when the case is RECEIVED"))
                .body("errors[0].message", equalTo("allowed when RECEIVED: answer, assign, supervise"));
        command(id, "fly", Map.of(), STAFF).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("command"));
        command(id, "assign", Map.of(), STAFF).statusCode(400).body("errors[0].field", equalTo("unitId"));
        command(id, "assign", Map.of("unitId", SeedIds.of("unit", "gov-430903105")), STAFF).statusCode(422)
                .body("type", equalTo("https://lianluo.cn/problems/unit-outside-region"));
        command(id, "assign", Map.of("unitId", TOWNSHIP_GOV, "reason", "属地先行核实"), STAFF).statusCode(200);

        acceptTwiceAtOnce(id);
        // the race was lost to a database deadlock (a 500) about one time in three: a few more cases make that show
        for (int i = 0; i < 4; i++) {
            Map<String, Object> another = citizenCase("并发受理 " + i);
            another.put("citizen", Map.of("name", "张三丰", "phone", TestPhones.unused()));
            String other = submit(another, STAFF);
            command(other, "assign", Map.of("unitId", TOWNSHIP_GOV, "reason", "属地先行核实"), STAFF).statusCode(200);
            acceptTwiceAtOnce(other);
        }
    }

    /** Two handlers accept the case at the same moment: one wins, the other is told it is no longer allowed. */
    private void acceptTwiceAtOnce(String id) throws Exception {
        Callable<io.restassured.response.Response> accept = () -> given().header("Authorization", TOWNSHIP_HANDLER)
                .contentType(ContentType.JSON).body(Map.of()).when().post("/api/v1/cases/" + id + "/accept");
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(accept);
            var b = pool.submit(accept);
            var answers = List.of(a.get(), b.get());
            assertThat(answers).extracting(r -> r.statusCode()).containsExactlyInAnyOrder(200, 409);
            assertThat(answers).filteredOn(r -> r.statusCode() == 409).extracting(r -> r.<String>path("type"))
                    .containsExactly("https://lianluo.cn/problems/illegal-transition");
        } finally {
            pool.shutdown();
        }
        long accepted = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM case_action WHERE case_id = ?1 AND action = 'ACCEPT'").setParameter(1, UUID.fromString(id))
                .getSingleResult()).longValue());
        assertThat(accepted).isEqualTo(1);
    }

    @Test
    void a_case_lists_its_allowed_commands_as_the_command_path_takes_them() {
        Map<String, Object> body = citizenCase("指令拼写");
        body.put("citizen", Map.of("name", "张三丰", "phone", TestPhones.unused()));
        String id = submit(body, STAFF);
        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .body("allowedCommands", equalTo(List.of("answer", "assign", "supervise")))
                .body("timeline.action", equalTo(List.of("RECEIVED")));
        command(id, "assign", Map.of("unitId", TOWNSHIP_GOV, "reason", "属地先行核实"), STAFF).statusCode(200)
                .body("allowedCommands", equalTo(List.of("accept", "escalate", "transfer", "return", "pause", "request-extension", "supervise")));
        // each listed command is taken by the path as listed
        command(id, "pause", Map.of("reason", "等待材料"), STAFF).statusCode(200)
                .body("allowedCommands", equalTo(List.of("resume", "supervise")));
        command(id, "resume", Map.of(), STAFF).statusCode(200)
                .body("allowedCommands", equalTo(List.of("accept", "escalate", "transfer", "return", "pause", "request-extension", "supervise")))
                .body("timeline.action", equalTo(List.of("RECEIVED", "ASSIGN", "PAUSE", "RESUME")));
    }

    @Test
    void a_pause_stops_the_clock_and_an_extension_asked_in_time_moves_the_deadline_once() {
        var body = citizenCase("宅基地纠纷");
        body.put("kind", "COMPLAINT");
        body.put("category", "DISPUTE");
        String id = submit(body, STAFF);
        command(id, "assign", Map.of("unitId", TOWNSHIP_GOV, "reason", "属地先行核实"), STAFF).statusCode(200).body("deadlines.HANDLE.span", equalTo(13));
        command(id, "accept", Map.of(), TOWNSHIP_HANDLER).statusCode(200);
        command(id, "pause", Map.of(), TOWNSHIP_HANDLER).statusCode(400).body("errors[0].field", equalTo("reason"));
        command(id, "pause", Map.of("reason", "等待当事人提供土地证"), TOWNSHIP_HANDLER).statusCode(200)
                .body("paused", equalTo(true)).body("deadlines.HANDLE.paused", equalTo(true));
        command(id, "complete", Map.of("result", "x"), TOWNSHIP_HANDLER).statusCode(409);
        String dueBefore = given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().extract().path("deadlines.HANDLE.dueDate");
        clock.advance(Duration.ofDays(7));
        String dueAfterPause = command(id, "resume", Map.of(), TOWNSHIP_HANDLER).statusCode(200)
                .body("paused", equalTo(false)).extract().path("deadlines.HANDLE.dueDate");
        assertThat(java.time.LocalDate.parse(dueAfterPause)).isAfter(java.time.LocalDate.parse(dueBefore));

        command(id, "request-extension", Map.of("days", 20, "reason", "需勘测"), TOWNSHIP_HANDLER).statusCode(400)
                .body("errors[0].field", equalTo("days"));
        command(id, "request-extension", Map.of("days", 5, "reason", "需县国土部门勘测"), TOWNSHIP_HANDLER).statusCode(200);
        command(id, "approve-extension", Map.of(), TOWNSHIP_HANDLER).statusCode(403);
        String extended = command(id, "approve-extension", Map.of("note", "同意延期5个工作日"), SUPERVISOR).statusCode(200)
                .body("deadlines.HANDLE.span", equalTo(13 + 5 + (int) 0 + spanPaused(id)))
                .extract().path("deadlines.HANDLE.dueDate");
        assertThat(java.time.LocalDate.parse(extended)).isAfter(java.time.LocalDate.parse(dueAfterPause));
        command(id, "request-extension", Map.of("days", 1, "reason", "再延"), TOWNSHIP_HANDLER).statusCode(409);
    }

    int spanPaused(String id) {
        // the working days the pause added, read back from the stored span
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT span FROM case_deadline WHERE case_id = ?1 AND stage = 'HANDLE'").setParameter(1, UUID.fromString(id))
                .getSingleResult()).intValue()) - 13 - 5;
    }

    @Test
    void an_extension_asked_after_the_deadline_is_refused() {
        String id = submit(citizenCase("逾期申请延期"), STAFF);
        command(id, "assign", Map.of("unitId", TOWNSHIP_GOV, "reason", "属地先行核实"), STAFF).statusCode(200);
        clock.advance(Duration.ofDays(10));
        command(id, "request-extension", Map.of("days", 2, "reason", "来不及"), TOWNSHIP_HANDLER).statusCode(422)
                .body("type", equalTo("https://lianluo.cn/problems/extension-too-late"));
    }

    @Test
    void with_a_moved_clock_warning_overdue_urging_and_reporting_fire_once_each() {
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            String id = submit(citizenCase("超期测试"), STAFF);
            command(id, "assign", Map.of("unitId", TOWNSHIP_GOV, "reason", "属地先行核实"), STAFF).statusCode(200);
            clock.advance(Duration.ofDays(30));
            watch.scan();
            watch.scan(); // a second pass (or a second replica) fires nothing again
            given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().body("overdue", equalTo(true));
            given().header("Authorization", STAFF).queryParam("overdue", true).queryParam("size", 200)
                    .when().get("/api/v1/cases").then().statusCode(200).body("items.id", hasItem(id));
            for (String type : List.of("deadline-warning", "overdue", "urged", "reported")) {
                assertValid(tap.await(r -> id.equals(r.key()) && r.value().contains("lianluo.case." + type + ".v1"),
                        Duration.ofSeconds(20)));
            }
            long fired = tap.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> id.equals(r.key()) && r.value().contains("\"actorRole\":\"SYSTEM\"")).count();
            assertThat(fired).isEqualTo(4);
        }
    }

    @Test
    void personal_data_is_masked_for_those_who_do_not_handle_the_case_and_tracking_has_no_oracle() {
        String id = submit(citizenCase("隐私测试"), null);
        String code = given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().extract().path("trackingCode");
        given().header("Authorization", STAFF).queryParam("size", 200).when().get("/api/v1/cases").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.citizen.phone", equalTo("138****1234"))
                .body("items.find { it.id == '" + id + "' }.citizen.name", equalTo("张**"));
        given().header("Authorization", TestTokens.deputy(REGION, UUID.randomUUID().toString())).when().get("/api/v1/cases/" + id)
                .then().statusCode(200).body("citizen.phone", equalTo("138****1234"))
                .body("trackingCode", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", TOWNSHIP_HANDLER).when().get("/api/v1/cases/" + id).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430903")).when().get("/api/v1/cases/" + id)
                .then().statusCode(403);
        String wrongPhone = given().when().get("/api/v1/cases/track/" + code + "?phone=13900000000").then().statusCode(404)
                .extract().path("detail");
        String unknownCode = given().when().get("/api/v1/cases/track/LL" + String.format("%010d", (long) (Math.random() * 1e10)) + "?phone=13812341234").then().statusCode(404)
                .extract().path("detail");
        assertThat(wrongPhone).isEqualTo(unknownCode);
        given().contentType(ContentType.JSON).body(Map.of("phone", "13812341234", "satisfaction", "SATISFIED"))
                .when().post("/api/v1/cases/track/" + code + "/rating").then().statusCode(409)
                .body("type", equalTo("https://lianluo.cn/problems/not-replied"));
    }

    @Test
    void bad_submissions_are_precise_problems_and_write_nothing() {
        long before = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM citizen_case").getSingleResult()).longValue());
        var badPhone = citizenCase("坏电话");
        badPhone.put("citizen", Map.of("name", "李四", "phone", "12345"));
        given().contentType(ContentType.JSON).body(badPhone).when().post("/api/v1/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("citizen.phone"));
        var tooLong = citizenCase("过长");
        tooLong.put("content", "长".repeat(4001));
        given().contentType(ContentType.JSON).body(tooLong).when().post("/api/v1/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("content"));
        var unknownCategory = citizenCase("未知类别");
        unknownCategory.put("category", "UFO");
        given().contentType(ContentType.JSON).body(unknownCategory).when().post("/api/v1/cases").then().statusCode(422)
                .body("type", equalTo("https://lianluo.cn/problems/unknown-category"));
        var badRegion = citizenCase("坏区划");
        badRegion.put("regionCode", "4331x");
        given().contentType(ContentType.JSON).body(badRegion).when().post("/api/v1/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430903")).contentType(ContentType.JSON)
                .body(citizenCase("越界受理")).when().post("/api/v1/cases").then().statusCode(403);
        var landline = citizenCase("座机可以");
        landline.put("citizen", Map.of("name", "王五", "phone", "0743-5321234"));
        given().contentType(ContentType.JSON).body(landline).when().post("/api/v1/cases").then().statusCode(201);
        long after = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM citizen_case").getSingleResult()).longValue());
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void categories_are_public_and_statistics_roll_up_to_the_county() {
        given().when().get("/api/v1/cases/categories").then().statusCode(200)
                .body("find { it.code == 'MEDICAL_INSURANCE' }.level", equalTo("COUNTY"));
        submit(citizenCase("统计用例"), null);
        given().header("Authorization", SUPERVISOR).queryParam("region", "433124").when().get("/api/v1/cases/statistics")
                .then().statusCode(200)
                .body("regionCode", equalTo("433124"))
                .body("children.find { it.regionCode == '433124108' }.received", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("total.byChannel.ONLINE", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().header("Authorization", SUPERVISOR).queryParam("region", "43").when().get("/api/v1/cases/statistics")
                .then().statusCode(403);
    }

    @Inject
    CaseTally tally;

    @Test
    void a_citys_figures_from_the_county_tally_agree_with_the_countys_counted_from_its_cases() {
        // cases of every state the other tests left, plus one answered on the spot and closed just now
        UUID deputy = deputy();
        String deputyToken = TestTokens.deputy(REGION, deputy.toString());
        String id = submit(citizenCase("统计对账"), deputyToken);
        command(id, "answer", Map.of("content", "当场答复"), deputyToken).statusCode(200);
        command(id, "visit", Map.of("satisfaction", "SATISFIED", "note", "电话回访"), STAFF).statusCode(200);
        int year = clock.today().getYear();
        // whole months only (the tally alone), and a period that starts and ends inside months (tally and cases)
        List<List<String>> periods = List.of(List.of(year + "-01-01", (year + 1) + "-01-01"),
                List.of(clock.today().minusMonths(1).withDayOfMonth(15).toString(), clock.today().plusMonths(1).withDayOfMonth(10).toString()));
        for (boolean folded : List.of(false, true)) {
            // the scheduled fold is off in tests: first the changes are all unfolded, then all folded
            assertThat(changesNotFolded()).as("folded %s", folded).matches(n -> folded ? n == 0 : n > 0);
            for (List<String> period : periods) {
                Map<String, Object> city = given().header("Authorization", TestTokens.bearer("SUPERVISOR", "43"))
                        .queryParam("region", "4331").queryParam("from", period.get(0)).queryParam("to", period.get(1))
                        .when().get("/api/v1/cases/statistics").then().statusCode(200)
                        .extract().jsonPath().getMap("children.find { it.regionCode == '433124' }");
                Map<String, Object> county = given().header("Authorization", SUPERVISOR)
                        .queryParam("region", "433124").queryParam("from", period.get(0)).queryParam("to", period.get(1))
                        .when().get("/api/v1/cases/statistics").then().statusCode(200).extract().jsonPath().getMap("total");
                assertThat(city).as("%s, folded %s", period, folded).isEqualTo(county);
                assertThat((Integer) county.get("received")).isPositive();
                assertThat((Integer) county.get("closed")).isPositive();
                assertThat((Integer) county.get("answeredOnTheSpot")).isPositive();
            }
            if (!folded) {
                assertThat(tally.fold()).isPositive();
            }
        }
    }

    private long changesNotFolded() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM case_tally_change").getSingleResult()).longValue());
    }
}
