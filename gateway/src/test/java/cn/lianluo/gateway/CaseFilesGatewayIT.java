package cn.lianluo.gateway;

import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A citizen's photo through the gateway: uploaded without a token, streamed to case-service, read by staff only. */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class CaseFilesGatewayIT {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mO4Yq0FAAMgATpd9vnqAAAAAElFTkSuQmCC");
    static final AtomicInteger CLIENTS = new AtomicInteger();

    static String client() {
        int n = CLIENTS.incrementAndGet();
        return "203.0." + (100 + n / 250) + "." + (1 + n % 250);
    }

    /** As a phone's browser sends a form with one file: the file name in UTF-8. */
    static io.restassured.response.Response upload(String name, byte[] content) {
        String boundary = "----lianluo" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("X-Forwarded-For", client()).contentType("multipart/form-data; boundary=" + boundary)
                .body(body.toByteArray()).when().post("/api/v1/files");
    }

    @Test
    void a_citizens_photo_reaches_the_case_and_only_those_who_read_it() {
        String fileId = upload("村口积水.png", PNG).then().statusCode(201)
                .body("name", equalTo("村口积水.png")).body("contentType", equalTo("image/png")).extract().path("id");
        Map<String, Object> body = new HashMap<>(Map.of("title", "村口积水", "content", "下雨后村口积水严重", "category",
                "INFRASTRUCTURE", "kind", "HELP", "regionCode", "433124108",
                "citizen", Map.of("name", "石秀兰", "phone", "13912345678"), "attachments", List.of(Map.of("fileId", fileId))));
        String caseId = given().header("X-Forwarded-For", client()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String staff = TestTokens.bearer("STATION_STAFF", "433124108");
        given().header("Authorization", staff).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("attachments[0].url", equalTo("/api/v1/files/" + fileId));
        byte[] got = given().header("Authorization", staff).when().get("/api/v1/files/" + fileId).then().statusCode(200)
                .contentType("image/png").header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertThat(got).isEqualTo(PNG);
        given().when().get("/api/v1/files/" + fileId).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.deputy("430903105", UUID.randomUUID().toString()))
                .when().get("/api/v1/files/" + fileId).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void an_upload_above_10_mib_is_a_413_problem_at_the_gateway_and_a_text_file_a_415() {
        byte[] big = new byte[11_000_000];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        upload("big.png", big).then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        upload("notes.png", "只是文字".getBytes(StandardCharsets.UTF_8)).then().statusCode(415)
                .contentType("application/problem+json");
    }
}
