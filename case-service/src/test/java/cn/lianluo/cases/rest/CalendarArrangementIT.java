package cn.lianluo.cases.rest;

import cn.lianluo.common.data.CalendarTables;
import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.cache.CacheManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * A year with no official arrangement is computed (provisional); the province's ADMIN loads the State Council's
 * arrangement, which replaces it and is announced; the arrangements shipped in the jar load at every start.
 */
@QuarkusTest
class CalendarArrangementIT {

    static final String PROVINCE_ADMIN = TestTokens.bearer("ADMIN", "43");
    static final String Y2027 = "/api/v1/calendar/2027";

    @Inject
    EntityManager em;
    @Inject
    CacheManager caches;
    @Inject
    CalendarTables tables;

    /** 2027 as no arrangement has been loaded (an earlier run's is taken back). */
    @BeforeEach
    @AfterEach
    void forget2027() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM calendar_day WHERE day BETWEEN DATE '2027-01-01' AND DATE '2027-12-31'").executeUpdate();
            em.createNativeQuery("DELETE FROM calendar_year WHERE year = 2027").executeUpdate();
        });
        caches.getCache("working-calendar").ifPresent(c -> c.invalidateAll().await().indefinitely());
    }

    static Map<String, Object> day(String date, boolean working, String name) {
        return Map.of("date", date, "working", working, "name", name);
    }

    /** A test arrangement for 2027: 元旦, 春节 6–14 February, Saturday 20 February a make-up day. */
    static List<Map<String, Object>> arrangement2027() {
        List<Map<String, Object>> days = new ArrayList<>(List.of(day("2027-01-01", false, "元旦")));
        for (int d = 6; d <= 14; d++) {
            days.add(day("2027-02-" + (d < 10 ? "0" : "") + d, false, "春节"));
        }
        days.add(day("2027-02-20", true, "春节调休上班"));
        return days;
    }

    @Test
    void the_province_admin_loads_2027s_arrangement_which_replaces_the_computed_days_and_is_announced() {
        given().when().get(Y2027).then().statusCode(200)
                .body("$", hasSize(13)).body("provisional", everyItem(equalTo(true)))
                .body("find { it.date == '2027-02-05' }.name", equalTo("春节"));

        try (KafkaTap tap = KafkaTap.open("test.case.events")) {
            given().header("Authorization", PROVINCE_ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("days", arrangement2027())).when().put(Y2027).then().statusCode(200)
                    .body("$", hasSize(11)).body("provisional", everyItem(equalTo(false)));

            var record = tap.await(r -> "calendar".equals(r.key()) && r.value().contains("calendar-arranged")
                    && r.value().contains("\"year\":2027"), Duration.ofSeconds(30));
            EventSchemas.assertValid(record);
            assertThat(record.value()).contains("\"regioncode\":\"43\"", "2027-02-20");
        }

        given().when().get(Y2027).then().statusCode(200)
                .body("$", hasSize(11)).body("provisional", everyItem(equalTo(false)))
                .body("date", not(hasItem("2027-02-05")))
                .body("find { it.date == '2027-02-20' }.working", equalTo(true));
    }

    @Test
    void a_single_day_change_is_announced_too() {
        try (KafkaTap tap = KafkaTap.open("test.case.events")) {
            given().header("Authorization", PROVINCE_ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("working", true, "name", "春节调休上班")).when().put("/api/v1/calendar/days/2027-02-05")
                    .then().statusCode(200).body("provisional", equalTo(false));
            EventSchemas.assertValid(tap.await(r -> r.value().contains("calendar-day-set"), Duration.ofSeconds(30)));
            // the year is still computed, but the day set wins over the computed one
            given().when().get(Y2027).then().body("find { it.date == '2027-02-05' }.working", equalTo(true))
                    .body("find { it.date == '2027-02-06' }.provisional", equalTo(true));

            given().header("Authorization", PROVINCE_ADMIN).when().delete("/api/v1/calendar/days/2027-02-05").then().statusCode(204);
            EventSchemas.assertValid(tap.await(r -> r.value().contains("calendar-day-removed"), Duration.ofSeconds(30)));
            given().when().get(Y2027).then().body("find { it.date == '2027-02-05' }.provisional", equalTo(true));
        }
    }

    @Test
    void only_an_admin_of_the_province_loads_an_arrangement() {
        var body = Map.of("days", arrangement2027());
        given().contentType(ContentType.JSON).body(body).when().put(Y2027).then().statusCode(401);
        for (String token : List.of(TestTokens.bearer("ADMIN", "4331"), TestTokens.bearer("ADMIN", "433124"),
                TestTokens.bearer("SUPERVISOR", "43"), TestTokens.bearer("STATION_STAFF", "43"))) {
            given().header("Authorization", token).contentType(ContentType.JSON).body(body).when().put(Y2027)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().when().get(Y2027).then().body("provisional", everyItem(equalTo(true)));
    }

    @Test
    void an_arrangement_with_a_day_outside_its_year_a_day_twice_or_no_day_off_is_a_422_naming_the_day() {
        List<Map<String, Object>> outside = new ArrayList<>(arrangement2027());
        outside.add(1, day("2028-01-01", false, "元旦"));
        put(Map.of("days", outside)).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("days[1].date"));

        List<Map<String, Object>> twice = new ArrayList<>(arrangement2027());
        twice.add(day("2027-02-06", true, "春节调休上班"));
        put(Map.of("days", twice)).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("days[11].date"));

        put(Map.of("days", List.of(day("2027-02-20", true, "春节调休上班")))).statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("days"));

        given().when().get(Y2027).then().body("provisional", everyItem(equalTo(true)));
    }

    @Test
    void a_malformed_arrangement_is_a_400() {
        put(Map.of("days", List.of())).statusCode(400).contentType("application/problem+json");
        put(Map.of("days", List.of(Map.of("date", "2027-01-01", "working", false)))).statusCode(400)
                .contentType("application/problem+json");
        put(Map.of("days", List.of(Map.of("date", "2027-02-30", "working", false, "name", "春节")))).statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", PROVINCE_ADMIN).contentType(ContentType.JSON).body(Map.of("days", arrangement2027()))
                .when().put("/api/v1/calendar/abc").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
    }

    @Test
    void the_shipped_arrangements_load_once_and_a_year_already_arranged_is_left_alone() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM calendar_day WHERE day = DATE '2025-10-08'").executeUpdate();
            em.createNativeQuery("DELETE FROM calendar_year WHERE year = 2025").executeUpdate();
        });

        assertThat(tables.loadReferenceAtStart()).containsExactly(2025);
        assertThat(tables.loadReferenceAtStart()).isEmpty();

        given().when().get("/api/v1/calendar/2025").then().statusCode(200)
                .body("$", hasSize(33)).body("provisional", everyItem(equalTo(false)))
                .body("find { it.date == '2025-10-08' }.name", equalTo("国庆节、中秋节"));
        given().when().get("/api/v1/calendar/2026").then().body("$", hasSize(39)).body("provisional", everyItem(equalTo(false)));
    }

    io.restassured.response.ValidatableResponse put(Object body) {
        return given().header("Authorization", PROVINCE_ADMIN).contentType(ContentType.JSON).body(body).when().put(Y2027).then();
    }
}
