package cn.lianluo.cases.rest;

import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.PdfText;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** 立法意见征集: a draft law published for a county, commented on by citizens and deputies, compiled by staff. */
@QuarkusTest
class DraftLawsIT {

    static final String COUNTY = "433124"; // 花垣县
    static final String TOWNSHIP = "433124108"; // 边城镇
    static final String SUPERVISOR = TestTokens.bearer("SUPERVISOR", COUNTY);
    static final String STAFF = TestTokens.bearer("STATION_STAFF", TOWNSHIP);
    static final String OTHER_STAFF = TestTokens.bearer("STATION_STAFF", "430822207"); // 桑植县
    static final String DRAFTS = "/api/v1/draft-laws";
    /** The version of the notice on personal data the H5 pages show. */
    static final String NOTICE = "2026-12-01";

    @Inject
    EntityManager em;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static String publish(LocalDate opens, LocalDate closes) {
        return given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("title", "湖南省乡村振兴促进条例(草案)", "legislature", "湖南省人大常委会", "regionCode", COUNTY,
                        "opensOn", opens.toString(), "closesOn", closes.toString(),
                        "articles", List.of("第一条 为了促进乡村振兴, 制定本条例。", "第二条 县级人民政府应当保障村级公共服务设施建设。")))
                .when().post(DRAFTS).then().statusCode(201).body("articles.number", contains(1, 2)).extract().path("id");
    }

    static ValidatableResponse comment(String draft, Map<String, Object> body, String token) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.when().post(DRAFTS + "/" + draft + "/comments").then();
    }

    static Map<String, Object> citizen(Integer article, String text, String phone) {
        Map<String, Object> body = new HashMap<>(Map.of("text", text, "phone", phone, "name", "石大姐", "regionCode", TOWNSHIP,
                "consentedNotice", NOTICE));
        if (article != null) {
            body.put("article", article);
        }
        return body;
    }

    @Test
    void citizens_and_deputies_comment_staff_compile_assess_and_export_the_summary() throws IOException {
        try (KafkaTap tap = KafkaTap.open("test.case.events")) {
            String draft = publish(today().minusDays(1), today().plusDays(10));
            String deputyId = UUID.randomUUID().toString();
            String deputy = TestTokens.deputy(TOWNSHIP, deputyId);

            // the public sees the open draft of the township's county
            given().queryParam("region", TOWNSHIP).when().get(DRAFTS).then().statusCode(200).body("id", hasItem(draft));
            given().when().get(DRAFTS + "/" + draft).then().statusCode(200).body("open", equalTo(true))
                    .body("legislature", equalTo("湖南省人大常委会"));

            String byCitizen = comment(draft, citizen(2, "建议明确村级公共服务设施的维护经费来源", "13712345601"), null)
                    .statusCode(201).body("by", equalTo("CITIZEN")).extract().path("id");
            String page = comment(draft, citizen(2, "维护经费应由县级财政保障", "13712345602"), null).statusCode(201)
                    .extract().asString();
            String duplicate = io.restassured.path.json.JsonPath.from(page).getString("id");
            assertThat(page).doesNotContain("13712345602").doesNotContain("石大姐");
            String byDeputy = comment(draft, Map.of("article", 1, "text", "建议在第一条中写明农民主体地位"), deputy).statusCode(201)
                    .body("by", equalTo("DEPUTY")).body("deputyId", equalTo(deputyId)).extract().path("id");
            comment(draft, Map.of("text", "整体上赞成"), null).statusCode(400); // a citizen gives a phone
            // ... and agrees to the notice on personal data first, which is kept with the comment and the time
            Map<String, Object> unconsented = citizen(null, "整体上赞成", "13712345604");
            unconsented.remove("consentedNotice");
            comment(draft, unconsented, null).statusCode(422).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.containsString("consent-required"))
                    .body("errors[0].field", equalTo("consentedNotice"));
            Object[] consent = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "SELECT consented_notice, consented_at IS NOT NULL FROM draft_comment WHERE id = ?1")
                    .setParameter(1, UUID.fromString(byCitizen)).getSingleResult());
            assertThat(consent).containsExactly(NOTICE, true);
            Object deputyConsent = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT consented_notice FROM draft_comment WHERE id = ?1")
                    .setParameter(1, UUID.fromString(byDeputy)).getSingleResult());
            assertThat(deputyConsent).isNull();
            comment(draft, citizen(3, "第三条?", "13712345603"), null).statusCode(422); // the draft has two articles

            // the public reads approved comments without names or phones
            String comments = given().when().get(DRAFTS + "/" + draft + "/comments").then().statusCode(200)
                    .body("id", hasItem(byCitizen)).body("id", hasItem(byDeputy)).extract().asString();
            assertThat(comments).doesNotContain("13712345601").doesNotContain("石大姐").doesNotContain("phone");

            // staff merge the duplicate and assess; a reason is required
            given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("into", byCitizen))
                    .when().post(DRAFTS + "/" + draft + "/comments/" + duplicate + "/merge").then().statusCode(200)
                    .body("mergedInto", equalTo(byCitizen));
            assess(draft, duplicate, Map.of("assessment", "ADOPTED", "reason", "x"), STAFF).statusCode(409);
            assess(draft, byCitizen, Map.of("assessment", "ADOPTED"), STAFF).statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
            assess(draft, byCitizen, Map.of("assessment", "ADOPTED", "reason", " "), STAFF).statusCode(400);
            assess(draft, byCitizen, Map.of("assessment", "PARTLY_ADOPTED", "reason", "经费来源已写入修改稿第二条"), STAFF).statusCode(200)
                    .body("assessment", equalTo("PARTLY_ADOPTED")).body("assessmentLabel", equalTo("部分采纳"))
                    .body("phoneMasked", equalTo("137****5601"));
            assess(draft, byDeputy, Map.of("assessment", "NOT_ADOPTED", "reason", "上位法已有规定"), SUPERVISOR).statusCode(200);

            // out of scope: staff of another county, and deputies, do not compile
            assess(draft, byCitizen, Map.of("assessment", "ADOPTED", "reason", "x"), OTHER_STAFF).statusCode(403)
                    .contentType("application/problem+json");
            given().header("Authorization", OTHER_STAFF).when().get(DRAFTS + "/" + draft + "/summary.pdf").then().statusCode(403);
            given().header("Authorization", deputy).when().get(DRAFTS + "/" + draft + "/region-counts").then().statusCode(403);
            // ... but they read the open draft as the public does: its approved comments, no phone
            given().header("Authorization", OTHER_STAFF).when().get(DRAFTS + "/" + draft).then().statusCode(200);
            given().header("Authorization", OTHER_STAFF).queryParam("region", TOWNSHIP).when().get(DRAFTS).then().statusCode(200)
                    .body("id", hasItem(draft));
            assertThat(given().header("Authorization", OTHER_STAFF).when().get(DRAFTS + "/" + draft + "/comments").then()
                    .statusCode(200).body("id", hasItem(byDeputy)).extract().asString()).doesNotContain("phoneMasked");

            // counts per region for the dashboard: the duplicate is merged, so two comments of the township
            given().header("Authorization", SUPERVISOR).when().get(DRAFTS + "/" + draft + "/region-counts").then().statusCode(200)
                    .body("regionCode", contains(TOWNSHIP)).body("comments", contains(2));

            byte[] xlsx = given().header("Authorization", STAFF).queryParam("format", "xlsx").when()
                    .get(DRAFTS + "/" + draft + "/summary.table").then().statusCode(200).extract().asByteArray();
            List<String> texts = new ArrayList<>();
            List<String> results = new ArrayList<>();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("意见内容");
                for (Row row : sheet) {
                    if (row.getRowNum() > 0) {
                        texts.add(row.getCell(7).getStringCellValue());
                        results.add(row.getCell(0).getStringCellValue() + ":" + row.getCell(8).getStringCellValue()
                                + ":" + (int) row.getCell(3).getNumericCellValue());
                    }
                }
            }
            assertThat(texts).containsExactly("建议在第一条中写明农民主体地位", "建议明确村级公共服务设施的维护经费来源");
            assertThat(results).containsExactly("第1条:未采纳:0", "第2条:部分采纳:1");

            String pdf = PdfText.of(given().header("Authorization", STAFF).when().get(DRAFTS + "/" + draft + "/summary.pdf")
                    .then().statusCode(200).contentType("application/pdf").extract().asByteArray());
            assertThat(pdf).contains("立法意见征集汇总表").contains("湖南省人大常委会").contains("农民主体地位").contains("部分采纳");

            // the events: published, commented (the deputy's with its id), assessed, each valid against its schema
            EventSchemas.assertValid(tap.await(r -> draft.equals(r.key()) && r.value().contains("lianluo.case.draft-published.v1"),
                    Duration.ofSeconds(20)));
            ConsumerRecord<String, String> deputyComment = tap.await(r -> draft.equals(r.key())
                    && r.value().contains("lianluo.case.draft-commented.v1") && r.value().contains(byDeputy), Duration.ofSeconds(20));
            EventSchemas.assertValid(deputyComment);
            assertThat(deputyComment.value()).contains("\"deputyId\":\"" + deputyId + "\"");
            ConsumerRecord<String, String> citizenComment = tap.await(r -> draft.equals(r.key())
                    && r.value().contains("lianluo.case.draft-commented.v1") && r.value().contains(byCitizen), Duration.ofSeconds(20));
            EventSchemas.assertValid(citizenComment);
            assertThat(citizenComment.value()).doesNotContain("deputyId").doesNotContain("13712345601").doesNotContain("维护经费");
            EventSchemas.assertValid(tap.await(r -> draft.equals(r.key()) && r.value().contains("lianluo.case.draft-assessed.v1")
                    && r.value().contains("PARTLY_ADOPTED"), Duration.ofSeconds(20)));
            tap.drain(Duration.ofMillis(500)).forEach(EventSchemas::assertValid);
        }
    }

    @Test
    void a_comment_after_the_draft_closed_is_a_conflict() {
        String draft = publish(today().minusDays(20), today().minusDays(1));
        comment(draft, citizen(1, "来晚了的意见", "13712345604"), null).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/draft-closed"));
        comment(draft, Map.of("text", "来晚了"), TestTokens.deputy(TOWNSHIP, UUID.randomUUID().toString())).statusCode(409);
        // no longer on the public list, still on staff's
        given().queryParam("region", TOWNSHIP).when().get(DRAFTS).then().statusCode(200).body("id", not(hasItem(draft)));
        given().header("Authorization", STAFF).when().get(DRAFTS).then().statusCode(200).body("id", hasItem(draft));
    }

    @Test
    void a_comment_with_a_phone_number_or_a_link_waits_in_moderation_unseen() {
        String draft = publish(today(), today().plusDays(5));
        String spam = comment(draft, citizen(null, "低息贷款请加微信 138 1234 5678 或访问 www.daikuan-kuai.cn", "13712345605"), null)
                .statusCode(201).extract().path("id");
        given().when().get(DRAFTS + "/" + draft + "/comments").then().statusCode(200).body("id", not(hasItem(spam)));
        given().header("Authorization", STAFF).when().get("/api/v1/moderation/DRAFT_COMMENT/" + spam).then().statusCode(200)
                .body("state", equalTo("PENDING")).body("flags", contains("LINK", "NUMBER")).body("draftId", equalTo(draft))
                .body("projectId", nullValue())
                .body("history.decision", contains("HOLD"));
        given().header("Authorization", STAFF).queryParam("kind", "DRAFT_COMMENT").queryParam("size", 200).when()
                .get("/api/v1/moderation").then().statusCode(200).body("items.id", hasItem(spam));
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("reason", "贷款广告"))
                .when().post("/api/v1/moderation/DRAFT_COMMENT/" + spam + "/hide").then().statusCode(200).body("state", equalTo("HIDDEN"));
        given().header("Authorization", STAFF).when().get(DRAFTS + "/" + draft + "/comments").then().statusCode(200)
                .body("find { it.id == '" + spam + "' }.moderation", equalTo("HIDDEN"));
        given().header("Authorization", SUPERVISOR).when().get(DRAFTS + "/" + draft + "/region-counts").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void only_a_supervisor_of_the_region_publishes() {
        Map<String, Object> body = Map.of("title", "草案", "legislature", "湖南省人大常委会", "regionCode", COUNTY,
                "opensOn", today().toString(), "closesOn", today().plusDays(3).toString(), "articles", List.of("第一条"));
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(body).when().post(DRAFTS).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", "4308")).contentType(ContentType.JSON).body(body)
                .when().post(DRAFTS).then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).when().post(DRAFTS).then().statusCode(401);
    }

    static ValidatableResponse assess(String draft, String comment, Map<String, Object> body, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post(DRAFTS + "/" + draft + "/comments/" + comment + "/assessment").then();
    }
}
