package cn.lianluo.notification.service;

import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.common.testing.TestEvents;
import cn.lianluo.common.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 代表有约's SMS as the citizen gets them, through the provider adapter to the fake Dysmsapi ({@link FakeDysmsapi}):
 * one reminder however often the booking's event is delivered, none once the booking is cancelled, and one SMS saying
 * so when the deputy's slot is withdrawn. The phone comes sealed in station-service's events, as a case's does.
 */
@QuarkusTest
@TestProfile(DispatchSafetyIT.Aliyun.class)
class AppointmentSmsIT {

    static final String TOPIC = "test.notification-in.station.events";
    static final String REGION = "433124108";
    static final String ADMIN = TestTokens.bearer("ADMIN", "43");
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    Dispatcher dispatcher;
    @Inject
    SealedContact sealer;

    @ConfigProperty(name = "lianluo.notify.sms.aliyun.endpoint")
    URI provider;

    @AfterEach
    void resume() {
        dispatcher.resumeSending();
    }

    @Test
    void a_booking_gets_one_reminder_even_when_its_event_is_delivered_twice() throws Exception {
        UUID station = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        String phone = phone();
        // two hours ahead: the evening before has passed, so the reminder is due at once
        Instant startsAt = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        UUID event = UUID.randomUUID();
        booked(event, station, appointment, startsAt, phone);
        booked(event, station, appointment, startsAt, phone); // redelivered: the same id
        // a later booking at the same station (the same key, so read after both): once it has its message, both were read
        UUID later = UUID.randomUUID();
        booked(UUID.randomUUID(), station, later, startsAt, phone());
        await().atMost(WAIT).until(() -> !messages(later).isEmpty());

        sendUntilFinal(appointment);

        List<Map<String, Object>> written = messages(appointment);
        assertThat(written).hasSize(1);
        assertThat(written.get(0)).containsEntry("rule", "citizen-appointment-reminder").containsEntry("status", "SENT")
                .containsEntry("recipient", "citizen:" + appointment);
        assertThat((String) written.get(0).get("body")).contains("边城镇人大代表联络站").contains("请准时到场");
        assertThat(sentTo(phone)).singleElement().asString().contains("SMS_REMIND").contains("边城镇人大代表联络站");
    }

    @Test
    void a_booking_cancelled_before_its_reminder_is_due_gets_none() throws Exception {
        UUID station = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        String phone = phone();
        Instant startsAt = bookedDaysAhead(station, appointment, phone);

        publish(UUID.randomUUID(), StationEvents.APPOINTMENT_CANCELLED, station, new StationEvents.AppointmentCancelled(
                appointment, UUID.randomUUID(), station, REGION, UUID.randomUUID(), StationEvents.CANCELLED_BY_CITIZEN,
                startsAt, null, null));

        await().atMost(WAIT).until(() -> "SKIPPED".equals(statusOf(appointment, "citizen-appointment-reminder")));
        assertThat(outcomes(messages(appointment).get(0))).containsExactly("CANCELLED");
        dispatcher.dispatchDue();
        assertThat(sentTo(phone)).isEmpty();
    }

    @Test
    void a_withdrawn_slot_tells_its_citizen_once_and_drops_the_reminder() throws Exception {
        UUID station = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        String phone = phone();
        Instant startsAt = bookedDaysAhead(station, appointment, phone);

        UUID cancelled = UUID.randomUUID();
        StationEvents.AppointmentCancelled withdrawn = new StationEvents.AppointmentCancelled(appointment, UUID.randomUUID(),
                station, REGION, UUID.randomUUID(), StationEvents.CANCELLED_SLOT_WITHDRAWN, startsAt, "边城镇人大代表联络站",
                sealed(phone));
        publish(cancelled, StationEvents.APPOINTMENT_CANCELLED, station, withdrawn);
        publish(cancelled, StationEvents.APPOINTMENT_CANCELLED, station, withdrawn); // redelivered

        await().atMost(WAIT).until(() -> statusOf(appointment, "citizen-appointment-withdrawn") != null);
        sendUntilFinal(appointment);

        assertThat(statusOf(appointment, "citizen-appointment-reminder")).isEqualTo("SKIPPED");
        assertThat(messages(appointment)).extracting(m -> m.get("rule"))
                .containsExactlyInAnyOrder("citizen-appointment-reminder", "citizen-appointment-withdrawn");
        assertThat(statusOf(appointment, "citizen-appointment-withdrawn")).isEqualTo("SENT");
        assertThat(sentTo(phone)).singleElement().asString().contains("SMS_WITHDRAWN").contains("边城镇人大代表联络站");
    }

    /** A booking five days ahead, read: its reminder waits, PENDING, for the evening before. Its time. */
    private Instant bookedDaysAhead(UUID station, UUID appointment, String phone) throws Exception {
        Instant startsAt = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        booked(UUID.randomUUID(), station, appointment, startsAt, phone);
        await().atMost(WAIT).until(() -> "PENDING".equals(statusOf(appointment, "citizen-appointment-reminder")));
        return startsAt;
    }

    private void booked(UUID eventId, UUID station, UUID appointment, Instant startsAt, String phone) throws Exception {
        publish(eventId, StationEvents.APPOINTMENT_BOOKED, station, new StationEvents.AppointmentBooked(appointment,
                UUID.randomUUID(), station, REGION, UUID.randomUUID(), startsAt, "边城镇人大代表联络站", sealed(phone)));
    }

    private StationEvents.SealedCitizen sealed(String phone) throws Exception {
        return new StationEvents.SealedCitizen(sealer.seal(MAPPER.writeValueAsString(Map.of("phone", phone))));
    }

    private static void publish(UUID eventId, String type, UUID station, Object data) throws Exception {
        TestEvents.publish(TOPIC, station.toString(), TestEvents.envelope(eventId, "/lianluo/station-service", type,
                station.toString(), REGION, MAPPER.writeValueAsString(data)));
    }

    /** Runs the worker (its schedule is off under this profile) until no message of the appointment is PENDING. */
    private void sendUntilFinal(UUID appointment) {
        await().atMost(WAIT).until(() -> {
            dispatcher.dispatchDue();
            return messages(appointment).stream().noneMatch(m -> "PENDING".equals(m.get("status")));
        });
    }

    static List<Map<String, Object>> messages(UUID appointment) {
        return given().header("Authorization", ADMIN).queryParam("caseId", appointment.toString()).queryParam("size", 50)
                .when().get("/api/v1/notifications/messages").then().statusCode(200).extract().jsonPath().getList("items");
    }

    static Object statusOf(UUID appointment, String rule) {
        return messages(appointment).stream().filter(m -> rule.equals(m.get("rule"))).map(m -> m.get("status"))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    static List<String> outcomes(Map<String, Object> message) {
        return ((List<Map<String, Object>>) message.get("history")).stream().map(a -> (String) a.get("outcome")).toList();
    }

    /** The calls the fake provider got for this phone: "phone templateCode params", one each. */
    private List<String> sentTo(String phone) throws Exception {
        String all = HttpClient.newHttpClient().send(HttpRequest.newBuilder(provider.resolve("sent")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return Arrays.stream(all.split("\n")).filter(line -> line.startsWith(phone + " ")).toList();
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
