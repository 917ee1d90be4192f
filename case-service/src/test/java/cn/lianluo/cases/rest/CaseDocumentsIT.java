package cn.lianluo.cases.rest;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.PdfText;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The printable 交办单 and 督办函: real PDFs whose Chinese text a PDF reader (poppler's pdftotext) gets back. */
@QuarkusTest
class CaseDocumentsIT {

    static final String REGION = "433124108"; // 边城镇
    static final UUID TOWNSHIP_GOV = SeedIds.of("unit", "gov-433124108");
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);
    static final String SUPERVISOR = TestTokens.bearer("SUPERVISOR", "433124");
    static final String OTHER_COUNTY_STAFF = TestTokens.bearer("STATION_STAFF", "433125");

    @Test
    void the_assignment_sheet_and_the_supervision_notice_carry_the_case_in_chinese() {
        String id = given().contentType(ContentType.JSON).body(Map.of(
                        "title", "村口路面塌陷", "content", "茶峒村村口的水泥路面塌陷了一米多宽,晚上看不清,已经有人摔倒。",
                        "category", "INFRASTRUCTURE", "kind", "HELP", "regionCode", REGION, "channel", "ONLINE",
                        "citizen", Map.of("name", "龙秀英", "phone", "13912345678")))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");

        // nothing to print before a unit has the case, nor a notice before any supervision
        document(id, "assignment-sheet.pdf", STAFF).statusCode(409).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://lianluo.cn/problems/not-assigned"));
        document(id, "supervision-notice.pdf", STAFF).statusCode(409).body("type", equalTo("https://lianluo.cn/problems/not-supervised"));

        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("unitId", TOWNSHIP_GOV, "note", "请三日内组织抢修并设置警示标志"))
                .when().post("/api/v1/cases/" + id + "/assign").then().statusCode(200);
        String sheet = PdfText.of(document(id, "assignment-sheet.pdf", STAFF).statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"assignment-sheet-" + id + ".pdf\"")
                .extract().asByteArray());
        assertThat(sheet).contains("群众诉求交办单", "村口路面塌陷", "边城镇人民政府", "请三日内组织抢修并设置警示标志",
                "龙秀英", "13912345678", "茶峒村村口的水泥路面塌陷");

        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON).body(Map.of("note", "群众反映强烈，请加快办理"))
                .when().post("/api/v1/cases/" + id + "/supervise").then().statusCode(200);
        String notice = PdfText.of(document(id, "supervision-notice.pdf", SUPERVISOR).statusCode(200).extract().asByteArray());
        assertThat(notice).contains("督办函", "边城镇人民政府", "村口路面塌陷", "群众反映强烈，请加快办理");

        // out of the reader's scope: refused as the case itself is, never printed
        int refused = given().header("Authorization", OTHER_COUNTY_STAFF).when().get("/api/v1/cases/" + id)
                .then().extract().statusCode();
        assertThat(refused).isIn(403, 404);
        document(id, "assignment-sheet.pdf", OTHER_COUNTY_STAFF).statusCode(refused);
        document(UUID.randomUUID().toString(), "assignment-sheet.pdf", STAFF).statusCode(404);
        given().when().get("/api/v1/cases/" + id + "/assignment-sheet.pdf").then().statusCode(401);
    }

    static io.restassured.response.ValidatableResponse document(String id, String name, String token) {
        return given().header("Authorization", token).when().get("/api/v1/cases/" + id + "/" + name).then();
    }
}
