package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.PdfText;
import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.common.time.Zones;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The seed's practices across the suite, through the gateway: 代表有约 at 边城镇 (station-service books and meets,
 * case-service takes the request in, scoring-service counts the entry), 立法意见征集 (case-service collects and
 * compiles, scoring-service scores the deputy's comment) and 述职评议 (station-service tallies, the gateway's dossier
 * shows it, scoring-service scores the report).
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class PracticesStoriesIT {

    static final String TOWNSHIP = "433124108"; // 边城镇, 花垣县
    static final String STATION = SeedIds.of("station", "biancheng-hub").toString();
    static final String STAFF = TestTokens.bearer("STATION_STAFF", TOWNSHIP);
    static final String SUPERVISOR = TestTokens.bearer("SUPERVISOR", "433124");

    @BeforeEach
    void theSeededDeputiesAreKnown() {
        for (String service : List.of("station-service", "case-service", "scoring-service")) {
            SuiteKafka.awaitConsumed(ServicesUnderTest.group(service), ServicesUnderTest.topic("deputy"), Duration.ofSeconds(90));
        }
    }

    static String deputy(String seedKey) {
        return SeedIds.of("deputy", seedKey).toString();
    }

    static String phone() {
        return "198" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A public request from a client address of its own, so the per-address limits stay out of the way. */
    static io.restassured.specification.RequestSpecification citizen() {
        return given().header("X-Forwarded-For", "203.0.113." + (1 + ThreadLocalRandom.current().nextInt(250)))
                .contentType(ContentType.JSON);
    }

    static ValidatableResponse post(String path, Object body, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    @Test
    void daibiao_youyue_a_citizen_books_a_biancheng_reception_day_once_and_the_meeting_becomes_an_entry_and_a_case() {
        String deputy = deputy("biancheng-t17"); // the hub's, on duty on its reception days
        String deputyToken = TestTokens.deputy(TOWNSHIP, deputy);
        String day = given().queryParam("from", LocalDate.now(Zones.CHINA).plusDays(1).toString()).queryParam("count", 1)
                .when().get("/api/v1/stations/" + STATION + "/reception-days").then().statusCode(200).extract().path("[0].date");
        post("/api/v1/stations/" + STATION + "/slots/reception-day", Map.of("date", day), STAFF).statusCode(201);
        List<String> slots = given().queryParam("from", day).queryParam("days", 1).when().get("/api/v1/stations/" + STATION + "/slots")
                .then().statusCode(200).extract().path("findAll { it.deputyId == '" + deputy + "' }.id");
        assertThat(slots).as("the deputy's slots of the reception day").hasSizeGreaterThanOrEqualTo(2);

        String phone = phone();
        Map<String, Object> booking = Map.of("name", "向大姐", "phone", phone, "topic", "村里饮水管道老化", "consentedNotice", "2026-12-01");
        var receipt = citizen().body(booking).when().post("/api/v1/stations/" + STATION + "/slots/" + slots.get(0) + "/appointments")
                .then().statusCode(201).body("status", equalTo("BOOKED")).extract();
        String appointment = receipt.path("appointmentId");
        assertThat(receipt.<String>path("code")).isNotBlank();
        // one open booking per phone and deputy: the next slot of the same day is refused
        citizen().body(booking).when().post("/api/v1/stations/" + STATION + "/slots/" + slots.get(1) + "/appointments")
                .then().statusCode(409).contentType("application/problem+json").body("type", containsString("appointment-open"));

        int entriesBefore = CaseRulesIT.points(deputy, "STATION_ENTRY");
        int receivedBefore = CaseRulesIT.points(deputy, "CASE_RECEIVED");
        slotHasBegun(slots.get(0)); // the reception day has come (the test cannot wait for it)
        var met = post("/api/v1/appointments/" + appointment + "/meeting",
                Map.of("note", "当面听取了情况", "request", "请水利站更换老化的饮水管道"), deputyToken)
                .statusCode(200).body("requestRemains", equalTo(true)).body("reception.deputyIds", equalTo(List.of(deputy)))
                .extract();
        String reception = met.path("reception.id");
        post("/api/v1/appointments/" + appointment + "/meeting", Map.of("note", "再记一次"), STAFF).statusCode(409);

        // what remains is taken in as a case of channel APPOINTMENT naming the appointment, the deputy its receiver
        String caseId = post("/api/v1/cases", Map.of("title", "饮水管道老化", "content", met.path("appointment.request"),
                "category", "PROPERTY", "kind", "HELP", "regionCode", TOWNSHIP, "channel", "APPOINTMENT",
                "appointmentId", appointment, "citizen", Map.of("name", met.path("appointment.citizenName"),
                        "phone", met.path("appointment.citizenPhone"))), deputyToken)
                .statusCode(201).extract().path("id");
        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("channel", equalTo("APPOINTMENT")).body("channelName", equalTo("代表有约"))
                .body("appointmentId", equalTo(appointment)).body("receivingDeputyId", equalTo(deputy));
        given().header("Authorization", STAFF).queryParam("stationId", STATION).queryParam("status", "MET").queryParam("size", 200)
                .when().get("/api/v1/appointments").then().statusCode(200)
                .body("items.find { it.id == '" + appointment + "' }.receptionId", equalTo(reception));

        // one station entry (进站) for the deputy, the second meeting added none
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseRulesIT.points(deputy, "STATION_ENTRY") > entriesBefore);
        int entryPoints = CaseRulesIT.points(deputy, "STATION_ENTRY") - entriesBefore;
        given().header("Authorization", SUPERVISOR).queryParam("year", FaultsIT.YEAR).when().get("/api/v1/points/rules/" + TOWNSHIP
                + "/" + FaultsIT.YEAR).then().statusCode(200).body("rules.points.STATION_ENTRY", equalTo(entryPoints));
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseRulesIT.points(deputy, "CASE_RECEIVED") > receivedBefore);
    }

    @Test
    void lifa_yijian_a_draft_with_two_articles_gets_a_citizens_and_a_deputys_comment_compiled_exported_and_scored() throws IOException {
        String deputy = deputy("biancheng-t19");
        LocalDate today = LocalDate.now(Zones.CHINA);
        String draft = post("/api/v1/draft-laws", Map.of("title", "湖南省农村供水条例(草案)", "legislature", "湖南省人大常委会",
                "regionCode", "433124", "opensOn", today.toString(), "closesOn", today.plusDays(30).toString(),
                "articles", List.of("第一条 为了保障农村饮水安全, 制定本条例。", "第二条 县级人民政府负责农村供水工程的建设和管护。")),
                SUPERVISOR).statusCode(201).extract().path("id");
        // the public finds it open in 边城镇
        citizen().queryParam("region", TOWNSHIP).when().get("/api/v1/draft-laws").then().statusCode(200).body("id", hasItem(draft));

        int before = CaseRulesIT.points(deputy, "DRAFT_COMMENT");
        String byCitizen = citizen().body(Map.of("article", 2, "text", "建议写明村级供水管网的维修经费由县级财政兜底",
                        "phone", phone(), "name", "龙大哥", "regionCode", TOWNSHIP, "consentedNotice", "2026-12-01"))
                .when().post("/api/v1/draft-laws/" + draft + "/comments").then().statusCode(201).extract().path("id");
        String byDeputy = post("/api/v1/draft-laws/" + draft + "/comments", Map.of("article", 1, "text", "建议第一条增加保障饮水公平的表述"),
                TestTokens.deputy(TOWNSHIP, deputy)).statusCode(201).body("by", equalTo("DEPUTY")).extract().path("id");

        // the station compiles: one adopted in part, one not, each with its reason
        post("/api/v1/draft-laws/" + draft + "/comments/" + byCitizen + "/assessment",
                Map.of("assessment", "PARTLY_ADOPTED", "reason", "维修经费条款已纳入修改稿"), STAFF).statusCode(200);
        post("/api/v1/draft-laws/" + draft + "/comments/" + byDeputy + "/assessment",
                Map.of("assessment", "NOT_ADOPTED", "reason", "总则已有规定"), STAFF).statusCode(200);

        byte[] xlsx = given().header("Authorization", STAFF).queryParam("format", "xlsx").when()
                .get("/api/v1/draft-laws/" + draft + "/summary.table").then().statusCode(200).extract().asByteArray();
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                row.forEach(cell -> cells.add(cell.toString()));
            }
        }
        assertThat(cells).contains("建议写明村级供水管网的维修经费由县级财政兜底", "建议第一条增加保障饮水公平的表述", "部分采纳", "未采纳");
        String pdf = PdfText.of(given().header("Authorization", STAFF).when().get("/api/v1/draft-laws/" + draft + "/summary.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray());
        assertThat(pdf).contains("湖南省农村供水条例", "维修经费", "饮水公平");

        // the deputy's comment is a scored fact; the citizen's scores no one
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseRulesIT.points(deputy, "DRAFT_COMMENT") > before);
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/points/rules/" + TOWNSHIP + "/" + FaultsIT.YEAR).then()
                .statusCode(200).body("rules.points.DRAFT_COMMENT", equalTo(CaseRulesIT.points(deputy, "DRAFT_COMMENT") - before));
    }

    @Test
    void shuzhi_pingyi_three_voters_assess_a_report_and_it_shows_in_the_deputys_dossier() {
        String deputy = deputy("biancheng-t20");
        int before = CaseRulesIT.points(deputy, "ACTIVITY_REPORT");
        var report = post("/api/v1/activities", Map.of("kind", "REPORT", "title", "向选民报告履职情况", "stationId", STATION,
                "date", LocalDate.now(Zones.CHINA).toString(), "participantDeputyIds", List.of(deputy), "reportingDeputyId", deputy,
                "votersPresent", 25), STAFF).statusCode(201).extract();
        String id = report.path("id");
        String code = report.path("assessmentCode");

        // two on the spot, one on the H5 with the code; the same phone again is refused
        String phone = phone();
        post("/api/v1/activities/" + id + "/assessments", Map.of("satisfaction", "SATISFIED", "phone", phone), STAFF).statusCode(201);
        post("/api/v1/activities/" + id + "/assessments", Map.of("satisfaction", "UNSATISFIED", "phone", phone()), STAFF).statusCode(201);
        citizen().when().get("/api/v1/activities/by-code/" + code).then().statusCode(200).body("title", equalTo("向选民报告履职情况"));
        citizen().body(Map.of("satisfaction", "BASICALLY_SATISFIED", "phone", phone())).when()
                .post("/api/v1/activities/by-code/" + code + "/assessments").then().statusCode(201);
        citizen().body(Map.of("satisfaction", "UNSATISFIED", "phone", phone)).when()
                .post("/api/v1/activities/by-code/" + code + "/assessments").then().statusCode(409).contentType("application/problem+json");

        // 一人一档: the report with its three assessments and the rate
        given().header("Authorization", SUPERVISOR).queryParam("year", FaultsIT.YEAR).when().get("/api/v1/deputies/" + deputy + "/dossier")
                .then().statusCode(200)
                .body("reports.find { it.activityId == '" + id + "' }.assessed", equalTo(3))
                .body("reports.find { it.activityId == '" + id + "' }.satisfied", equalTo(1))
                .body("reports.find { it.activityId == '" + id + "' }.basicallySatisfied", equalTo(1))
                .body("reports.find { it.activityId == '" + id + "' }.unsatisfied", equalTo(1))
                .body("reports.find { it.activityId == '" + id + "' }.satisfactionRate", equalTo(0.6667f));
        // and a scored fact of the reporting deputy
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseRulesIT.points(deputy, "ACTIVITY_REPORT") > before);
    }

    /** The slot's time has come: moved to an hour ago in station-service's database. */
    static void slotHasBegun(String slot) {
        try (Connection c = ServicesUnderTest.currentInfrastructure().connect("station_gw");
             PreparedStatement s = c.prepareStatement("UPDATE appointment_slot SET starts_at = now() - interval '1 hour' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(slot));
            assertThat(s.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
