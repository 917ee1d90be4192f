package cn.lianluo.cases.rest;

import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * 代表有约: what remained after a citizen met a deputy by appointment comes in through the ordinary intake as a case of
 * channel APPOINTMENT naming the appointment; only that channel names one.
 */
@QuarkusTest
class AppointmentChannelIT {

    static final String REGION = "433124108"; // 边城镇
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);

    final String phone = TestPhones.unused();

    Map<String, Object> leftFromMeeting(String channel, UUID appointment) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "跨省医保报销未到账");
        body.put("content", "代表有约见面时反映:在外省住院的医保报销三个月仍未到账,请医保局核实。");
        body.put("category", "INFRASTRUCTURE");
        body.put("kind", "HELP");
        body.put("regionCode", REGION);
        body.put("citizen", Map.of("name", "龙秀英", "phone", phone));
        body.put("channel", channel);
        if (appointment != null) {
            body.put("appointmentId", appointment.toString());
        }
        return body;
    }

    static ValidatableResponse submit(Map<String, Object> body, String token) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.header("Authorization", token);
        }
        return request.when().post("/api/v1/cases").then();
    }

    @Test
    void a_request_left_from_an_appointment_is_a_case_of_channel_appointment_naming_it() {
        UUID appointment = UUID.randomUUID();
        try (KafkaTap tap = KafkaTap.open("test.case.events")) {
            String id = submit(leftFromMeeting("APPOINTMENT", appointment), STAFF).statusCode(201).extract().path("id");
            given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200)
                    .body("channel", equalTo("APPOINTMENT")).body("channelName", equalTo("代表有约"))
                    .body("appointmentId", equalTo(appointment.toString()));
            ConsumerRecord<String, String> received = tap.await(r -> id.equals(r.key())
                    && r.value().contains("\"type\":\"lianluo.case.received.v1\""), Duration.ofSeconds(20));
            EventSchemas.assertValid(received);
            assertThat(received.value()).contains("\"channel\":\"APPOINTMENT\"")
                    .contains("\"appointmentId\":\"" + appointment + "\"");
        }
    }

    @Test
    void only_channel_appointment_names_an_appointment_and_only_staff_choose_it() {
        submit(leftFromMeeting("RECEPTION", UUID.randomUUID()), STAFF).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("appointmentId"));
        submit(leftFromMeeting("APPOINTMENT", null), STAFF).statusCode(201).body("appointmentId", nullValue());
        submit(leftFromMeeting("APPOINTMENT", UUID.randomUUID()), null).statusCode(422)
                .body("type", containsString("staff-only-field"));
    }
}
