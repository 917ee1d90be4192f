package cn.lianluo.cases.rest;

import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.lianluo.cases.rest.CaseLoopApiIT.COUNTY_HANDLER;
import static cn.lianluo.cases.rest.CaseLoopApiIT.REGION;
import static cn.lianluo.cases.rest.CaseLoopApiIT.STAFF;
import static cn.lianluo.cases.rest.CaseLoopApiIT.TOWNSHIP_GOV;
import static cn.lianluo.cases.rest.CaseLoopApiIT.TOWNSHIP_HANDLER;
import static cn.lianluo.cases.rest.CaseLoopApiIT.citizenCase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The case list's filters (status, overdue, warned, category, text) narrow the caller's scope and never widen it. Each
 * test marks its cases' titles with a text of its own, so the cases the other tests leave in the database stay out.
 */
@QuarkusTest
class CaseListIT {

    @Inject
    EntityManager em;
    @Inject
    CaseClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A text no other case's title holds, in upper case in the titles (the search ignores case). */
    static String marker() {
        return "mk" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String submit(String title, String category, String token) {
        return submit(title, category, "HELP", token);
    }

    static String submit(String title, String category, String kind, String token) {
        Map<String, Object> body = citizenCase(title);
        body.put("category", category);
        body.put("kind", kind);
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    static void assign(String id) {
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("unitId", TOWNSHIP_GOV, "reason", "属地先行核实"))
                .when().post("/api/v1/cases/" + id + "/assign").then().statusCode(200);
    }

    /** The ids the list answers the token with, for the query parameters given (all of them: one page of 200). */
    static List<String> ids(String token, Map<String, ?> query) {
        return given().header("Authorization", token).queryParams(query).queryParam("size", 200)
                .when().get("/api/v1/cases").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    static Instant instant(String token, String id, String path) {
        return Instant.parse(given().header("Authorization", token).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .extract().<String>path(path));
    }

    /** Moves the case clock to an instant ahead of now. */
    void moveTo(Instant at) {
        Duration ahead = Duration.between(clock.now(), at);
        assertThat(ahead).isPositive();
        clock.advance(ahead);
    }

    @Test
    void status_category_and_text_each_narrow_the_list_and_combine() {
        String m = marker();
        String medical = submit("医保报销 " + m.toUpperCase(), "MEDICAL_INSURANCE", null);
        String dispute = submit("宅基地纠纷 " + m, "DISPUTE", null);
        String percent = submit(m + "_50%达标", "OTHER", null);
        String lookalike = submit(m + "X50Y达标", "OTHER", null);
        String elsewhere = submit("与标记无关的诉求", "DISPUTE", null);
        assign(dispute);

        assertThat(ids(STAFF, Map.of("q", m))).containsExactlyInAnyOrder(medical, dispute, percent, lookalike);
        assertThat(ids(STAFF, Map.of("q", "  " + m.toUpperCase() + " "))).as("trimmed, any case")
                .containsExactlyInAnyOrder(medical, dispute, percent, lookalike);
        // % and _ are the user's characters, not wildcards: m_50% would match mX50Y as a LIKE pattern
        assertThat(ids(STAFF, Map.of("q", m + "_50%"))).containsExactly(percent);
        assertThat(ids(STAFF, Map.of("q", m + "%达标"))).isEmpty();
        assertThat(ids(STAFF, Map.of("q", m, "status", "ASSIGNED"))).containsExactly(dispute);
        assertThat(ids(STAFF, Map.of("q", m, "status", "received"))).containsExactlyInAnyOrder(medical, percent, lookalike);
        assertThat(ids(STAFF, Map.of("q", m, "category", "DISPUTE"))).containsExactly(dispute);
        assertThat(ids(STAFF, Map.of("q", m, "category", "other"))).containsExactlyInAnyOrder(percent, lookalike);
        assertThat(ids(STAFF, Map.of("category", "DISPUTE"))).contains(dispute, elsewhere).doesNotContain(medical, percent);
        assertThat(ids(STAFF, Map.of("q", m, "category", "DISPUTE", "status", "RECEIVED"))).isEmpty();
        // an empty filter is no filter
        assertThat(ids(STAFF, Map.of("q", m, "category", "", "status", " "))).hasSize(4);

        // a whole tracking code finds its case whatever the title, in any case
        String code = given().header("Authorization", STAFF).when().get("/api/v1/cases/" + elsewhere).then()
                .extract().path("trackingCode");
        assertThat(ids(STAFF, Map.of("q", code.toLowerCase()))).containsExactly(elsewhere);
        assertThat(ids(STAFF, Map.of("q", code.substring(0, 8)))).as("part of a code finds nothing").isEmpty();
        // the citizen's name is not searched (张三丰 is every test case's citizen)
        assertThat(ids(STAFF, Map.of("q", "张三丰"))).isEmpty();
    }

    @Test
    void a_text_search_stays_inside_the_callers_scope() {
        String m = marker();
        UUID deputy = Deputies.announce(em, REGION, "TOWNSHIP");
        String deputyToken = TestTokens.deputy(REGION, deputy.toString());
        String assigned = submit("村道塌方 " + m, "ROADS", null);
        String received = submit("灌溉水渠 " + m, "AGRICULTURE", deputyToken);
        String open = submit("垃圾清运 " + m, "ENVIRONMENT", null);
        assign(assigned);

        assertThat(ids(STAFF, Map.of("q", m))).containsExactlyInAnyOrder(assigned, received, open);
        assertThat(ids(TOWNSHIP_HANDLER, Map.of("q", m))).containsExactly(assigned);
        assertThat(ids(TOWNSHIP_HANDLER, Map.of("q", m, "category", "AGRICULTURE"))).isEmpty();
        assertThat(ids(COUNTY_HANDLER, Map.of("q", m))).isEmpty();
        assertThat(ids(deputyToken, Map.of("q", m))).containsExactly(received);
        assertThat(ids(TestTokens.deputy(REGION, UUID.randomUUID().toString()), Map.of("q", m))).isEmpty();
        assertThat(ids(TestTokens.bearer("STATION_STAFF", "430903105"), Map.of("q", m))).isEmpty();
        String code = given().header("Authorization", STAFF).when().get("/api/v1/cases/" + open).then()
                .extract().path("trackingCode");
        assertThat(ids(TOWNSHIP_HANDLER, Map.of("q", code))).as("another unit's case by its code").isEmpty();
    }

    @Test
    void warned_is_the_window_from_the_warning_to_the_deadline_and_leaves_out_overdue_and_paused() {
        String m = marker();
        String assigning = submit("交办阶段 " + m, "OTHER", STAFF);   // RECEIVED: the ASSIGN deadline runs
        String handling = submit("办理阶段 " + m, "OTHER", "COMPLAINT", STAFF); // ASSIGNED: the HANDLE deadline runs
        assign(handling);
        Instant assignWarn = instant(STAFF, assigning, "deadlines.ASSIGN.warnAt");
        Instant assignDue = instant(STAFF, assigning, "deadlines.ASSIGN.dueAt");
        Instant handleWarn = instant(STAFF, handling, "deadlines.HANDLE.warnAt");
        Instant handleDue = instant(STAFF, handling, "deadlines.HANDLE.dueAt");
        // the assignment's window closes before the handling's opens (1 working day against a complaint's 13, so
        // also when the next working day is after a week's holiday)
        assertThat(assignDue).isBefore(handleWarn);

        assertThat(ids(STAFF, Map.of("q", m, "warned", true))).isEmpty();
        assertThat(ids(STAFF, Map.of("q", m, "warned", false))).containsExactlyInAnyOrder(assigning, handling);

        moveTo(assignWarn.plus(Duration.between(assignWarn, assignDue).dividedBy(2)));
        assertThat(ids(STAFF, Map.of("q", m, "warned", true))).containsExactly(assigning);
        assertThat(ids(STAFF, Map.of("q", m, "warned", false))).containsExactly(handling);
        assertThat(ids(STAFF, Map.of("q", m, "overdue", true))).isEmpty();

        moveTo(assignDue.plusSeconds(60));
        assertThat(ids(STAFF, Map.of("q", m, "warned", true))).as("overdue, no longer warned").isEmpty();
        assertThat(ids(STAFF, Map.of("q", m, "overdue", true))).containsExactly(assigning);

        moveTo(handleWarn.plus(Duration.between(handleWarn, handleDue).dividedBy(2)));
        assertThat(ids(STAFF, Map.of("q", m, "warned", true))).containsExactly(handling);
        assertThat(ids(STAFF, Map.of("q", m, "warned", true, "overdue", false))).containsExactly(handling);
        assertThat(ids(STAFF, Map.of("q", m, "warned", false, "overdue", true))).containsExactly(assigning);
        assertThat(ids(TOWNSHIP_HANDLER, Map.of("q", m, "warned", true))).containsExactly(handling);
        assertThat(ids(COUNTY_HANDLER, Map.of("warned", true))).doesNotContain(handling);

        // a paused case's clock stands still: its deadline is not in a warning window
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("reason", "等待当事人补充材料"))
                .when().post("/api/v1/cases/" + handling + "/pause").then().statusCode(200);
        assertThat(ids(STAFF, Map.of("q", m, "warned", true))).isEmpty();
        assertThat(ids(STAFF, Map.of("q", m, "warned", false))).containsExactlyInAnyOrder(assigning, handling);
    }

    @Test
    void bad_filter_values_are_400_problems_naming_the_parameter() {
        Map<String, String> bad = Map.of(
                "warned", "maybe",
                "overdue", "yes",
                "category", "UFO",
                "status", "LOST",
                "q", "长".repeat(101));
        bad.forEach((name, value) -> given().header("Authorization", STAFF).queryParam(name, value)
                .when().get("/api/v1/cases").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(name))
                .body("detail", containsString(name)));
        given().header("Authorization", STAFF).queryParam("category", "UFO").when().get("/api/v1/cases").then()
                .body("errors[0].message", containsString("/api/v1/cases/categories"));
        given().header("Authorization", STAFF).queryParam("q", "长".repeat(100)).when().get("/api/v1/cases").then()
                .statusCode(200).body("total", equalTo(0));
    }
}
