package cn.lianluo.station.rest;

import cn.lianluo.common.testing.Multipart;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** 六有 evidence: staff of the station's county upload, list, download and delete it; other counties do not see it. */
@QuarkusTest
class StandardEvidenceIT {

    /** A real 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mO4Yq0FAAMgATpd9vnqAAAAAElFTkSuQmCC");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final String STAFF = TestTokens.named("STATION_STAFF", "430822", null, "王晓红");
    static final String OTHER_COUNTY = TestTokens.bearer("STATION_STAFF", "433124");

    /** The file name as a browser sends it, in UTF-8. */
    static final RestAssuredConfig AS_SENT = RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Inject
    EntityManager em;

    static String path(String station, String item) {
        return "/api/v1/stations/" + station + "/standard/" + item + "/evidence";
    }

    static ValidatableResponse upload(String station, String item, String name, byte[] bytes, String type, String token) {
        String boundary = "----lianluo" + UUID.randomUUID();
        return given().config(AS_SENT).header("Authorization", token)
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(Multipart.body(boundary, List.<String[]>of(new String[] {"file", name, type}), List.of(bytes)))
                .when().post(path(station, item)).then();
    }

    static String station() {
        return given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(StationResourceIT.station("刘家坪白族乡佐证测试联络点", "430822207"))
                .when().post("/api/v1/stations")
                .then().statusCode(201).extract().path("id");
    }

    long rows(String station) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM station_evidence WHERE station_id = ?1").setParameter(1, UUID.fromString(station))
                .getSingleResult()).longValue());
    }

    @Test
    void staff_upload_list_download_and_delete_evidence_of_an_item() {
        String station = station();
        String pdf = upload(station, "RULES", "接待制度.pdf", PDF, "application/pdf", STAFF).statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString(path(station, "RULES") + "/"))
                .body("item", equalTo("RULES"))
                .body("name", equalTo("接待制度.pdf"))
                .body("contentType", equalTo("application/pdf"))
                .body("size", equalTo(PDF.length))
                .body("uploadedBy", equalTo("王晓红"))
                .extract().path("id");
        // the bytes decide: a PNG sent as a PDF named .jpg is a PNG, and its name says so
        String png = upload(station, "RULES", "制度上墙.jpg", PNG, "application/pdf", STAFF).statusCode(201)
                .body("contentType", equalTo("image/png"))
                .body("name", equalTo("制度上墙.jpg.png"))
                .extract().path("id");

        given().header("Authorization", STAFF).when().get(path(station, "RULES")).then().statusCode(200)
                .body("$", hasSize(2))
                .body("id", equalTo(List.of(pdf, png)))
                .body("[0].uploadedAt", org.hamcrest.Matchers.notNullValue())
                .body("[1].size", equalTo(PNG.length));
        given().header("Authorization", STAFF).when().get(path(station, "SIGN")).then().statusCode(200)
                .body("$", hasSize(0));

        var got = given().header("Authorization", TestTokens.bearer("SUPERVISOR", "4308"))
                .when().get(path(station, "RULES") + "/" + pdf).then().statusCode(200)
                .contentType("application/pdf")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", equalTo("attachment; filename=\"____.pdf\"; filename*=UTF-8''"
                        + "%E6%8E%A5%E5%BE%85%E5%88%B6%E5%BA%A6.pdf"))
                .extract().asByteArray();
        assertThat(got).isEqualTo(PDF);
        assertThat(given().header("Authorization", STAFF).when().get(path(station, "RULES") + "/" + png)
                .then().statusCode(200).contentType("image/png").extract().asByteArray()).isEqualTo(PNG);
        // a file is evidence of its own item only
        given().header("Authorization", STAFF).when().get(path(station, "SITE") + "/" + pdf).then().statusCode(404)
                .contentType("application/problem+json");

        given().header("Authorization", STAFF).when().delete(path(station, "RULES") + "/" + png).then().statusCode(204);
        given().header("Authorization", STAFF).when().get(path(station, "RULES")).then().statusCode(200)
                .body("id", equalTo(List.of(pdf)));
        given().header("Authorization", STAFF).when().get(path(station, "RULES") + "/" + png).then().statusCode(404);
        given().header("Authorization", STAFF).when().delete(path(station, "RULES") + "/" + png).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(rows(station)).isEqualTo(1);
    }

    @Test
    void staff_of_another_county_neither_upload_nor_read_nor_delete() {
        String station = station();
        String pdf = upload(station, "SITE", "场所.pdf", PDF, "application/pdf", STAFF).statusCode(201).extract().path("id");

        upload(station, "SITE", "场所.pdf", PDF, "application/pdf", OTHER_COUNTY).statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", OTHER_COUNTY).when().get(path(station, "SITE")).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", OTHER_COUNTY).when().get(path(station, "SITE") + "/" + pdf).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", OTHER_COUNTY).when().delete(path(station, "SITE") + "/" + pdf).then().statusCode(403);
        // a deputy is not staff; without a token nothing is shown
        given().header("Authorization", TestTokens.deputy("430822", "d1")).when().get(path(station, "SITE") + "/" + pdf)
                .then().statusCode(403);
        given().when().get(path(station, "SITE") + "/" + pdf).then().statusCode(401);
        assertThat(rows(station)).isEqualTo(1);
    }

    @Test
    void bad_uploads_are_problems_and_keep_nothing() {
        String station = station();
        upload(station, "GARDEN", "x.pdf", PDF, "application/pdf", STAFF).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("item"));
        upload(station, "SITE", "page.html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "image/png", STAFF).statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/unsupported-file-type"));
        upload(station, "SITE", "empty.pdf", new byte[0], "application/pdf", STAFF).statusCode(400)
                .contentType("application/problem+json");
        byte[] over = Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1);
        upload(station, "SITE", "over.png", over, "image/png", STAFF).statusCode(413)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        byte[] eleven = Arrays.copyOf(PNG, 11_000_000);
        upload(station, "SITE", "big.png", eleven, "image/png", STAFF).statusCode(413)
                .contentType("application/problem+json");
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body("{\"file\": \"x\"}")
                .when().post(path(station, "SITE")).then().statusCode(415).contentType("application/problem+json");
        upload(UUID.randomUUID().toString(), "SITE", "x.pdf", PDF, "application/pdf", STAFF).statusCode(404)
                .contentType("application/problem+json");
        assertThat(rows(station)).isZero();
    }

    @Test
    void an_item_keeps_at_most_twenty_files_and_takes_one_again_after_a_delete() {
        String station = station();
        String first = null;
        for (int i = 0; i < 20; i++) {
            String id = upload(station, "RULES", "制度" + i + ".pdf", PDF, "application/pdf", STAFF).statusCode(201)
                    .extract().path("id");
            first = first == null ? id : first;
        }
        upload(station, "RULES", "制度20.pdf", PDF, "application/pdf", STAFF).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("20"));
        upload(station, "SITE", "场所.pdf", PDF, "application/pdf", STAFF).statusCode(201); // another item has room
        assertThat(rows(station)).isEqualTo(21);
        given().header("Authorization", STAFF).when().delete(path(station, "RULES") + "/" + first).then().statusCode(204);
        upload(station, "RULES", "制度20.pdf", PDF, "application/pdf", STAFF).statusCode(201);
        given().header("Authorization", STAFF).when().get(path(station, "RULES")).then().statusCode(200).body("$", hasSize(20));
    }
}
