package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code Idempotency-Key} on creates: a create sent again with the same key and body (the answer was lost) gets the
 * first answer and makes no second record; the same key with another body is 422; ten at once make one record; without
 * a key every request creates as before; one caller's key never gives another caller's answer. Records are counted in
 * the services' databases. Everything happens in 仁义镇 (431021102), which no other whole-suite test scores.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class IdempotencyIT {

    static final String REGION = "431021102";
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);
    static final String COUNTY = TestTokens.bearer("SUPERVISOR", "431021");
    static final String DEPUTY = SeedIds.of("deputy", "renyi-t1").toString();
    static final String STATION = SeedIds.of("station", "renyi-1").toString();

    /** A request with its own client address (the public rate limit counts per address) and, when given, a key. */
    static Response post(String path, String token, String key, Map<String, Object> body) {
        var request = given().header("X-Forwarded-For", "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255))
                .contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post(path);
    }

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String key() {
        return '"' + UUID.randomUUID().toString() + '"';
    }

    static Map<String, Object> caseBody(String title, String phone) {
        return Map.of("title", title, "content", "村口水井的水发浑,请帮忙反映", "category", "PROPERTY", "kind", "HELP",
                "regionCode", REGION, "channel", "ONLINE", "citizen", Map.of("name", "示例群众", "phone", phone));
    }

    static long count(String database, String sql, Object parameter) throws Exception {
        try (Connection c = ServicesUnderTest.currentInfrastructure().connect(database);
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static long cases(String title) throws Exception {
        return count("cases_gw", "SELECT count(*) FROM citizen_case WHERE title = ?", title);
    }

    /**
     * Sends {@code body} twice with one key, then another body with the same key: the second answer is the first one
     * again (status, body, Location), the third a 422, and {@code records} counts one record all along.
     */
    static Response onceWithOneKey(String path, String token, Map<String, Object> body, Map<String, Object> other,
                                   Callable<Long> records) throws Exception {
        String key = key();
        Response first = post(path, token, key, body);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(records.call()).isEqualTo(1);

        Response again = post(path, token, key, body);
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(201);
        assertThat(again.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(records.call()).isEqualTo(1);

        Response reused = post(path, token, key, other);
        assertThat(reused.statusCode()).as(reused.asString()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.jsonPath().getString("type")).endsWith("/idempotency-key-reused");
        assertThat(records.call()).isEqualTo(1);
        return first;
    }

    @Test
    void an_anonymous_case_sent_again_with_its_key_is_one_case_and_the_same_answer() throws Exception {
        String title = "井水发浑 " + UUID.randomUUID();
        String phone = phone();
        Response first = onceWithOneKey("/api/v1/cases", null, caseBody(title, phone), caseBody(title + " 另一件", phone),
                () -> cases(title));
        assertThat(first.jsonPath().getString("trackingCode")).isNotBlank();
    }

    @Test
    void a_staff_case_sent_again_with_its_key_is_one_case() throws Exception {
        String title = "接待日登记 " + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(caseBody(title, phone()));
        body.put("channel", "RECEPTION");
        Map<String, Object> other = new HashMap<>(body);
        other.put("content", "另一件事");
        onceWithOneKey("/api/v1/cases", STAFF, body, other, () -> cases(title));
    }

    @Test
    void a_suggestion_sent_again_with_its_key_is_one_suggestion() throws Exception {
        String deputy = TestTokens.deputy(REGION, DEPUTY);
        String title = "建议完善农村饮水工程 " + UUID.randomUUID();
        // case-service learns the deputy from deputy.events
        await().atMost(Duration.ofSeconds(60)).until(() -> post("/api/v1/suggestions", deputy, null,
                Map.of("title", "探路 " + UUID.randomUUID(), "content", "试")).statusCode() == 201);
        onceWithOneKey("/api/v1/suggestions", deputy, Map.of("title", title, "content", "建议县里统筹饮水工程维护经费"),
                Map.of("title", title, "content", "另一份建议"),
                () -> count("cases_gw", "SELECT count(*) FROM suggestion WHERE title = ?", title));
    }

    @Test
    void a_reception_sent_again_with_its_key_is_one_reception() throws Exception {
        String note = "接待日 " + UUID.randomUUID();
        onceWithOneKey("/api/v1/stations/" + STATION + "/receptions", STAFF,
                Map.of("date", "2026-04-08", "deputyIds", List.of(DEPUTY), "visitors", 3, "note", note),
                Map.of("date", "2026-04-08", "deputyIds", List.of(DEPUTY), "visitors", 4, "note", note),
                () -> count("station_gw", "SELECT count(*) FROM reception WHERE note = ?", note));
    }

    @Test
    void a_points_correction_sent_again_with_its_key_is_one_ledger_entry() throws Exception {
        // scoring-service learns the deputy from deputy.events
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", COUNTY).queryParam("year", 2026)
                .when().get("/api/v1/points/deputies/" + DEPUTY).statusCode() == 200);
        String reason = "补记调研 " + UUID.randomUUID();
        onceWithOneKey("/api/v1/points/corrections", COUNTY,
                Map.of("deputyId", DEPUTY, "year", 2026, "points", 1, "reason", reason),
                Map.of("deputyId", DEPUTY, "year", 2026, "points", 2, "reason", reason),
                () -> count("scoring_gw", "SELECT count(*) FROM ledger_entry WHERE reason = ?", reason));
    }

    @Test
    void a_livelihood_proposal_sent_again_with_its_key_is_one_project() throws Exception {
        String title = "村道路灯 " + UUID.randomUUID();
        String phone = phone();
        onceWithOneKey("/api/v1/livelihood-projects", null,
                Map.of("title", title, "description", "群众点题", "regionCode", REGION, "year", 2026,
                        "citizen", Map.of("name", "示例群众", "phone", phone)),
                Map.of("title", title, "description", "群众点题,改了内容", "regionCode", REGION, "year", 2026,
                        "citizen", Map.of("name", "示例群众", "phone", phone)),
                () -> count("cases_gw", "SELECT count(*) FROM livelihood_project WHERE title = ?", title));
    }

    @Test
    void ten_requests_at_once_with_one_key_make_one_case_and_no_server_error() throws Exception {
        String title = "同时重发 " + UUID.randomUUID();
        Map<String, Object> body = caseBody(title, phone());
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(pool.submit(() -> post("/api/v1/cases", null, key, body)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> f : sent) {
                statuses.add(f.get().statusCode());
            }
            // the first runs; one arriving while it runs is told 409 (retry later), one after it gets its answer
            assertThat(statuses).contains(201).allSatisfy(s -> assertThat(s).isIn(201, 409));
        } finally {
            pool.shutdownNow();
        }
        assertThat(cases(title)).isEqualTo(1);
        Response retried = post("/api/v1/cases", null, key, body);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(cases(title)).isEqualTo(1);
    }

    @Test
    void without_a_key_every_request_creates_as_before() throws Exception {
        String title = "无键重发 " + UUID.randomUUID();
        Map<String, Object> body = caseBody(title, phone());
        assertThat(post("/api/v1/cases", null, null, body).statusCode()).isEqualTo(201);
        assertThat(post("/api/v1/cases", null, null, body).statusCode()).isEqualTo(201);
        assertThat(cases(title)).isEqualTo(2);
    }

    @Test
    void one_callers_key_never_gives_another_caller_its_answer() throws Exception {
        String title = "他人的键 " + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(caseBody(title, phone()));
        body.put("channel", "RECEPTION");
        String key = key();
        Response staff = post("/api/v1/cases", STAFF, key, body);
        assertThat(staff.statusCode()).isEqualTo(201);

        // another staff member, and an anonymous citizen, with the same key and body: their own new case each
        Response colleague = post("/api/v1/cases", TestTokens.bearer("STATION_STAFF", "431021"), key, body);
        assertThat(colleague.statusCode()).as(colleague.asString()).isEqualTo(201);
        assertThat(colleague.header("Idempotent-Replayed")).isNull();
        assertThat(colleague.jsonPath().getString("id")).isNotEqualTo(staff.jsonPath().getString("id"));
        Map<String, Object> citizen = new HashMap<>(body);
        citizen.put("channel", "ONLINE");
        Response anonymous = post("/api/v1/cases", null, key, citizen);
        assertThat(anonymous.statusCode()).as(anonymous.asString()).isEqualTo(201);
        assertThat(anonymous.header("Idempotent-Replayed")).isNull();
        assertThat(anonymous.jsonPath().getString("trackingCode")).isNotEqualTo(staff.jsonPath().getString("trackingCode"));
        assertThat(cases(title)).isEqualTo(3);

        // and a citizen's answer (with its tracking code) goes to nobody who sends another body under the key
        String mine = key();
        Map<String, Object> mineBody = caseBody("我的诉求 " + UUID.randomUUID(), phone());
        assertThat(post("/api/v1/cases", null, mine, mineBody).statusCode()).isEqualTo(201);
        Response guess = post("/api/v1/cases", null, mine, caseBody("猜的 " + UUID.randomUUID(), phone()));
        assertThat(guess.statusCode()).isEqualTo(422);
        assertThat(guess.asString()).doesNotContain("trackingCode");
    }

    @Test
    void an_empty_or_overlong_key_is_a_400() {
        Map<String, Object> body = caseBody("坏键 " + UUID.randomUUID(), phone());
        for (String bad : List.of("\"\"", "k".repeat(256), "\"a\\qb\"")) {
            Response r = post("/api/v1/cases", null, bad, body);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void a_browser_on_another_origin_may_send_the_key() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key")
                .when().options("/api/v1/cases").then().statusCode(200)
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("Idempotency-Key"));
    }
}
