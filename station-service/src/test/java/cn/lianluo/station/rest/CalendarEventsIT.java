package cn.lianluo.station.rest;

import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestEvents;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

/** Reception days follow the calendar case-service announces: computed for 2027 until its arrangement arrives. */
@QuarkusTest
class CalendarEventsIT {

    static final String TOPIC = "test.station-in.case.events";

    @Inject
    EntityManager em;

    /** 2027 as no arrangement has reached this database yet (an earlier run's is taken back). */
    @BeforeEach
    void forget2027() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM calendar_day WHERE day BETWEEN DATE '2027-01-01' AND DATE '2027-12-31'").executeUpdate();
            em.createNativeQuery("DELETE FROM calendar_year WHERE year = 2027").executeUpdate();
        });
    }

    String monthlyStationOnThe8th() {
        return given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430822")).contentType(ContentType.JSON)
                .body(Map.of("type", "STATION", "name", "日历测试联络站", "regionCode", "430822207", "address", "刘家坪白族乡某村",
                        "schedules", List.of(Map.of("label", "8号接待日", "kind", "MONTHLY_DAYS", "daysOfMonth", List.of(8),
                                "holidayPolicy", "NEXT_WORKING_DAY", "hours", "09:00-12:00"))))
                .when().post("/api/v1/stations").then().statusCode(201).extract().path("id");
    }

    List<String> receptionDaysFromFebruary2027(String station) {
        return given().queryParam("from", "2027-02-01").queryParam("count", 2)
                .when().get("/api/v1/stations/" + station + "/reception-days").then().statusCode(200).extract().path("date");
    }

    static void publish(String type, String data) {
        TestEvents.publish(TOPIC, "calendar", TestEvents.envelope(UUID.randomUUID(), "/lianluo/case-service", type,
                "calendar", "43", data));
    }

    boolean arranged(int year) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("SELECT 1 FROM calendar_year WHERE year = ?1")
                .setParameter(1, year).getResultList().isEmpty());
    }

    @Test
    void reception_days_of_2027_move_with_the_computed_days_off_then_with_the_arrangement_from_the_event() {
        String station = monthlyStationOnThe8th();
        // computed: 春节 5–8 February 2027 (Friday to Monday) off, so the 8th moves to Tuesday the 9th
        assertThat(receptionDaysFromFebruary2027(station)).containsExactly("2027-02-09", "2027-03-08");

        // a test arrangement: 6–14 February off, Saturday 20 February a make-up day
        StringBuilder days = new StringBuilder("{\"date\":\"2027-01-01\",\"working\":false,\"name\":\"元旦\"}");
        for (int d = 6; d <= 14; d++) {
            days.append(",{\"date\":\"2027-02-").append(d < 10 ? "0" : "").append(d).append("\",\"working\":false,\"name\":\"春节\"}");
        }
        days.append(",{\"date\":\"2027-02-20\",\"working\":true,\"name\":\"春节调休上班\"}");
        publish("lianluo.case.calendar-arranged.v1", "{\"year\":2027,\"days\":[" + days + "],\"at\":\"2026-11-20T02:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> arranged(2027));

        assertThat(receptionDaysFromFebruary2027(station)).containsExactly("2027-02-15", "2027-03-08");
        given().queryParam("from", "2027-02-01").queryParam("count", 1)
                .when().get("/api/v1/stations/" + station + "/reception-days").then().body("moved", contains(true));

        // a day set afterwards: 15 February off too, so the 8th moves on to the 16th
        publish("lianluo.case.calendar-day-set.v1", "{\"date\":\"2027-02-15\",\"working\":false,\"name\":\"春节\",\"at\":\"2026-11-21T02:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> receptionDaysFromFebruary2027(station).get(0).equals("2027-02-16"));
        publish("lianluo.case.calendar-day-removed.v1", "{\"date\":\"2027-02-15\",\"working\":null,\"name\":null,\"at\":\"2026-11-22T02:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> receptionDaysFromFebruary2027(station).get(0).equals("2027-02-15"));
    }

    @Test
    void an_arrangement_with_a_day_outside_its_year_goes_to_the_dead_letter_topic_and_changes_nothing() {
        try (KafkaTap dlq = KafkaTap.open(TOPIC + ".dlq")) {
            publish("lianluo.case.calendar-arranged.v1", "{\"year\":2027,\"days\":[{\"date\":\"2028-01-01\",\"working\":false,"
                    + "\"name\":\"元旦\"}],\"at\":\"2026-11-20T02:00:00Z\"}");
            assertThat(dlq.await(r -> r.value().contains("2028-01-01"), Duration.ofSeconds(30)).value()).contains("calendar-arranged");
        }
        assertThat(arranged(2027)).isFalse();
    }
}
