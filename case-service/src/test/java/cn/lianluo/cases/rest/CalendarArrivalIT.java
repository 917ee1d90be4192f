package cn.lianluo.cases.rest;

import cn.lianluo.cases.calendar.service.CalendarService;
import cn.lianluo.cases.cases.service.CalendarAlerts;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.data.CalendarTables;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.common.time.Zones;
import io.quarkus.cache.CacheManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * What happens around next year's official arrangement, on the real PostgreSQL and Kafka with case-service's clock
 * moved: from 1 November its absence is an alert (an event once a day, the readiness detail, the dashboard's figures),
 * and when it arrives the open deadlines counted on the computed days are counted again and announced.
 */
@QuarkusTest
class CalendarArrivalIT {

    static final String TOPIC = "test.case.events";
    static final String REGION = "433124108"; // 边城镇, 花垣县
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);
    static final String PROVINCE_ADMIN = CalendarArrangementIT.PROVINCE_ADMIN;
    /** The alert of 2027 on 2 November 2026, as case-service names it. */
    static final UUID ALERT_2027_ON_2_NOVEMBER = UUID.nameUUIDFromBytes(
            (CaseEvents.CALENDAR_ARRANGEMENT_MISSING + ":2027:2026-11-02").getBytes(StandardCharsets.UTF_8));

    @Inject
    CaseClock clock;
    @Inject
    CalendarAlerts alerts;
    @Inject
    EntityManager em;
    @Inject
    CacheManager caches;
    @Inject
    CalendarTables tables;
    @Inject
    CalendarService calendars;

    /** 2027 as no arrangement has been loaded, no alert of it written yet, the real time. */
    @BeforeEach
    @AfterEach
    void fresh() {
        clock.reset();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM calendar_day WHERE day BETWEEN DATE '2027-01-01' AND DATE '2027-12-31'").executeUpdate();
            em.createNativeQuery("DELETE FROM calendar_year WHERE year = 2027").executeUpdate();
            em.createNativeQuery("DELETE FROM outbox WHERE id = ?1").setParameter(1, ALERT_2027_ON_2_NOVEMBER).executeUpdate();
        });
        caches.getCache("working-calendar").ifPresent(c -> c.invalidateAll().await().indefinitely());
    }

    void moveTo(String chinaTime) {
        clock.advance(Duration.between(clock.now(), LocalDateTime.parse(chinaTime).atZone(Zones.CHINA).toInstant()));
    }

    io.restassured.response.ValidatableResponse calendarReadiness() {
        return given().when().get("/q/health/ready").then().body("checks.find { it.name == 'calendar' }.status", equalTo("UP"));
    }

    io.restassured.response.ValidatableResponse statistics() {
        return given().header("Authorization", PROVINCE_ADMIN).queryParam("region", "43")
                .when().get("/api/v1/cases/statistics").then().statusCode(200);
    }

    @Test
    void from_1_november_a_missing_next_year_arrangement_is_an_alert_once_a_day_in_readiness_and_on_the_dashboard() {
        moveTo("2026-10-31T12:00");
        assertThat(alerts.current()).isEmpty();
        assertThat(alerts.announce()).isZero();
        calendarReadiness().body("checks.find { it.name == 'calendar' }.data.arrangementMissing", equalTo(""));
        statistics().body("calendarAlerts", empty());

        moveTo("2026-11-02T09:00");
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            assertThat(alerts.announce()).isEqualTo(1);
            assertThat(alerts.announce()).as("once a day").isZero();
            var record = tap.await(r -> "calendar".equals(r.key()) && r.value().contains(ALERT_2027_ON_2_NOVEMBER.toString()),
                    Duration.ofSeconds(30));
            EventSchemas.assertValid(record);
            assertThat(record.value()).contains("calendar-arrangement-missing", "\"year\":2027", "\"since\":\"2026-11-01\"",
                    "\"on\":\"2026-11-02\"");
        }
        // a warning, not an outage: readiness stays UP and says what is missing
        calendarReadiness().body("checks.find { it.name == 'calendar' }.data.arrangementMissing", equalTo("2027"))
                .body("checks.find { it.name == 'calendar' }.data.alert2027", containsString("2027年节假日安排"));
        statistics().body("calendarAlerts[0].kind", equalTo("ARRANGEMENT_MISSING"))
                .body("calendarAlerts[0].year", equalTo(2027)).body("calendarAlerts[0].since", equalTo("2026-11-01"))
                .body("calendarAlerts[0].message", containsString("尚未导入"));

        given().header("Authorization", PROVINCE_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("days", CalendarArrangementIT.arrangement2027())).when().put(CalendarArrangementIT.Y2027)
                .then().statusCode(200);
        assertThat(alerts.current()).isEmpty();
        assertThat(alerts.announce()).isZero();
        calendarReadiness().body("checks.find { it.name == 'calendar' }.data.arrangementMissing", equalTo(""));
        statistics().body("calendarAlerts", empty());
    }

    /**
     * A case received on Thursday 4 February 2027, to be assigned within 1 working day: on the computed days (春节
     * 5–8 February), by Tuesday 9 February.
     */
    String caseBeforeTheSpringFestival() {
        moveTo("2027-02-04T10:00");
        return given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("title", "春节前路灯不亮", "content", "村口路灯坏了一个月，春节前请修好。", "category", "ROADS",
                        "kind", "HELP", "regionCode", REGION, "channel", "ONLINE",
                        "citizen", Map.of("name", "石春花", "phone", "13907435678")))
                .when().post("/api/v1/cases").then().statusCode(201)
                .body("deadlines.ASSIGN.dueDate", equalTo("2027-02-09")).extract().path("id");
    }

    @Test
    void a_deadline_counted_on_the_computed_spring_festival_moves_when_the_arrangement_arrives_and_it_is_announced() {
        String id = caseBeforeTheSpringFestival();

        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            // the official arrangement: 6–14 February off, so Friday 5 February is a working day
            given().header("Authorization", PROVINCE_ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("days", CalendarArrangementIT.arrangement2027())).when().put(CalendarArrangementIT.Y2027)
                    .then().statusCode(200);
            var record = tap.await(r -> "calendar".equals(r.key()) && r.value().contains("calendar-deadlines-recomputed")
                    && r.value().contains(id), Duration.ofSeconds(30));
            EventSchemas.assertValid(record);
            assertThat(record.value()).contains("\"year\":2027", "\"caseId\":\"" + id + "\",\"stage\":\"ASSIGN\","
                    + "\"previousDueDate\":\"2027-02-09\",\"dueDate\":\"2027-02-05\"");
        }
        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .body("deadlines.ASSIGN.dueDate", equalTo("2027-02-05"));
    }

    @Test
    void an_arrangement_shipped_in_a_newer_jar_moves_the_deadlines_too() {
        String id = caseBeforeTheSpringFestival();
        List<CalendarDay> days = CalendarArrangementIT.arrangement2027().stream()
                .map(d -> new CalendarDay(LocalDate.parse((String) d.get("date")), (Boolean) d.get("working"), (String) d.get("name")))
                .toList();
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            // what the start-up loader does with a year a newer jar ships: the days, then the deadlines counted again
            QuarkusTransaction.requiringNew().run(() -> tables.arrange(2027, days, CalendarTables.REFERENCE, clock.now()));
            caches.getCache("working-calendar").ifPresent(c -> c.invalidateAll().await().indefinitely());
            given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then()
                    .body("deadlines.ASSIGN.dueDate", equalTo("2027-02-09"));
            calendars.arrivedFromReference(List.of(2027), clock.now());
            EventSchemas.assertValid(tap.await(r -> r.value().contains("calendar-deadlines-recomputed") && r.value().contains(id),
                    Duration.ofSeconds(30)));
        }
        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .body("deadlines.ASSIGN.dueDate", equalTo("2027-02-05"));
    }
}
