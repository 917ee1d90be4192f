package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Citizens' data under PIPL (issue 17, items 9–11, 13): the tracking code only for those who handle the case, a code
 * locked after 5 wrong phones without locking a phone's owner out of their own case, names and phones sealed at rest,
 * and what an anonymous write may carry.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class CitizensDataIT {

    static final String TOWNSHIP = "433124108";
    static final String RECEIVER = SeedIds.of("deputy", "biancheng-t9").toString();
    static final String OTHER_DEPUTY = SeedIds.of("deputy", "biancheng-t8").toString();
    static final AtomicInteger CLIENTS = new AtomicInteger();

    /** A client address of its own per request: the per-address limit (20 a minute in tests) stays out of the way. */
    static String client() {
        int n = CLIENTS.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    static Map<String, Object> citizenCase(String name, String phone) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "水渠堵塞", "content", "村东水渠堵塞影响灌溉", "category", "PROPERTY",
                "kind", "HELP", "regionCode", TOWNSHIP, "citizen", Map.of("name", name, "phone", phone)));
        return body;
    }

    static Response submit(Map<String, Object> body) {
        return given().header("X-Forwarded-For", client()).contentType(ContentType.JSON).body(body).when().post("/api/v1/cases");
    }

    static Response track(String code, String phone) {
        return given().header("X-Forwarded-For", client()).queryParam("phone", phone).when().get("/api/v1/cases/track/" + code);
    }

    @Test
    void a_deputy_who_does_not_handle_a_case_sees_no_tracking_code() {
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response r = given().header("Authorization", TestTokens.deputy(TOWNSHIP, RECEIVER)).contentType(ContentType.JSON)
                    .body(citizenCase("龙先生", "13855550001")).when().post("/api/v1/cases");
            if (r.statusCode() == 201) {
                id.set(r.path("id"));
            }
            return id.get() != null;
        });
        given().header("Authorization", TestTokens.deputy(TOWNSHIP, OTHER_DEPUTY)).when().get("/api/v1/cases/" + id.get())
                .then().statusCode(200).body("trackingCode", nullValue()).body("citizen.phone", equalTo("138****0001"));
        given().header("Authorization", TestTokens.deputy(TOWNSHIP, RECEIVER)).when().get("/api/v1/cases/" + id.get())
                .then().statusCode(200).body("trackingCode", org.hamcrest.Matchers.startsWith("LL"))
                .body("citizen.phone", equalTo("13855550001")).body("citizen.name", equalTo("龙先生"));
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", TOWNSHIP)).when().get("/api/v1/cases/" + id.get())
                .then().statusCode(200).body("trackingCode", org.hamcrest.Matchers.startsWith("LL"));
    }

    @Test
    void five_wrong_phones_lock_the_code_for_everyone_and_bogus_lookups_never_lock_out_the_owner() {
        String owner = "13855550002";
        String code = submit(citizenCase("田女士", owner)).then().statusCode(201).extract().path("trackingCode");
        // someone tries 30 made-up codes with the owner's phone (from many addresses): the owner still tracks their case
        for (int i = 0; i < 30; i++) {
            track("LLZZZZZZZ" + (char) ('A' + i % 26) + (i / 26 + 2), owner).then().statusCode(404);
        }
        track(code, owner).then().statusCode(200).body("title", equalTo("水渠堵塞"));
        // five wrong phones for this code: the sixth lookup, with the right phone too, is the same 429
        for (int i = 0; i < 5; i++) {
            track(code, "1390000000" + i).then().statusCode(404);
        }
        Response right = track(code, owner);
        Response wrong = track(code, "13900000009");
        for (Response r : List.of(right, wrong)) {
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(3000L, 3600L);
        }
        assertThat(right.jsonPath().getString("detail")).isEqualTo(wrong.jsonPath().getString("detail"));
        // the rating behind the same code is locked as well
        given().header("X-Forwarded-For", client()).contentType(ContentType.JSON)
                .body(Map.of("phone", owner, "satisfaction", "SATISFIED")).when().post("/api/v1/cases/track/" + code + "/rating")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void a_dump_of_the_cases_database_shows_no_citizens_phone_or_name() throws Exception {
        String phone = "13855550473";
        String name = "符晓岚";
        String id = submit(citizenCase(name, phone)).then().statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", "433124")).when().get("/api/v1/cases/" + id)
                .then().statusCode(200).body("citizen.phone", equalTo(phone)).body("citizen.name", equalTo(name));
        // the same citizen proposes a livelihood project (群众点题)
        given().header("X-Forwarded-For", client()).contentType(ContentType.JSON)
                .body(Map.of("title", "水渠清淤", "description", "群众点题", "regionCode", TOWNSHIP, "year", 2026,
                        "citizen", Map.of("name", name, "phone", phone)))
                .when().post("/api/v1/livelihood-projects").then().statusCode(201);
        List<String> hits = new ArrayList<>();
        try (Connection c = ServicesUnderTest.currentInfrastructure().connect("cases_gw"); Statement s = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
                    + "AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea')")) {
                while (r.next()) {
                    columns.add(new String[]{r.getString(1), r.getString(2)});
                }
            }
            assertThat(columns).isNotEmpty();
            for (String[] col : columns) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + col[0] + "\" WHERE CAST(\"" + col[1] + "\" AS text) LIKE '%"
                        + phone + "%' OR CAST(\"" + col[1] + "\" AS text) LIKE '%" + name + "%'")) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        hits.add(col[0] + "." + col[1]);
                    }
                }
            }
        }
        assertThat(hits).as("columns holding the citizen's whole phone or name").isEmpty();
    }

    @Test
    void an_anonymous_write_carries_only_what_a_citizen_may_set() {
        Map<String, Object> reception = citizenCase("彭先生", "13855550004");
        reception.put("channel", "RECEPTION");
        submit(reception).then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("channel"));
        Map<String, Object> urgent = citizenCase("彭先生", "13855550004");
        urgent.put("urgent", true);
        submit(urgent).then().statusCode(422).body("errors[0].field", equalTo("urgent"));
        Map<String, Object> station = citizenCase("彭先生", "13855550004");
        station.put("stationId", SeedIds.of("station", "biancheng-hub").toString());
        submit(station).then().statusCode(422).body("errors[0].field", equalTo("stationId"));
        for (String url : List.of("javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "http://example.org/a.jpg",
                "https://127.0.0.1/a.jpg", "https://10.1.2.3/a.jpg", "https://192.168.1.1/a.jpg", "https://172.20.0.5/a.jpg",
                "https://localhost/a.jpg", "https://169.254.169.254/latest/meta-data", "https://[::1]/a.jpg", "https://2130706433/a.jpg")) {
            Map<String, Object> attached = citizenCase("彭先生", "13855550004");
            attached.put("attachments", List.of(Map.of("name", "照片.jpg", "contentType", "image/jpeg", "size", 1000, "url", url)));
            submit(attached).then().statusCode(422).body("errors[0].field", equalTo("attachments[0].url"));
        }
        Map<String, Object> fine = citizenCase("彭先生", "13855550004");
        fine.put("channel", "ONLINE");
        fine.put("attachments", List.of(Map.of("name", "照片.jpg", "contentType", "image/jpeg", "size", 1000,
                "url", "https://files.example.org/a.jpg")));
        String id = submit(fine).then().statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", "433124")).when().get("/api/v1/cases/" + id)
                .then().statusCode(200).body("channel", equalTo("ONLINE")).body("urgent", equalTo(false));
        // staff taking a case in still set them
        Map<String, Object> staff = citizenCase("彭先生", "13855550005");
        staff.put("channel", "HOTLINE");
        staff.put("urgent", true);
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", TOWNSHIP)).contentType(ContentType.JSON).body(staff)
                .when().post("/api/v1/cases").then().statusCode(201);
    }

    @Test
    void the_per_phone_limit_reads_the_phone_in_the_body_and_a_token_does_not_lift_public_limits() {
        String phone = "13855550006";
        int status = 0;
        // fixed one-minute windows: a loop that straddles a minute's end needs up to twice the limit
        for (int i = 0; i < 45 && status != 429; i++) {
            status = submit(citizenCase("覃先生", phone)).statusCode();
        }
        assertThat(status).as("submissions with one phone from different addresses").isEqualTo(429);
        // a handling unit's token on the public tracking path is counted like anyone (one address, 20 a minute)
        String handler = TestTokens.handler(TOWNSHIP, SeedIds.of("unit", "gov-" + TOWNSHIP).toString());
        status = 0;
        for (int i = 0; i < 45 && status != 429; i++) {
            status = given().header("X-Forwarded-For", "203.0.113.99").header("Authorization", handler)
                    .queryParam("phone", "1385555" + String.format("%04d", 100 + i))
                    .when().get("/api/v1/cases/track/LLNOSUCHCOD" + i).statusCode();
        }
        assertThat(status).isEqualTo(429);
    }
}
