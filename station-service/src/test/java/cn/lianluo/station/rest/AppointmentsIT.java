package cn.lianluo.station.rest;

import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** 代表有约 at 边城镇's station: slots of a reception day, a citizen's booking, its cancel, the meeting, a no-show. */
@QuarkusTest
class AppointmentsIT {

    static final String BIANCHENG = "433124108";
    static final String STAFF = TestTokens.bearer("STATION_STAFF", BIANCHENG);
    /** The version of the notice on personal data the H5 pages show. */
    static final String NOTICE = "2026-12-01";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "lianluo.notify.key")
    String notifyKey;

    @Test
    void a_citizen_books_a_deputy_on_a_biancheng_reception_day_once_and_cancels_with_the_code() {
        String station = bianchengHub();
        UUID deputy = Deputies.announce(em, BIANCHENG, station);
        String slot = slotOnNextReceptionDay(station, deputy);
        String phone = phone();

        ValidatableResponse booked = book(station, slot, phone).statusCode(201)
                .body("code", notNullValue()).body("status", equalTo("BOOKED")).body("deputyId", equalTo(deputy.toString()));
        String code = booked.extract().path("code");
        String appointment = booked.extract().path("appointmentId");
        assertThat(booked.extract().body().asString()).as("the receipt echoes no personal data").doesNotContain(phone, "张三");
        // stored sealed: neither the phone nor the code is in the row
        String row = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT citizen_name_sealed || citizen_phone_sealed || citizen_phone_hash || code_hash FROM appointment WHERE id = ?1")
                .setParameter(1, UUID.fromString(appointment)).getSingleResult().toString());
        assertThat(row).doesNotContain(phone, code, "张三");

        // the slot (capacity 1) is full now: it leaves the public list
        given().when().get("/api/v1/stations/" + station + "/slots?days=92")
                .then().statusCode(200).body("id", not(hasItem(slot)));

        // the same phone with the same deputy, in another slot: 409 problem
        String other = otherSlot(station, deputy, slot);
        book(station, other, phone).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("appointment-open"));

        // cancel: not with a wrong code, not with another phone, not without a code; then with both
        cancel("WRONGCODE", phone).statusCode(404).contentType("application/problem+json");
        cancel(code, phone()).statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("phone", phone)).when().post("/api/v1/appointments/cancel")
                .then().statusCode(400).contentType("application/problem+json");
        cancel(code.toLowerCase(), phone).statusCode(200).body("status", equalTo("CANCELLED")).body("code", nullValue());
        cancel(code, phone).statusCode(409);

        // cancelled, the phone may book the deputy again
        book(station, other, phone).statusCode(201);
        assertThat(outboxTypes(appointment)).contains("lianluo.station.appointment-booked.v1",
                "lianluo.station.appointment-cancelled.v1");
        outboxEnvelopes(appointment).forEach(e -> assertThat(EventSchemas.problems(e)).as(e).isEmpty());
    }

    @Test
    void a_booking_without_the_consented_notice_is_a_422_naming_the_field_and_one_with_it_keeps_version_and_time() {
        String station = bianchengHub();
        UUID deputy = Deputies.announce(em, BIANCHENG, station);
        String slot = slotOnNextReceptionDay(station, deputy);
        String phone = phone();

        given().contentType(ContentType.JSON).body(Map.of("name", "张三", "phone", phone, "topic", "跨省医保报销"))
                .when().post("/api/v1/stations/" + station + "/slots/" + slot + "/appointments")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("consent-required")).body("errors[0].field", equalTo("consentedNotice"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "张三", "phone", phone, "topic", "跨省医保报销", "consentedNotice", " "))
                .when().post("/api/v1/stations/" + station + "/slots/" + slot + "/appointments")
                .then().statusCode(400).contentType("application/problem+json") // not a version: read as bad input
                .body("errors[0].field", equalTo("consentedNotice"));

        String appointment = book(station, slot, phone).statusCode(201).extract().path("appointmentId");
        Object[] consent = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT consented_notice, consented_at IS NOT NULL FROM appointment WHERE id = ?1")
                .setParameter(1, UUID.fromString(appointment)).getSingleResult());
        assertThat(consent).containsExactly(NOTICE, true);

        // the booking's event carries the phone only sealed for notification-service, and it opens there to the phone
        String envelope = outboxEnvelopes(appointment).get(0);
        assertThat(envelope).doesNotContain(phone).contains("边城镇人大代表联络站");
        assertThat(EventSchemas.problems(envelope)).isEmpty();
        assertThat(new SealedContact(notifyKey).open(sealedCitizen(envelope))).isEqualTo("{\"phone\":\"" + phone + "\"}");
    }

    @Test
    void a_withdrawn_slot_cancels_its_bookings_says_so_in_events_and_takes_no_more() {
        String station = bianchengHub();
        UUID deputy = Deputies.announce(em, BIANCHENG, station);
        String slot = slotOnNextReceptionDay(station, deputy);
        String phone = phone();
        String appointment = book(station, slot, phone).statusCode(201).extract().path("appointmentId");
        String deputyToken = TestTokens.deputy(BIANCHENG, deputy.toString());

        // not another deputy, not staff of another region
        withdraw(station, slot, TestTokens.deputy(BIANCHENG, UUID.randomUUID().toString())).statusCode(403);
        withdraw(station, slot, TestTokens.bearer("STATION_STAFF", "430822")).statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of()).when()
                .post("/api/v1/stations/" + station + "/slots/" + slot + "/withdraw").then().statusCode(401);

        withdraw(station, slot, deputyToken).statusCode(200).body("slotId", equalTo(slot))
                .body("appointmentsCancelled", equalTo(1)).body("withdrawnAt", notNullValue());

        given().header("Authorization", STAFF).when().get("/api/v1/appointments?stationId=" + station + "&size=200")
                .then().statusCode(200).body("items.find { it.id == '" + appointment + "' }.status", equalTo("CANCELLED"));
        // a withdrawn slot cannot be booked, nor withdrawn again, and no list shows it
        book(station, slot, phone()).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("slot-withdrawn"));
        withdraw(station, slot, STAFF).statusCode(409).body("type", containsString("slot-withdrawn"));
        given().queryParam("days", 92).queryParam("full", true).when().get("/api/v1/stations/" + station + "/slots")
                .then().statusCode(200).body("id", not(hasItem(slot)));
        // its citizen may book the deputy again at another time
        book(station, otherSlot(station, deputy, slot), phone).statusCode(201);

        List<String> cancelled = outboxEnvelopes(appointment).stream()
                .filter(e -> e.contains("lianluo.station.appointment-cancelled.v1")).toList();
        assertThat(cancelled).singleElement().asString().contains("\"reason\":\"SLOT_WITHDRAWN\"").doesNotContain(phone);
        assertThat(new SealedContact(notifyKey).open(sealedCitizen(cancelled.get(0)))).contains(phone);
        assertThat(outboxTypes(slot)).contains("lianluo.station.slot-withdrawn.v1");
        outboxEnvelopes(slot).forEach(e -> assertThat(EventSchemas.problems(e)).as(e).isEmpty());
    }

    @Test
    void the_meeting_becomes_one_station_entry_and_says_a_request_remains() {
        String station = bianchengHub();
        UUID deputy = Deputies.announce(em, BIANCHENG, station);
        String slot = slotOnNextReceptionDay(station, deputy);
        String phone = phone();
        String appointment = book(station, slot, phone).statusCode(201).extract().path("appointmentId");

        // not before its day
        meet(appointment, STAFF).statusCode(422).contentType("application/problem+json");
        happened(slot);

        // the deputy records it themself
        ValidatableResponse met = given().header("Authorization", TestTokens.deputy(BIANCHENG, deputy.toString()))
                .contentType(ContentType.JSON)
                .body(Map.of("note", "当面解释了医保报销流程", "request", "跨省医保报销仍未到账,请医保局核实"))
                .when().post("/api/v1/appointments/" + appointment + "/meeting").then();
        met.statusCode(200)
                .body("appointment.status", equalTo("MET"))
                .body("appointment.citizenPhone", equalTo(phone))   // whole, for taking the request in as a case
                .body("requestRemains", equalTo(true))
                .body("reception.deputyIds", equalTo(List.of(deputy.toString())))
                .body("reception.visitors", equalTo(1))
                .body("reception.casesReceived", equalTo(1));
        String reception = met.extract().path("reception.id");
        long entries = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM reception r JOIN appointment a ON a.reception_id = r.id WHERE a.id = ?1")
                .setParameter(1, UUID.fromString(appointment)).getSingleResult()).longValue());
        assertThat(entries).isEqualTo(1);

        // a second meeting is refused and adds no entry
        meet(appointment, STAFF).statusCode(409);
        long forDeputy = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM reception WHERE deputy_ids @> CAST(?1 AS jsonb)")
                .setParameter(1, "[\"" + deputy + "\"]").getSingleResult()).longValue());
        assertThat(forDeputy).isEqualTo(1);

        // staff see it in the station's list, the citizen masked; the deputy sees it among their own
        given().header("Authorization", STAFF).when().get("/api/v1/appointments?stationId=" + station + "&status=MET&size=200")
                .then().statusCode(200).body("items.id", hasItem(appointment))
                .body("items.citizenPhone", everyItem(containsString("****")));
        given().header("Authorization", TestTokens.deputy(BIANCHENG, deputy.toString())).when().get("/api/v1/appointments")
                .then().statusCode(200).body("items.id", hasItem(appointment)).body("items.deputyId", everyItem(equalTo(deputy.toString())));

        List<String> types = outboxTypes(appointment);
        assertThat(types).contains("lianluo.station.appointment-met.v1");
        assertThat(outboxTypes(reception)).contains("lianluo.station.reception-held.v1");
        outboxEnvelopes(appointment).forEach(e -> assertThat(EventSchemas.problems(e)).as(e).isEmpty());
        outboxEnvelopes(appointment).forEach(e -> assertThat(e).doesNotContain(phone));
    }

    @Test
    void a_no_show_is_recorded_by_either_side_once_the_slot_has_begun() {
        String station = bianchengHub();
        UUID deputy = Deputies.announce(em, BIANCHENG, station);
        String slot = slotOnNextReceptionDay(station, deputy);
        String appointment = book(station, slot, phone()).statusCode(201).extract().path("appointmentId");
        noShow(appointment, "CITIZEN_NO_SHOW", STAFF).statusCode(422);
        happened(slot);
        noShow(appointment, "CITIZEN_NO_SHOW", TestTokens.deputy(BIANCHENG, deputy.toString()))
                .statusCode(200).body("status", equalTo("CITIZEN_NO_SHOW")).body("statusName", equalTo("群众未到"));
        noShow(appointment, "DEPUTY_NO_SHOW", STAFF).statusCode(409);
        assertThat(outboxTypes(appointment)).contains("lianluo.station.appointment-missed.v1");
        outboxEnvelopes(appointment).forEach(e -> assertThat(EventSchemas.problems(e)).as(e).isEmpty());

        String second = slotOnNextReceptionDay(station, deputy, 1);
        String other = book(station, second, phone()).statusCode(201).extract().path("appointmentId");
        happened(second);
        noShow(other, "DEPUTY_NO_SHOW", STAFF).statusCode(200).body("status", equalTo("DEPUTY_NO_SHOW"));
    }

    @Test
    void staff_of_another_region_and_other_deputies_are_refused() {
        String station = bianchengHub();
        UUID deputy = Deputies.announce(em, BIANCHENG, station);
        String slot = slotOnNextReceptionDay(station, deputy);
        String appointment = book(station, slot, phone()).statusCode(201).extract().path("appointmentId");
        happened(slot);
        String outside = TestTokens.bearer("STATION_STAFF", "430822");
        meet(appointment, outside).statusCode(403).contentType("application/problem+json");
        meet(appointment, TestTokens.deputy(BIANCHENG, UUID.randomUUID().toString())).statusCode(403);
        given().header("Authorization", outside).when().get("/api/v1/appointments?stationId=" + station)
                .then().statusCode(403);
        given().header("Authorization", outside).contentType(ContentType.JSON)
                .body(Map.of("date", nextReceptionDay(station).toString()))
                .when().post("/api/v1/stations/" + station + "/slots/reception-day").then().statusCode(403);
        given().header("Authorization", TestTokens.deputy(BIANCHENG, UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body(Map.of("deputyId", deputy.toString(), "startsAt", OffsetDateTime.now().plusDays(3).toString()))
                .when().post("/api/v1/stations/" + station + "/slots").then().statusCode(403);
        given().when().get("/api/v1/appointments").then().statusCode(401);
        // still open: none of those touched it
        meet(appointment, STAFF).statusCode(200);
    }

    @Test
    void bad_input_is_a_400_problem() {
        String station = bianchengHub();
        UUID deputy = Deputies.announce(em, BIANCHENG, station);
        String slot = slotOnNextReceptionDay(station, deputy);
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("name", "张三", "phone", "12345", "topic", "道路"),
                Map.<String, Object>of("name", "", "phone", phone(), "topic", "道路"),
                Map.<String, Object>of("name", "张三", "phone", phone()),
                Map.<String, Object>of("name", "张三", "phone", phone(), "topic", "x".repeat(1001)))) {
            given().contentType(ContentType.JSON).body(body).when()
                    .post("/api/v1/stations/" + station + "/slots/" + slot + "/appointments")
                    .then().statusCode(400).contentType("application/problem+json").body("errors", notNullValue());
        }
        given().contentType(ContentType.JSON).body(Map.of("name", "张三", "phone", phone(), "topic", "道路"))
                .when().post("/api/v1/stations/" + station + "/slots/not-a-uuid/appointments").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("deputyId", deputy.toString(), "startsAt", "tomorrow", "minutes", 30))
                .when().post("/api/v1/stations/" + station + "/slots").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("deputyId", deputy.toString(), "startsAt", OffsetDateTime.now().plusDays(2).toString(), "minutes", 1))
                .when().post("/api/v1/stations/" + station + "/slots").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("status", "SOMEONE_LATE"))
                .when().post("/api/v1/appointments/" + UUID.randomUUID() + "/no-show").then().statusCode(400);
        // a day that is not a reception day of the station
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("date", nextReceptionDay(station).plusDays(1).toString()))
                .when().post("/api/v1/stations/" + station + "/slots/reception-day").then().statusCode(422)
                .body("type", containsString("not-a-reception-day"));
    }

    // --- helpers

    private String bianchengHub() {
        return given().queryParam("region", BIANCHENG).queryParam("q", "边城镇人大代表联络站").queryParam("type", "STATION")
                .when().get("/api/v1/stations").then().statusCode(200).extract().path("items[0].id");
    }

    private LocalDate nextReceptionDay(String station) {
        String day = given().queryParam("from", LocalDate.now().plusDays(1).toString()).queryParam("count", 1)
                .when().get("/api/v1/stations/" + station + "/reception-days").then().statusCode(200).extract().path("[0].date");
        return LocalDate.parse(day);
    }

    private String slotOnNextReceptionDay(String station, UUID deputy) {
        return slotOnNextReceptionDay(station, deputy, 0);
    }

    /** Staff open the next reception day's slots (idempotent) and the deputy's {@code nth} one is taken. */
    private String slotOnNextReceptionDay(String station, UUID deputy, int nth) {
        LocalDate day = nextReceptionDay(station);
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("date", day.toString()))
                .when().post("/api/v1/stations/" + station + "/slots/reception-day").then().statusCode(201);
        List<Map<String, Object>> slots = given().queryParam("from", day.toString()).queryParam("days", 1)
                .when().get("/api/v1/stations/" + station + "/slots").then().statusCode(200).extract().path("findAll { it.deputyId == '" + deputy + "' }");
        assertThat(slots).as("the 09:00-12:00 reception cut into 30-minute slots for the deputy").hasSize(6);
        assertThat(slots.get(0).get("startsAt").toString()).startsWith(day + "T09:00").endsWith("+08:00");
        return slots.get(nth).get("id").toString();
    }

    private String otherSlot(String station, UUID deputy, String not) {
        List<String> ids = given().queryParam("days", 92).when().get("/api/v1/stations/" + station + "/slots")
                .then().statusCode(200).extract().path("findAll { it.deputyId == '" + deputy + "' }.id");
        return ids.stream().filter(id -> !id.equals(not)).findFirst().orElseThrow();
    }

    private static ValidatableResponse book(String station, String slot, String phone) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "张三", "phone", phone, "topic", "跨省医保报销", "consentedNotice", NOTICE))
                .when().post("/api/v1/stations/" + station + "/slots/" + slot + "/appointments").then();
    }

    private static ValidatableResponse withdraw(String station, String slot, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("reason", "代表临时参加县人大常委会会议"))
                .when().post("/api/v1/stations/" + station + "/slots/" + slot + "/withdraw").then();
    }

    /** {@code data.citizen.sealed} of an envelope. */
    private static String sealedCitizen(String envelope) {
        return io.restassured.path.json.JsonPath.from(envelope).getString("data.citizen.sealed");
    }

    private static ValidatableResponse cancel(String code, String phone) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code, "phone", phone))
                .when().post("/api/v1/appointments/cancel").then();
    }

    private static ValidatableResponse meet(String appointment, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("note", "见面"))
                .when().post("/api/v1/appointments/" + appointment + "/meeting").then();
    }

    private static ValidatableResponse noShow(String appointment, String status, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("status", status))
                .when().post("/api/v1/appointments/" + appointment + "/no-show").then();
    }

    /** The slot's time has come: moved to an hour ago (the test cannot wait for the reception day). */
    private void happened(String slot) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE appointment_slot SET starts_at = now() - interval '1 hour' WHERE id = ?1")
                .setParameter(1, UUID.fromString(slot)).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> outboxTypes(String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT type FROM outbox WHERE envelope LIKE ?1 ORDER BY seq").setParameter(1, "%" + id + "%").getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<String> outboxEnvelopes(String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT envelope FROM outbox WHERE envelope LIKE ?1 ORDER BY seq").setParameter(1, "%" + id + "%").getResultList());
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
