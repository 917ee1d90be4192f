package cn.lianluo.notification.rest;

import cn.lianluo.common.testing.DevTokens;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The in-app inbox (站内信) read through the API by a handling unit, a deputy and station staff. */
@QuarkusTest
class InboxIT {

    @Inject
    EntityManager em;

    /** A township of its own per test, so rows of earlier runs in the shared test database never count. */
    private String township;
    private String unitId;
    private String deputyId;

    @BeforeEach
    void ids() {
        township = "430822" + (100 + ThreadLocalRandom.current().nextInt(899));
        unitId = UUID.randomUUID().toString();
        deputyId = UUID.randomUUID().toString();
    }

    @Test
    void a_unit_reads_its_entries_newest_first_and_the_unread_count_falls() {
        UUID older = entry("unit:" + unitId, township, "交办通知", Instant.parse("2026-11-30T08:00:00Z"));
        UUID newer = entry("unit:" + unitId, township, "催办通知", Instant.parse("2026-12-01T08:00:00Z"));
        entry("unit:" + UUID.randomUUID(), township, "别家的交办", Instant.parse("2026-12-01T09:00:00Z"));
        String handler = TestTokens.handler(township, unitId);

        given().header("Authorization", handler).get("/api/v1/inbox").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains(newer.toString(), older.toString()))
                .body("items.title", contains("催办通知", "交办通知")).body("items.read", contains(false, false));
        unread(handler, 2);

        given().header("Authorization", handler).post("/api/v1/inbox/" + older + "/read").then().statusCode(204);
        unread(handler, 1);
        given().header("Authorization", handler).queryParam("unread", true).get("/api/v1/inbox").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(newer.toString()));
        given().header("Authorization", handler).get("/api/v1/inbox").then().statusCode(200)
                .body("items.read", contains(false, true));

        given().header("Authorization", handler).post("/api/v1/inbox/read-all").then().statusCode(200)
                .body("marked", equalTo(1));
        unread(handler, 0);
    }

    @Test
    void read_marks_are_per_account() {
        UUID id = entry("unit:" + unitId, township, "预警通知", Instant.now());
        String first = account("HANDLER", "handler-a-" + unitId, null, unitId);
        String second = account("HANDLER", "handler-b-" + unitId, null, unitId);

        given().header("Authorization", first).post("/api/v1/inbox/" + id + "/read").then().statusCode(204);

        unread(first, 0);
        unread(second, 1);
    }

    @Test
    void a_deputy_reads_its_own_entries_only() {
        UUID mine = entry("deputy:" + deputyId, township, "表决已开始", Instant.now());
        UUID another = entry("deputy:" + UUID.randomUUID(), township, "进站不足提醒", Instant.now());
        String deputy = TestTokens.deputy(township, deputyId);

        given().header("Authorization", deputy).get("/api/v1/inbox").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(mine.toString()));
        given().header("Authorization", deputy).post("/api/v1/inbox/" + another + "/read").then().statusCode(404);
        given().header("Authorization", deputy).post("/api/v1/inbox/" + UUID.randomUUID() + "/read").then().statusCode(404);
        unread(deputy, 1);
    }

    @Test
    void station_staff_read_the_entries_of_the_stations_in_their_region() {
        UUID inside = entry("station:" + UUID.randomUUID(), township, "接待日收到的案件", Instant.now());
        // the random townships stop at 998: 999 is always another one
        UUID outside = entry("station:" + UUID.randomUUID(), "430822999", "别处的接待日", Instant.now());
        entry("unit:" + unitId, township, "交办通知", Instant.now());
        String staff = TestTokens.bearer("STATION_STAFF", township);

        given().header("Authorization", staff).get("/api/v1/inbox").then().statusCode(200)
                .body("items.id", contains(inside.toString()));
        given().header("Authorization", staff).post("/api/v1/inbox/" + outside + "/read").then().statusCode(404);
        given().header("Authorization", staff).post("/api/v1/inbox/" + inside + "/read").then().statusCode(204);
        unread(staff, 0);
        // the handler of the unit sees its entry, not the station's
        given().header("Authorization", TestTokens.handler(township, unitId)).get("/api/v1/inbox").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].title", equalTo("交办通知"));
    }

    @Test
    void entries_of_other_channels_are_not_in_the_inbox() {
        insert("unit:" + unitId, township, "短信", "SMS", "SENT", Instant.now());
        insert("unit:" + unitId, township, "邮件", "EMAIL", "PENDING", Instant.now());

        unread(TestTokens.handler(township, unitId), 0);
    }

    @Test
    void a_malformed_query_is_a_problem_not_a_server_error() {
        String handler = TestTokens.handler(township, unitId);
        given().header("Authorization", handler).queryParam("unread", "maybe").get("/api/v1/inbox").then()
                .statusCode(400).contentType("application/problem+json");
        given().header("Authorization", handler).post("/api/v1/inbox/not-a-uuid/read").then().statusCode(400);
        given().get("/api/v1/inbox/unread-count").then().statusCode(401);
    }

    private static void unread(String token, int count) {
        given().header("Authorization", token).get("/api/v1/inbox/unread-count").then().statusCode(200)
                .body("unread", equalTo(count));
    }

    private static String account(String role, String subject, String deputy, String unit) {
        return "Bearer " + DevTokens.mint(DevTokens.devKey(), "lianluo",
                new DevTokens.Claims(role, "430822", subject, deputy, unit, 300));
    }

    private UUID entry(String recipient, String region, String title, Instant at) {
        return insert(recipient, region, title, "INBOX", "SENT", at);
    }

    private UUID insert(String recipient, String region, String title, String channel, String status, Instant at) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO message (id, event_id, event_type, rule, recipient, channel, region_code, subject,
                            template, title, body, status, not_before, created_at, sent_at)
                        VALUES (?1, ?2, 'lianluo.case.assigned.v1', 'test', ?3, ?4, ?5, NULL, 'test', ?6, ?7, ?8, ?9, ?9, ?9)""")
                .setParameter(1, id).setParameter(2, UUID.randomUUID()).setParameter(3, recipient)
                .setParameter(4, channel).setParameter(5, region).setParameter(6, title)
                .setParameter(7, title + "：请登录平台查看。").setParameter(8, status).setParameter(9, at)
                .executeUpdate());
        return id;
    }

}
