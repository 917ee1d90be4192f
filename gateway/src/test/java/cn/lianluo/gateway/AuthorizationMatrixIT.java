package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.common.time.Zones;
import cn.lianluo.gateway.PublicApi.Operation;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of the public API × every role (and none) × a caller inside and outside the region of what is
 * asked for (DESIGN §4): no token is 401, a role the operation does not name is 403, outside the caller's region is
 * 403, and a list never carries a row from outside the caller's region (nor, for a handling unit, another unit's case).
 * Inside: 边城镇 (433124108) of 花垣县; outside: 桑植县 (430822) and its 刘家坪白族乡.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class AuthorizationMatrixIT {

    static final String TOWNSHIP = "433124108";
    static final String OUT_TOWNSHIP = "430822207";
    static final List<String> ROLES = List.of("ADMIN", "SUPERVISOR", "STATION_STAFF", "DEPUTY", "HANDLER");
    static final String DEPUTY = SeedIds.of("deputy", "biancheng-t1").toString();
    static final String UNIT = SeedIds.of("unit", "gov-" + TOWNSHIP).toString();
    static final String STATION = SeedIds.of("station", "biancheng-hub").toString();
    static final String PHONE = "13812348888";
    /**
     * Reference data every signed-in caller reads, whatever its region: the published 履职积分 rules and deadline
     * policies (regulations, not records) and the directory of handling units, which lists the units of the caller's
     * region and of the regions above it, where a case can be escalated to.
     */
    static final List<String> REFERENCE = List.of("/api/v1/units", "/api/v1/deadline-policies/{region}", "/api/v1/points/rules/{region}/{year}");
    /**
     * Reads of what is the caller's own, asked without a region: the inbox (站内信) of the account, and the message log
     * and webhook subscriptions of the caller's region. Anyone they name reads them anywhere; what they list is in the
     * caller's own scope (InboxIT, NotificationRulesIT and WebhookIT of notification-service check the rows).
     */
    /**
     * The service's own workings, not a region's records: an ADMIN of any region reads a service's dead letters and
     * their replays (the install is one county's or one province's).
     */
    static final List<String> SERVICE_WIDE = List.of("/api/v1/dead-letters/{service}", "/api/v1/dead-letters/{service}/replays",
            "/api/v1/dead-letters/{service}/{topic}/{partition}/{offset}");
    static final List<String> OWN = List.of("/api/v1/inbox", "/api/v1/inbox/unread-count", "/api/v1/notifications/messages",
            "/api/v1/webhooks");
    /**
     * Reads that answer a caller of another region with nothing rather than a refusal, for the roles named: a deputy's
     * reports to voters (述职评议) are listed as far as the caller's region reaches, and a DEPUTY's appointments at a
     * station are their own there. Outside, the answer is 200 with no items.
     */
    static final Map<String, List<String>> FILTERED = Map.of("/api/v1/activities/reports", ROLES,
            "/api/v1/appointments", List.of("DEPUTY"));

    static final Map<String, String> INSIDE = tokens("433124", TOWNSHIP, DEPUTY, UNIT);
    static final Map<String, String> OUTSIDE = tokens("430822", OUT_TOWNSHIP, SeedIds.of("deputy", "liujiaping-t1").toString(),
            SeedIds.of("unit", "gov-" + OUT_TOWNSHIP).toString());

    static String caseId;
    static String trackingCode;
    static String projectId;
    static String suggestionId;
    static String groupId;
    static String fileId;
    static String evidenceId;
    /** Export jobs of the county asked for by the province's office: a job is its requester's alone. */
    static String rollJobId;
    static String pointsJobId;
    /** A webhook subscription of the township, made by the county's ADMIN. */
    static String webhookId;
    /** The deputy's report to the voters at the township's station (述职评议), and the code voters assess it by. */
    static String reportId;
    static String reportCode;
    /** A draft law open for comment in the township (立法意见征集). */
    static String draftId;
    /** A 代表有约 slot the deputy opened at the township's station, weeks ahead. */
    static String slotId;

    /** Offices at the county, the others in the township (a station's staff, a deputy as themself, a unit's handler). */
    static Map<String, String> tokens(String county, String township, String deputy, String unit) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("ADMIN", TestTokens.bearer("ADMIN", county));
        tokens.put("SUPERVISOR", TestTokens.bearer("SUPERVISOR", county));
        tokens.put("STATION_STAFF", TestTokens.bearer("STATION_STAFF", township));
        tokens.put("DEPUTY", TestTokens.deputy(township, deputy));
        tokens.put("HANDLER", TestTokens.handler(township, unit));
        return tokens;
    }

    /** What there is to ask for in 边城镇: a case the deputy received and the township's unit holds, a project, a suggestion. */
    @BeforeEach
    void somethingToAskFor() {
        if (caseId != null) {
            return;
        }
        // a photo the citizen brought: read by those who read the case
        fileId = given().header("X-Forwarded-For", "192.0.2.78").multiPart("file", "river.png", CaseFilesGatewayIT.PNG, "image/png")
                .when().post("/api/v1/files").then().statusCode(201).extract().path("id");
        Map<String, Object> body = Map.of("title", "河道垃圾", "content", "河道里垃圾多年未清", "category", "PROPERTY", "kind", "HELP",
                "regionCode", TOWNSHIP, "channel", "RECEPTION", "citizen", Map.of("name", "麻先生", "phone", PHONE),
                "attachments", List.of(Map.of("fileId", fileId)));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response r = given().header("Authorization", INSIDE.get("DEPUTY")).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/cases");
            if (r.statusCode() == 201) {
                caseId = r.path("id");
                trackingCode = r.path("trackingCode");
            }
            return caseId != null;
        });
        given().header("Authorization", INSIDE.get("STATION_STAFF")).contentType(ContentType.JSON).body(Map.of("unitId", UNIT))
                .when().post("/api/v1/cases/" + caseId + "/assign").then().statusCode(200);
        // supervised once, so that its 督办函 is there to read
        given().header("Authorization", INSIDE.get("SUPERVISOR")).contentType(ContentType.JSON).body(Map.of("note", "请加快清理"))
                .when().post("/api/v1/cases/" + caseId + "/supervise").then().statusCode(200);
        // a 六有 evidence file of the township's station: read by staff of its region
        evidenceId = given().header("Authorization", INSIDE.get("STATION_STAFF"))
                .multiPart("file", "sign.png", CaseFilesGatewayIT.PNG, "image/png")
                .when().post("/api/v1/stations/" + STATION + "/standard/SIGN/evidence").then().statusCode(201)
                .extract().path("id");
        // the township unit's contact for e-mail, and another system's webhook of the township
        given().header("Authorization", INSIDE.get("ADMIN")).contentType(ContentType.JSON)
                .body(Map.of("regionCode", TOWNSHIP, "email", "zhengfu@biancheng.example.cn"))
                .when().put("/api/v1/notifications/contacts/unit/" + UNIT).then().statusCode(200);
        webhookId = given().header("Authorization", INSIDE.get("ADMIN")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hooks/lianluo", "eventTypes", List.of("lianluo.case.*"),
                        "regionPrefix", TOWNSHIP, "secret", "township-webhook-secret"))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        String province = TestTokens.bearer("ADMIN", "43");
        rollJobId = given().header("Authorization", province).contentType(ContentType.JSON)
                .body(Map.of("kind", "deputy-roll", "region", "433124", "format", "csv"))
                .when().post("/api/v1/deputies/exports").then().statusCode(202).extract().path("id");
        pointsJobId = given().header("Authorization", province).contentType(ContentType.JSON)
                .body(Map.of("kind", "points", "region", "433124", "year", 2026, "format", "csv"))
                .when().post("/api/v1/points/exports").then().statusCode(202).extract().path("id");
        projectId = given().header("X-Forwarded-For", "192.0.2.77").contentType(ContentType.JSON)
                .body(Map.of("title", "河道清理", "description", "群众点题", "regionCode", TOWNSHIP, "year", 2026,
                        "citizen", Map.of("name", "麻先生", "phone", PHONE)))
                .when().post("/api/v1/livelihood-projects").then().statusCode(201).extract().path("id");
        suggestionId = given().header("Authorization", INSIDE.get("DEPUTY")).contentType(ContentType.JSON)
                .body(Map.of("title", "建立河道保洁长效机制", "content", "建议县里统筹河道保洁经费", "caseIds", List.of(caseId)))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
        groupId = given().header("Authorization", INSIDE.get("SUPERVISOR")).contentType(ContentType.JSON)
                .body(Map.of("kind", "EXPERT_TEAM", "name", "边城镇河道治理小组", "regionCode", TOWNSHIP))
                .when().post("/api/v1/groups").then().statusCode(201).extract().path("id");
        given().header("Authorization", INSIDE.get("SUPERVISOR")).contentType(ContentType.JSON)
                .body(Map.of("region", TOWNSHIP, "year", 2026, "quarter", 3)).when().post("/api/v1/points/snapshots")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        LocalDate today = LocalDate.now(Zones.CHINA);
        var report = given().header("Authorization", INSIDE.get("STATION_STAFF")).contentType(ContentType.JSON)
                .body(Map.of("kind", "REPORT", "title", "代表进站报告履职情况", "stationId", STATION, "date", today.toString(),
                        "participantDeputyIds", List.of(DEPUTY), "reportingDeputyId", DEPUTY, "votersPresent", 20))
                .when().post("/api/v1/activities").then().statusCode(201).extract();
        reportId = report.path("id");
        reportCode = report.path("assessmentCode");
        draftId = given().header("Authorization", INSIDE.get("SUPERVISOR")).contentType(ContentType.JSON)
                .body(Map.of("title", "湖南省农村供水条例(草案)", "legislature", "湖南省人大常委会", "regionCode", TOWNSHIP,
                        "opensOn", today.minusDays(1).toString(), "closesOn", today.plusDays(10).toString(),
                        "articles", List.of("第一条 为了保障农村供水安全, 制定本条例。")))
                .when().post("/api/v1/draft-laws").then().statusCode(201).extract().path("id");
        slotId = given().header("Authorization", INSIDE.get("DEPUTY")).contentType(ContentType.JSON)
                .body(Map.of("deputyId", DEPUTY, "startsAt",
                        OffsetDateTime.now(Zones.CHINA).plusDays(40).truncatedTo(ChronoUnit.MINUTES).toString()))
                .when().post("/api/v1/stations/" + STATION + "/slots").then().statusCode(201).extract().path("id");
    }

    static String fill(String path) {
        return path.replace("/regions/{code}", "/regions/" + TOWNSHIP)
                .replace("/stations/{id}", "/stations/" + STATION)
                .replace("/standard/{item}/evidence/{fileId}", "/standard/SIGN/evidence/" + evidenceId)
                .replace("/standard/{item}", "/standard/SIGN")
                .replace("/deputies/exports/{id}", "/deputies/exports/" + rollJobId)
                .replace("/points/exports/{id}", "/points/exports/" + pointsJobId)
                .replace("/deputies/{id}", "/deputies/" + DEPUTY)
                .replace("/points/deputies/{id}", "/points/deputies/" + DEPUTY)
                .replace("/cases/track/{trackingCode}", "/cases/track/" + trackingCode)
                .replace("/cases/{id}", "/cases/" + caseId)
                .replace("/files/{id}", "/files/" + fileId)
                .replace("/suggestions/{id}", "/suggestions/" + suggestionId)
                .replace("/groups/{id}", "/groups/" + groupId)
                .replace("/livelihood-projects/{id}", "/livelihood-projects/" + projectId)
                .replace("/moderation/{kind}/{id}", "/moderation/PROJECT/" + projectId)
                .replace("/deadline-policies/{region}", "/deadline-policies/" + TOWNSHIP)
                .replace("/points/rules/{region}/{year}", "/points/rules/" + TOWNSHIP + "/2026")
                .replace("/points/snapshots/{region}/{year}/{quarter}", "/points/snapshots/" + TOWNSHIP + "/2026/3")
                .replace("/overview/{regionCode}", "/overview/" + TOWNSHIP)
                .replace("/calendar/{year}", "/calendar/2026")
                .replace("/notifications/contacts/{kind}/{id}", "/notifications/contacts/unit/" + UNIT)
                .replace("/webhooks/{id}", "/webhooks/" + webhookId)
                .replace("/activities/by-code/{code}", "/activities/by-code/" + reportCode)
                .replace("/activities/{id}", "/activities/" + reportId)
                .replace("/draft-laws/{id}", "/draft-laws/" + draftId)
                .replace("/dead-letters/{service}/{topic}/{partition}/{offset}", "/dead-letters/deputy/no.such.dlq/0/0")
                .replace("/dead-letters/{service}", "/dead-letters/deputy")
                .replaceAll("\\{[A-Za-z]+}", java.util.UUID.randomUUID().toString());
    }

    static RequestSpecification request(Operation op, String token) {
        RequestSpecification request = given().header("X-Forwarded-For", "192.0.2." + (1 + (int) (Math.random() * 250)));
        if (token != null) {
            request.header("Authorization", token);
        }
        if (op.queryParameters().contains("region")) {
            request.queryParam("region", TOWNSHIP);
        }
        if (op.queryParameters().contains("year")) {
            request.queryParam("year", 2026);
        }
        if (op.queryParameters().contains("phone")) {
            request.queryParam("phone", PHONE);
        }
        if (op.queryParameters().contains("station")) {
            request.queryParam("station", STATION);
        }
        if (op.queryParameters().contains("stationId")) {
            request.queryParam("stationId", STATION);
        }
        if (op.path().equals("/api/v1/activities/reports")) {
            request.queryParam("deputy", DEPUTY);
        }
        if (op.takesJson()) {
            request.contentType(ContentType.JSON).body(op.example().toString());
        } else if (op.takesFile()) {
            request.multiPart("file", "sign.png", CaseFilesGatewayIT.PNG, "image/png"); // the role is checked, not the body
        } else if (op.path().endsWith("/import")) {
            request.contentType("text/csv").body("姓名,性别\n"); // a roll file: the role is checked, not a missing content type
        }
        return request;
    }

    static int status(Operation op, String token) {
        return request(op, token).when().request(op.method(), fill(op.path())).statusCode();
    }

    @Test
    void every_read_answers_200_401_or_403_as_the_callers_role_and_region_say() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Operation op : PublicApi.operations().stream().filter(Operation::isRead).toList()) {
            checked += expect(wrong, op, "no token", null, op.isPublic() ? 200 : 401);
            for (String role : ROLES) {
                boolean named = op.isPublic() || op.roles().contains(role);
                if (op.path().contains("/exports/{id}") || op.path().contains("/{topic}/{partition}/{offset}")) {
                    // the province's job: not found for everyone else, inside the county or not (its requester reads
                    // it: RollExportJobIT, PointsExportJobIT); a dead letter that is not there, likewise (an ADMIN
                    // reads one: DeadLetterReplayIT of deputy-service)
                    checked += expect(wrong, op, role + " inside", INSIDE.get(role), named ? 404 : 403);
                    checked += expect(wrong, op, role + " outside", OUTSIDE.get(role), named ? 404 : 403);
                    continue;
                }
                checked += expect(wrong, op, role + " inside", INSIDE.get(role), named ? 200 : 403);
                if (named && FILTERED.getOrDefault(op.path(), List.of()).contains(role)) {
                    checked += expectNothing(wrong, op, role + " outside", OUTSIDE.get(role));
                    continue;
                }
                boolean everyone = op.isPublic() || REFERENCE.contains(op.path()) || OWN.contains(op.path())
                        || SERVICE_WIDE.contains(op.path());
                checked += expect(wrong, op, role + " outside", OUTSIDE.get(role), everyone ? (named ? 200 : 403) : 403);
            }
        }
        System.out.printf("authorization matrix: %d reads checked%n", checked);
        assertThat(wrong).as("reads answered otherwise than the matrix says").isEmpty();
    }

    @Test
    void every_write_refuses_a_caller_without_a_token_or_without_a_role_it_names() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Operation op : PublicApi.operations().stream().filter(op -> !op.isRead() && !op.isPublic()).toList()) {
            checked += expect(wrong, op, "no token", null, 401);
            for (String role : ROLES) {
                if (!op.roles().contains(role)) {
                    checked += expect(wrong, op, role, INSIDE.get(role), 403);
                }
            }
        }
        System.out.printf("authorization matrix: %d write refusals checked%n", checked);
        assertThat(wrong).as("writes answered otherwise than the matrix says").isEmpty();
    }

    int expect(List<String> wrong, Operation op, String who, String token, int expected) {
        int status = status(op, token);
        if (status != expected) {
            wrong.add(op + " as " + who + ": " + status + ", expected " + expected);
        }
        return 1;
    }

    /** A read that answers 200 with no items. */
    int expectNothing(List<String> wrong, Operation op, String who, String token) {
        Response r = request(op, token).when().request(op.method(), fill(op.path()));
        if (r.statusCode() != 200 || !r.jsonPath().getList("items").isEmpty()) {
            wrong.add(op + " as " + who + ": " + r.statusCode() + " " + r.asString() + ", expected 200 with no items");
        }
        return 1;
    }

    @Test
    void writes_from_outside_the_region_are_403_and_change_nothing() {
        String county = "433124";
        record Write(String role, String method, String path, Map<String, Object> body) {
        }
        List<Write> writes = List.of(
                new Write("SUPERVISOR", "POST", "/api/v1/stations", Map.of("type", "POINT", "name", "越权联络点", "regionCode", TOWNSHIP, "address", "边城镇")),
                new Write("STATION_STAFF", "POST", "/api/v1/stations/" + STATION + "/receptions",
                        Map.of("date", "2026-11-08", "deputyIds", List.of(DEPUTY), "visitors", 3)),
                // staff of another county, and a deputy of theirs, withdraw none of the township's slots
                new Write("STATION_STAFF", "POST", "/api/v1/stations/" + STATION + "/slots/" + slotId + "/withdraw",
                        Map.of("reason", "越权撤销")),
                new Write("DEPUTY", "POST", "/api/v1/stations/" + STATION + "/slots/" + slotId + "/withdraw",
                        Map.of("reason", "越权撤销")),
                new Write("DEPUTY", "PUT", "/api/v1/deputies/" + DEPUTY + "/contact", Map.of("phone", "13700009999")),
                new Write("SUPERVISOR", "PUT", "/api/v1/deputies/" + DEPUTY + "/station", Map.of("stationId", STATION)),
                new Write("DEPUTY", "POST", "/api/v1/cases", Map.of("title", "越权受理", "content", "x", "category", "PROPERTY",
                        "kind", "HELP", "regionCode", TOWNSHIP, "channel", "RECEPTION", "citizen", Map.of("name", "某", "phone", PHONE))),
                new Write("HANDLER", "POST", "/api/v1/cases/" + caseId + "/accept", Map.of()),
                new Write("SUPERVISOR", "POST", "/api/v1/cases/" + caseId + "/supervise", Map.of("note", "越权督办")),
                new Write("DEPUTY", "POST", "/api/v1/suggestions/" + suggestionId + "/rate", Map.of("grade", "A")),
                new Write("DEPUTY", "POST", "/api/v1/suggestions/" + suggestionId + "/co-signers/confirm", Map.of()),
                new Write("ADMIN", "PUT", "/api/v1/calendar/days/2031-07-01", Map.of("working", false, "name", "越权放假")),
                new Write("ADMIN", "PUT", "/api/v1/calendar/2031", Map.of("days", List.of(
                        Map.of("date", "2031-07-01", "working", false, "name", "越权放假")))),
                new Write("SUPERVISOR", "POST", "/api/v1/livelihood-projects/" + projectId + "/progress", Map.of("percent", 10, "milestone", "越权")),
                new Write("DEPUTY", "POST", "/api/v1/livelihood-projects/" + projectId + "/supervisions", Map.of("kind", "FUNDS", "note", "越权监督")),
                new Write("SUPERVISOR", "POST", "/api/v1/points/corrections",
                        Map.of("deputyId", DEPUTY, "year", 2026, "points", 5, "reason", "越权加分")),
                new Write("SUPERVISOR", "PUT", "/api/v1/deadline-policies/" + county, Map.of("assignDays", 1, "handleComplaintDays", 1,
                        "handleEnquiryDays", 1, "urgentHandleDays", 0, "replyDays", 1, "visitDays", 1)),
                new Write("SUPERVISOR", "PUT", "/api/v1/points/rules/" + county + "/2026", Map.of("points", Map.of("STATION_ENTRY", 50),
                        "requiredStationEntries", 1)),
                new Write("ADMIN", "POST", "/api/v1/units", Map.of("name", "越权单位", "regionCode", county, "kind", "DEPARTMENT")),
                // the categories serve a whole province: a county's ADMIN (桑植县's here) sets none
                new Write("ADMIN", "PUT", "/api/v1/cases/categories/OTHER", Map.of("name", "越权分类", "level", "COUNTY")),
                new Write("SUPERVISOR", "POST", "/api/v1/groups", Map.of("kind", "EXPERT_TEAM", "name", "越权小组", "regionCode", TOWNSHIP)),
                new Write("SUPERVISOR", "POST", "/api/v1/points/snapshots", Map.of("region", county, "year", 2026, "quarter", 2)));

        String office = INSIDE.get("SUPERVISOR");
        Map<String, Object> caseBefore = given().header("Authorization", office).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().path("$");
        Map<String, Object> pointsBefore = given().header("Authorization", office).queryParam("year", 2026)
                .when().get("/api/v1/points/deputies/" + DEPUTY).then().statusCode(200).extract().path("$");
        Map<String, Object> deputyBefore = given().header("Authorization", office).when().get("/api/v1/deputies/" + DEPUTY)
                .then().statusCode(200).extract().path("$");
        Object rulesBefore = given().header("Authorization", office).when().get("/api/v1/points/rules/" + county + "/2026")
                .then().statusCode(200).extract().path("$"); // the whole view: a new own version would change inheritedFrom

        List<String> wrong = new ArrayList<>();
        for (Write w : writes) {
            Response r = given().header("Authorization", OUTSIDE.get(w.role())).contentType(ContentType.JSON).body(w.body())
                    .when().request(w.method(), w.path());
            if (r.statusCode() != 403 || !r.contentType().startsWith("application/problem+json")) {
                wrong.add(w.role() + " of 桑植县 " + w.method() + " " + w.path() + ": " + r.statusCode() + " " + r.asString());
            }
        }
        assertThat(wrong).as("writes from outside the region that were not refused").isEmpty();

        assertThat(given().header("Authorization", office).when().get("/api/v1/cases/" + caseId).then().extract().<Map<String, Object>>path("$"))
                .isEqualTo(caseBefore);
        assertThat(given().header("Authorization", office).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + DEPUTY)
                .then().extract().<Map<String, Object>>path("$")).isEqualTo(pointsBefore);
        assertThat(given().header("Authorization", office).when().get("/api/v1/deputies/" + DEPUTY).then().extract().<Map<String, Object>>path("$"))
                .isEqualTo(deputyBefore);
        assertThat(given().header("Authorization", office).when().get("/api/v1/points/rules/" + county + "/2026").then().extract().<Object>path("$"))
                .isEqualTo(rulesBefore);
        assertThat(given().queryParam("days", 92).queryParam("full", true).when().get("/api/v1/stations/" + STATION + "/slots")
                .then().statusCode(200).extract().<List<String>>path("id")).as("the slot is still offered").contains(slotId);
    }

    @Test
    void no_list_carries_a_row_from_outside_the_callers_region_or_another_units_case() {
        List<String> leaks = new ArrayList<>();
        int rows = 0;
        for (Operation op : PublicApi.operations().stream().filter(o -> o.isRead() && !o.isPublic() && !o.path().contains("{")).toList()) {
            for (Map<String, String> side : List.of(INSIDE, OUTSIDE)) {
                for (String role : op.roles()) {
                    String token = side.get(role);
                    Response r = given().header("Authorization", token).queryParam("year", 2026).queryParam("size", 200)
                            .when().get(op.path());
                    if (r.statusCode() != 200 || !r.contentType().startsWith("application/json")) {
                        continue;
                    }
                    Object json = r.path("$");
                    List<?> items = json instanceof List<?> list ? list
                            : json instanceof Map<?, ?> map && map.get("items") instanceof List<?> list ? list : List.of();
                    String scope = side == INSIDE ? (role.equals("ADMIN") || role.equals("SUPERVISOR") ? "433124" : TOWNSHIP)
                            : (role.equals("ADMIN") || role.equals("SUPERVISOR") ? "430822" : OUT_TOWNSHIP);
                    for (Object item : items) {
                        if (!(item instanceof Map<?, ?> row)) {
                            continue;
                        }
                        rows++;
                        Object region = row.get("regionCode");
                        boolean above = op.path().equals("/api/v1/units") && scope.startsWith(String.valueOf(region));
                        if (region != null && !region.toString().startsWith(scope) && !above) {
                            leaks.add(op + " as " + role + " of " + scope + " lists a row of " + region);
                        }
                        if (role.equals("HANDLER") && op.path().equals("/api/v1/cases") && !String.valueOf(row.get("unitId")).equals(
                                side == INSIDE ? UNIT : SeedIds.of("unit", "gov-" + OUT_TOWNSHIP).toString())) {
                            leaks.add("a handler's case list shows a case of unit " + row.get("unitId"));
                        }
                    }
                }
            }
        }
        System.out.printf("authorization matrix: %d listed rows checked for leaks%n", rows);
        assertThat(rows).as("rows the lists returned (the check must see some)").isGreaterThan(50);
        assertThat(leaks).as("rows outside the caller's scope").isEmpty();
    }
}
