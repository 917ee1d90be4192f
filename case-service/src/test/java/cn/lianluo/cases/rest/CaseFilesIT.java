package cn.lianluo.cases.rest;

import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.files.service.FileSweep;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.lianluo.cases.rest.CaseLoopApiIT.REGION;
import static cn.lianluo.cases.rest.CaseLoopApiIT.STAFF;
import static cn.lianluo.cases.rest.CaseLoopApiIT.TOWNSHIP_GOV;
import static cn.lianluo.cases.rest.CaseLoopApiIT.TOWNSHIP_HANDLER;
import static cn.lianluo.cases.rest.CaseLoopApiIT.citizenCase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * A citizen's photo from upload to the handler who downloads it, who else may read it, and what the citizen's tracking
 * page shows of the answer; against the real PostgreSQL.
 */
@QuarkusTest
class CaseFilesIT {

    /** A real 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mO4Yq0FAAMgATpd9vnqAAAAAElFTkSuQmCC");
    static final String PHONE = "13812341234";

    @Inject
    EntityManager em;
    @Inject
    CaseClock clock;
    @Inject
    FileSweep sweep;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** REST Assured's own multipart writes a file name in US-ASCII; browsers and phones send it as UTF-8, as here. */
    static final RestAssuredConfig AS_SENT = RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    static ValidatableResponse post(List<String[]> parts, List<byte[]> contents, String token) {
        String boundary = "----lianluo" + UUID.randomUUID();
        var request = given().config(AS_SENT).contentType("multipart/form-data; boundary=" + boundary)
                .body(Multipart.body(boundary, parts, contents));
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.when().post("/api/v1/files").then();
    }

    static ValidatableResponse upload(String name, byte[] bytes, String declaredType, String token) {
        return post(List.<String[]>of(new String[] {"file", name, declaredType}), List.of(bytes), token);
    }

    static String uploadPng(String token) {
        return upload("路面塌陷.png", PNG, "image/png", token).statusCode(201).extract().path("id");
    }

    static ValidatableResponse submit(Map<String, Object> body, String token) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.when().post("/api/v1/cases").then();
    }

    static Map<String, Object> withFiles(String title, Object... fileIds) {
        Map<String, Object> body = citizenCase(title);
        body.put("attachments", Arrays.stream(fileIds).map(id -> Map.of("fileId", id)).toList());
        return body;
    }

    static ValidatableResponse command(String id, String command, Map<String, Object> body, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + id + "/" + command).then();
    }

    static ValidatableResponse download(String fileId, String token) {
        var request = given();
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.when().get("/api/v1/files/" + fileId).then();
    }

    long count(String table) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue());
    }

    @Test
    void a_citizens_photo_goes_with_the_case_to_the_handler_and_to_no_one_outside() {
        String fileId = upload("路面塌陷.png", PNG, "image/png", null).statusCode(201)
                .header("Location", containsString("/api/v1/files/"))
                .body("name", equalTo("路面塌陷.png")).body("contentType", equalTo("image/png"))
                .body("size", equalTo(PNG.length)).extract().path("id");

        String caseId = submit(withFiles("路面塌陷有照片", fileId), null).statusCode(201).extract().path("id");
        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("attachments", hasSize(1))
                .body("attachments[0].fileId", equalTo(fileId))
                .body("attachments[0].name", equalTo("路面塌陷.png"))
                .body("attachments[0].contentType", equalTo("image/png"))
                .body("attachments[0].size", equalTo(PNG.length))
                .body("attachments[0].url", equalTo("/api/v1/files/" + fileId));

        // before the case is assigned, the township's unit does not read the case, nor its file
        download(fileId, TOWNSHIP_HANDLER).statusCode(403).contentType("application/problem+json");
        command(caseId, "assign", Map.of("unitId", TOWNSHIP_GOV, "reason", "属地先行核实"), STAFF).statusCode(200);
        byte[] got = download(fileId, TOWNSHIP_HANDLER).statusCode(200)
                .contentType("image/png")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("attachment;"))
                .header("Content-Disposition", containsString("filename*=UTF-8''%E8%B7%AF%E9%9D%A2%E5%A1%8C%E9%99%B7.png"))
                .extract().asByteArray();
        assertThat(got).isEqualTo(PNG);
        download(fileId, STAFF).statusCode(200);
        // a deputy of the case's township reads the case, and so its file
        download(fileId, TestTokens.deputy(REGION, UUID.randomUUID().toString())).statusCode(200);

        // another county's deputy and staff, and no token at all
        download(fileId, TestTokens.deputy("430903105", UUID.randomUUID().toString())).statusCode(403)
                .contentType("application/problem+json");
        download(fileId, TestTokens.bearer("STATION_STAFF", "430903")).statusCode(403).contentType("application/problem+json");
        download(fileId, TestTokens.handler("430903105", UUID.randomUUID().toString())).statusCode(403);
        download(fileId, null).statusCode(401).contentType("application/problem+json");
        download(UUID.randomUUID().toString(), STAFF).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void the_unit_hands_in_its_proof_at_complete_and_the_papers_of_its_answer_at_reply() {
        String caseId = submit(withFiles("路灯不亮要办结照片"), null).statusCode(201).extract().path("id");
        command(caseId, "assign", Map.of("unitId", TOWNSHIP_GOV, "reason", "属地办理"), STAFF).statusCode(200);
        command(caseId, "accept", Map.of(), TOWNSHIP_HANDLER).statusCode(200);
        String proof = uploadPng(TOWNSHIP_HANDLER);

        // files go with complete and reply only; refused, the pause did not happen
        command(caseId, "pause", Map.of("reason", "等待配件", "fileIds", List.of(proof)), TOWNSHIP_HANDLER).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/files-not-taken"))
                .body("errors[0].field", equalTo("fileIds"));
        // an unknown file refuses the whole completion: the case is still being handled and has no file
        command(caseId, "complete", Map.of("result", "已更换灯泡", "fileIds", List.of(proof, UUID.randomUUID().toString())),
                TOWNSHIP_HANDLER).statusCode(422)
                .body("type", equalTo("https://lianluo.cn/problems/unknown-file"))
                .body("errors[0].field", equalTo("fileIds[1]"));
        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("paused", equalTo(false)).body("attachments", hasSize(0));

        command(caseId, "complete", Map.of("result", "已更换灯泡", "fileIds", List.of(proof)), TOWNSHIP_HANDLER)
                .statusCode(200)
                .body("status", equalTo("HANDLED"))
                .body("attachments", hasSize(1))
                .body("attachments[0].fileId", equalTo(proof))
                .body("attachments[0].step", equalTo("complete"))
                .body("attachments[0].url", equalTo("/api/v1/files/" + proof));
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String letter = upload("答复函.pdf", pdf, "application/pdf", TOWNSHIP_HANDLER).statusCode(201).extract().path("id");
        command(caseId, "reply", Map.of("content", "路灯已修好", "fileIds", List.of(letter)), TOWNSHIP_HANDLER)
                .statusCode(200)
                .body("attachments.fileId", equalTo(List.of(proof, letter)))
                .body("attachments.step", equalTo(List.of("complete", "reply")));
        // a file handed in once is the case's: it does not go with another step
        command(caseId, "visit", Map.of("satisfaction", "SATISFIED", "fileIds", List.of(letter)), STAFF).statusCode(422);

        // read like the citizen's own files: by those who read the case, by no one of another county
        assertThat(download(letter, STAFF).statusCode(200).contentType("application/pdf").extract().asByteArray())
                .isEqualTo(pdf);
        download(proof, TestTokens.deputy(REGION, UUID.randomUUID().toString())).statusCode(200);
        download(proof, TestTokens.deputy("430903105", UUID.randomUUID().toString())).statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void a_file_belongs_to_one_case_and_a_refused_submission_writes_nothing() {
        String fileId = uploadPng(null);
        String other = uploadPng(null);
        submit(withFiles("第一件", fileId), null).statusCode(201);
        long cases = count("citizen_case");
        // the second file is good, the first is the other case's: the whole submission is refused
        submit(withFiles("第二件", other, fileId), null).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/file-already-attached"))
                .body("errors[0].field", equalTo("attachments[1].fileId"));
        submit(withFiles("同一文件两次", other, other), null).statusCode(422)
                .body("errors[0].field", equalTo("attachments[1].fileId"));
        submit(withFiles("未知文件", UUID.randomUUID().toString()), null).statusCode(422)
                .body("type", equalTo("https://lianluo.cn/problems/unknown-file"))
                .body("errors[0].field", equalTo("attachments[0].fileId"));
        assertThat(count("citizen_case")).isEqualTo(cases);
        // the good file of the refused submissions is still free
        String caseId = submit(withFiles("第三件", other), null).statusCode(201).extract().path("id");
        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + caseId).then()
                .body("attachments.fileId", equalTo(List.of(other)));
    }

    @Test
    void links_are_still_taken_beside_files_and_a_link_needs_its_name() {
        String fileId = uploadPng(null);
        Map<String, Object> body = citizenCase("附件混合");
        body.put("attachments", List.of(
                Map.of("name", "现场视频", "contentType", "video/mp4", "size", 1000, "url", "https://pan.example.com/v/1"),
                Map.of("fileId", fileId)));
        String caseId = submit(body, null).statusCode(201).extract().path("id");
        given().header("Authorization", STAFF).when().get("/api/v1/cases/" + caseId).then()
                .body("attachments.name", equalTo(List.of("现场视频", "路面塌陷.png")))
                .body("attachments.url", equalTo(List.of("https://pan.example.com/v/1", "/api/v1/files/" + fileId)))
                .body("attachments[0].fileId", nullValue());
        Map<String, Object> nameless = citizenCase("无名链接");
        nameless.put("attachments", List.of(Map.of("url", "https://pan.example.com/v/2")));
        submit(nameless, null).statusCode(400).body("errors[0].field", equalTo("attachments[0].name"));
    }

    @Test
    void the_type_is_read_from_the_bytes_not_from_the_name() {
        byte[] text = "这不是图片,只是改了扩展名的文本。".getBytes(StandardCharsets.UTF_8);
        upload("photo.png", text, "image/png", null).statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415))
                .body("type", equalTo("https://lianluo.cn/problems/unsupported-file-type"))
                .body("errors[0].field", equalTo("file"));
        upload("image.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml", null)
                .statusCode(415);
        // a PDF sent as a photo is a PDF, and its name says so
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        upload("scan.png", pdf, "image/png", null).statusCode(201)
                .body("contentType", equalTo("application/pdf")).body("name", equalTo("scan.png.pdf"));
        upload("C:\\fakepath\\证明材料.pdf", pdf, "application/octet-stream", null).statusCode(201)
                .body("name", equalTo("证明材料.pdf"));
    }

    @Test
    void uploads_are_one_file_of_at_most_10_mib_and_every_refusal_is_a_problem() {
        // a declared body over the limit: refused before it is read
        byte[] eleven = new byte[11_000_000];
        System.arraycopy(PNG, 0, eleven, 0, PNG.length);
        upload("big.png", eleven, "image/png", null).statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
        // a file one byte over 10 MiB in a body the HTTP layer takes: refused by its size
        byte[] over = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, over, 0, PNG.length);
        upload("over.png", over, "image/png", null).statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
        byte[] exactly = Arrays.copyOf(over, 10 * 1024 * 1024);
        upload("exactly.png", exactly, "image/png", null).statusCode(201).body("size", equalTo(exactly.length));

        post(List.<String[]>of(new String[] {"other", "x.png", "image/png"}), List.of(PNG), null).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        // a part named file that is a form field (no file name), of text: not a file of a type taken either way
        post(List.<String[]>of(new String[] {"file", null, null}), List.of("x".getBytes(StandardCharsets.US_ASCII)), null)
                .statusCode(org.hamcrest.Matchers.oneOf(400, 415)).body("errors[0].field", equalTo("file"));
        post(List.<String[]>of(new String[] {"file", null, null}), List.of(new byte[64 * 1024]), null)
                .statusCode(org.hamcrest.Matchers.oneOf(400, 413, 415)).contentType("application/problem+json");
        upload("empty.png", new byte[0], "image/png", null).statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"file\": \"x\"}").when().post("/api/v1/files").then()
                .statusCode(415).contentType("application/problem+json");
        given().contentType("image/png").body(PNG).when().post("/api/v1/files").then()
                .statusCode(415).contentType("application/problem+json");
    }

    static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void an_upload_declares_its_length_and_one_past_the_http_layers_limit_is_a_413_problem_too() throws Exception {
        String boundary = "lianluo" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI files = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/files");
        // no length declared: the body would come in chunks
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(files)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections.enumeration(
                        List.of(new ByteArrayInputStream(head), new ByteArrayInputStream(PNG), new ByteArrayInputStream(tail))))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(411);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        // 12 MiB declared, above the HTTP layer's own limit (11 MiB): answered from the headers, before any of the body
        try (var socket = new java.net.Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/files HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + 12 * 1024 * 1024
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
            Map<String, String> headers = new java.util.HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.put(line.substring(0, line.indexOf(':')).toLowerCase(java.util.Locale.ROOT), line.substring(line.indexOf(':') + 1).strip());
            }
            assertThat(headers.get("content-type")).startsWith("application/problem+json");
            char[] body = new char[Integer.parseInt(headers.get("content-length"))];
            assertThat(in.read(body)).isPositive();
            assertThat(new String(body)).contains("\"status\":413");
        }
    }

    @Test
    void a_file_no_case_took_is_read_only_by_the_account_that_uploaded_it_and_not_kept() {
        String staffFile = uploadPng(STAFF);
        download(staffFile, STAFF).statusCode(200);
        download(staffFile, TestTokens.bearer("STATION_STAFF", "433124")).statusCode(403);
        // a citizen's upload is read through its case only
        String citizenFile = uploadPng(null);
        download(citizenFile, STAFF).statusCode(403).body("detail", containsString("no case yet"));
        // staff's upload is attached by that account only
        submit(withFiles("他人上传", staffFile), null).statusCode(422)
                .body("type", equalTo("https://lianluo.cn/problems/file-of-another-account"));

        // after 24 h a file no case took is refused, then deleted
        clock.advance(Duration.ofHours(25));
        submit(withFiles("过期文件", citizenFile), null).statusCode(422)
                .body("type", equalTo("https://lianluo.cn/problems/file-expired"))
                .body("errors[0].field", equalTo("attachments[0].fileId"));
        String attached = uploadPng(null);
        submit(withFiles("新文件", attached), null).statusCode(201);
        clock.advance(Duration.ofHours(25));
        sweep.tick();
        download(staffFile, STAFF).statusCode(404);
        download(attached, STAFF).statusCode(200);
    }

    @Test
    void the_tracking_page_shows_the_answer_the_result_and_the_unit_and_no_one_who_acted() {
        String fileId = uploadPng(null);
        String caseId = submit(withFiles("路灯不亮", fileId), null).statusCode(201).extract().path("id");
        String code = given().header("Authorization", STAFF).when().get("/api/v1/cases/" + caseId).then()
                .extract().path("trackingCode");
        given().when().get("/api/v1/cases/track/" + code + "?phone=" + PHONE).then().statusCode(200)
                .body("unitName", nullValue()).body("reply", nullValue()).body("result", nullValue());

        command(caseId, "assign", Map.of("unitId", TOWNSHIP_GOV, "note", "内部备注:请王科长处理"), STAFF).statusCode(200);
        command(caseId, "accept", Map.of(), TOWNSHIP_HANDLER).statusCode(200);
        command(caseId, "complete", Map.of("result", "已更换路灯灯泡并检修线路"), TOWNSHIP_HANDLER).statusCode(200);
        command(caseId, "reply", Map.of("content", "您反映的路灯已于今日修复,感谢监督。"), TOWNSHIP_HANDLER).statusCode(200)
                .body("timeline.find { it.action == 'REPLY' }.content", equalTo("您反映的路灯已于今日修复,感谢监督。"));

        String page = given().when().get("/api/v1/cases/track/" + code + "?phone=" + PHONE).then().statusCode(200)
                .body("status", equalTo("REPLIED"))
                .body("unitName", equalTo("边城镇人民政府"))
                .body("reply.content", equalTo("您反映的路灯已于今日修复,感谢监督。"))
                .body("reply.onTheSpot", equalTo(false))
                .body("reply.unitName", equalTo("边城镇人民政府"))
                .body("result.content", equalTo("已更换路灯灯泡并检修线路"))
                .body("result.unitName", equalTo("边城镇人民政府"))
                .body("timeline.find { it.action == 'COMPLETE' }.content", equalTo("已更换路灯灯泡并检修线路"))
                .body("timeline.find { it.action == 'ASSIGN' }.content", nullValue())
                .body("timeline.find { it.action == 'ASSIGN' }.unitName", equalTo("边城镇人民政府"))
                .extract().asString();
        // no account, role, staff note or id of anyone who acted
        assertThat(page).doesNotContain("actor").doesNotContain("test-handler-").doesNotContain("test-station_staff")
                .doesNotContain("王科长").doesNotContain(TOWNSHIP_GOV.toString()).doesNotContain("HANDLER")
                .doesNotContain(fileId);
        // the rating answers the same page, with the answer still on it
        given().contentType(ContentType.JSON).body(Map.of("phone", PHONE, "satisfaction", "SATISFIED"))
                .when().post("/api/v1/cases/track/" + code + "/rating").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("reply.content", equalTo("您反映的路灯已于今日修复,感谢监督。"));
    }

    @Test
    void an_answer_on_the_spot_is_the_citizens_answer_with_no_unit() {
        UUID deputy = Deputies.announce(em, REGION, "TOWNSHIP");
        String deputyToken = TestTokens.deputy(REGION, deputy.toString());
        var body = citizenCase("当场答复的诉求");
        body.put("channel", "RECEPTION");
        String caseId = submit(body, deputyToken).statusCode(201).extract().path("id");
        String code = given().header("Authorization", deputyToken).when().get("/api/v1/cases/" + caseId).then()
                .extract().path("trackingCode");
        command(caseId, "answer", Map.of("content", "医保异地备案可在湘医保小程序办理,我已当面演示。"), deputyToken).statusCode(200);
        String page = given().when().get("/api/v1/cases/track/" + code + "?phone=" + PHONE).then().statusCode(200)
                .body("reply.content", equalTo("医保异地备案可在湘医保小程序办理,我已当面演示。"))
                .body("reply.onTheSpot", equalTo(true))
                .body("reply.unitName", nullValue())
                .body("unitName", nullValue())
                .body("result", nullValue())
                .extract().asString();
        assertThat(page).doesNotContain(deputy.toString()).doesNotContain("示例代表");
    }
}
