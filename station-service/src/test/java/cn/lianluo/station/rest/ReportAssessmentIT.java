package cn.lianluo.station.rest;

import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** 述职评议: a deputy reports to the voters at a station and the voters assess it, once per phone. */
@QuarkusTest
class ReportAssessmentIT {

    static final String TOWNSHIP = "430822207";
    static final String STAFF = TestTokens.bearer("STATION_STAFF", TOWNSHIP);
    /** Staff of another township of the same county. */
    static final String OTHER_TOWNSHIP = TestTokens.bearer("STATION_STAFF", "430822101");

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    String station() {
        return given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(StationResourceIT.station("刘家坪白族乡述职评议测试联络站", TOWNSHIP))
                .when().post("/api/v1/stations").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> report(String station, UUID deputy, UUID... listeners) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "REPORT");
        body.put("title", "代表进站报告履职情况");
        body.put("stationId", station);
        body.put("date", LocalDate.now().toString());
        body.put("participantDeputyIds", listeners.length == 0 ? List.of(deputy) : List.of(listeners));
        body.put("reportingDeputyId", deputy);
        body.put("votersPresent", 32);
        return body;
    }

    static Map<String, String> assessment(String satisfaction, String phone) {
        return Map.of("satisfaction", satisfaction, "phone", phone);
    }

    @Test
    void three_voters_assessments_of_a_report_are_tallied_and_published() throws Exception {
        String station = station();
        UUID deputy = Deputies.announce(em, TOWNSHIP, station);
        UUID listener = Deputies.announce(em, TOWNSHIP, station);
        try (KafkaTap tap = KafkaTap.open(StationEventsIT.TOPIC)) {
            var created = given().header("Authorization", STAFF).contentType(ContentType.JSON)
                    .body(report(station, deputy, listener))
                    .when().post("/api/v1/activities")
                    .then().statusCode(201)
                    .body("kind", equalTo("REPORT"))
                    .body("kindName", equalTo("代表进站报告履职"))
                    .body("reportingDeputyId", equalTo(deputy.toString()))
                    .body("votersPresent", equalTo(32))
                    // the reporter is a participant even when the request listed only the listener
                    .body("participantDeputyIds", hasItem(deputy.toString()))
                    .body("assessmentCode", matchesPattern("[2-9A-HJ-NP-Z]{10}"))
                    .extract();
            String id = created.path("id");
            String code = created.path("assessmentCode");

            // a voter reads what they are about to assess, without signing in
            given().when().get("/api/v1/activities/by-code/" + code.toLowerCase())
                    .then().statusCode(200).body("title", equalTo("代表进站报告履职情况"))
                    .body("reportingDeputyId", equalTo(deputy.toString()));
            // two on the spot (staff enter them), one on the H5 with the code
            given().header("Authorization", STAFF).contentType(ContentType.JSON)
                    .body(assessment("SATISFIED", "13800001111"))
                    .when().post("/api/v1/activities/" + id + "/assessments")
                    .then().statusCode(201).body("satisfied", equalTo(1)).body("assessed", equalTo(1));
            given().header("Authorization", STAFF).contentType(ContentType.JSON)
                    .body(assessment("UNSATISFIED", "0744-3221100"))
                    .when().post("/api/v1/activities/" + id + "/assessments").then().statusCode(201);
            given().contentType(ContentType.JSON).body(assessment("BASICALLY_SATISFIED", "13900002222"))
                    .when().post("/api/v1/activities/by-code/" + code + "/assessments").then().statusCode(201);

            given().header("Authorization", TestTokens.bearer("SUPERVISOR", "430822")).when()
                    .get("/api/v1/activities/" + id + "/assessments")
                    .then().statusCode(200)
                    .body("satisfied", equalTo(1))
                    .body("basicallySatisfied", equalTo(1))
                    .body("unsatisfied", equalTo(1))
                    .body("assessed", equalTo(3))
                    .body("votersPresent", equalTo(32))
                    .body("satisfactionRate", equalTo(0.6667f));
            // the deputy's reports of the year, as the dossier reads them
            given().header("Authorization", TestTokens.bearer("SUPERVISOR", "430822"))
                    .queryParam("deputy", deputy).queryParam("year", LocalDate.now().getYear())
                    .when().get("/api/v1/activities/reports")
                    .then().statusCode(200).body("items", hasSize(1)).body("items[0].activityId", equalTo(id))
                    .body("items[0].assessed", equalTo(3)).body("items[0].satisfactionRate", equalTo(0.6667f));

            // phones are kept as keyed hashes only
            List<?> stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT phone_hash FROM report_assessment WHERE activity_id = ?1")
                    .setParameter(1, UUID.fromString(id)).getResultList());
            assertThat(stored).hasSize(3).allSatisfy(h -> assertThat((String) h)
                    .doesNotContain("13800001111").doesNotContain("3221100").doesNotContain("13900002222").contains(":"));

            // one event per assessment, each with the counts after it, valid against its schema, naming no phone
            List<ConsumerRecord<String, String>> events = new java.util.ArrayList<>();
            for (int assessed = 1; assessed <= 3; assessed++) {
                int n = assessed;
                events.add(tap.await(r -> id.equals(r.key()) && r.value().contains("report-assessed")
                        && total(r) == n, Duration.ofSeconds(20)));
            }
            for (ConsumerRecord<String, String> record : events) {
                EventSchemas.assertValid(record);
                assertThat(record.value()).doesNotContain("1380000").doesNotContain("3221100").doesNotContain("1390000");
            }
            JsonNode last = mapper.readTree(events.get(2).value()).path("data");
            assertThat(last.path("reportingDeputyId").asText()).isEqualTo(deputy.toString());
            assertThat(last.path("actorRole").asText()).isEqualTo("CITIZEN");
            assertThat(last.path("satisfactionRate").asDouble()).isEqualTo(0.6667);
            // the activity's own event names the reporter, whom scoring-service credits
            ConsumerRecord<String, String> held = tap.await(r -> id.equals(r.key()) && r.value().contains("activity-held"),
                    Duration.ofSeconds(20));
            EventSchemas.assertValid(held);
            assertThat(mapper.readTree(held.value()).path("data").path("reportingDeputyId").asText()).isEqualTo(deputy.toString());
        }
    }

    private int total(ConsumerRecord<String, String> record) {
        try {
            JsonNode data = mapper.readTree(record.value()).path("data");
            return data.path("satisfied").asInt() + data.path("basicallySatisfied").asInt() + data.path("unsatisfied").asInt();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void a_second_assessment_from_the_same_phone_is_refused() {
        String station = station();
        UUID deputy = Deputies.announce(em, TOWNSHIP, station);
        var created = given().header("Authorization", STAFF).contentType(ContentType.JSON).body(report(station, deputy))
                .when().post("/api/v1/activities").then().statusCode(201).extract();
        String id = created.path("id");
        String code = created.path("assessmentCode");
        given().contentType(ContentType.JSON).body(assessment("SATISFIED", "0744-3229901"))
                .when().post("/api/v1/activities/by-code/" + code + "/assessments").then().statusCode(201);
        // the same phone again, written without its dash and entered by staff this time: still one phone
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(assessment("UNSATISFIED", "07443229901"))
                .when().post("/api/v1/activities/" + id + "/assessments")
                .then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(409))
                .body("type", containsString("already-assessed"));
        given().contentType(ContentType.JSON).body(assessment("BASICALLY_SATISFIED", "0744-3229901"))
                .when().post("/api/v1/activities/by-code/" + code + "/assessments").then().statusCode(409);
        // not a phone at all
        given().contentType(ContentType.JSON).body(assessment("SATISFIED", "12345"))
                .when().post("/api/v1/activities/by-code/" + code + "/assessments").then().statusCode(400);
        given().header("Authorization", STAFF).when().get("/api/v1/activities/" + id + "/assessments")
                .then().statusCode(200).body("satisfied", equalTo(1)).body("unsatisfied", equalTo(0))
                .body("assessed", equalTo(1));
    }

    @Test
    void a_report_without_its_deputy_is_a_problem() {
        String station = station();
        UUID deputy = Deputies.announce(em, TOWNSHIP, station);
        Map<String, Object> body = report(station, deputy);
        body.remove("reportingDeputyId");
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("reportingDeputyId"));
        // and another kind names no reporter
        Map<String, Object> survey = report(station, deputy);
        survey.put("kind", "SURVEY");
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(survey)
                .when().post("/api/v1/activities")
                .then().statusCode(400).body("errors[0].field", equalTo("reportingDeputyId"));
        // a survey has no assessments to give
        survey.remove("reportingDeputyId");
        survey.remove("votersPresent");
        String surveyId = given().header("Authorization", STAFF).contentType(ContentType.JSON).body(survey)
                .when().post("/api/v1/activities")
                .then().statusCode(201).body("assessmentCode", nullValue()).extract().path("id");
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(assessment("SATISFIED", "13600004444"))
                .when().post("/api/v1/activities/" + surveyId + "/assessments").then().statusCode(409);
    }

    @Test
    void staff_of_another_township_cannot_act_on_a_report() {
        String station = station();
        UUID deputy = Deputies.announce(em, TOWNSHIP, station);
        given().header("Authorization", OTHER_TOWNSHIP).contentType(ContentType.JSON).body(report(station, deputy))
                .when().post("/api/v1/activities").then().statusCode(403);
        String id = given().header("Authorization", STAFF).contentType(ContentType.JSON).body(report(station, deputy))
                .when().post("/api/v1/activities").then().statusCode(201).body("id", notNullValue()).extract().path("id");
        given().header("Authorization", OTHER_TOWNSHIP).contentType(ContentType.JSON)
                .body(assessment("SATISFIED", "13500005555"))
                .when().post("/api/v1/activities/" + id + "/assessments").then().statusCode(403);
        given().header("Authorization", OTHER_TOWNSHIP).when().get("/api/v1/activities/" + id + "/assessments")
                .then().statusCode(403);
        given().header("Authorization", OTHER_TOWNSHIP).queryParam("deputy", deputy)
                .when().get("/api/v1/activities/reports").then().statusCode(200).body("items", hasSize(0));
        // a deputy reads, never enters, assessments
        given().header("Authorization", TestTokens.bearer("DEPUTY", TOWNSHIP)).contentType(ContentType.JSON)
                .body(assessment("SATISFIED", "13500005555"))
                .when().post("/api/v1/activities/" + id + "/assessments").then().statusCode(403);
        given().header("Authorization", STAFF).when().get("/api/v1/activities/" + id + "/assessments")
                .then().statusCode(200).body("assessed", equalTo(0)).body("satisfactionRate", nullValue());
    }
}
