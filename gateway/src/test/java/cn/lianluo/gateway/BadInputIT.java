package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.Multipart;
import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.gateway.PublicApi.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The bad-input corpus: every write operation of the public API (read from the served OpenAPI document, so a new
 * one is covered without editing this test) gets malformed JSON, wrong shapes and types, missing and null fields,
 * over-long strings, oversized bodies, wrong content types, invalid region codes and ids, emoji, rare CJK, SQL and
 * script. Not one answer may be a 5xx, and every refusal is an RFC 9457 problem+json with its own status in it.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class BadInputIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = TestTokens.bearer("ADMIN", "43");
    static final String DEPUTY_ID = SeedIds.of("deputy", "cangshuipu-t60").toString();
    static final String DEPUTY = TestTokens.deputy("430903105", DEPUTY_ID);
    static final String CORPUS_REGION = "431228212";
    static final AtomicInteger CLIENTS = new AtomicInteger();
    static final String ODD_TEXT = "𠀀𪚥𠮷龘䶮 😀👍🏽 '; DROP TABLE cases; -- <script>alert('联络')</script> %s \\u0000";

    static String caseId;
    static String trackingCode;
    static String projectId;
    static String stationId;
    static String deputyId;

    @BeforeEach
    void somethingToWriteTo() {
        if (caseId != null) {
            return;
        }
        var created = given().header("X-Forwarded-For", client()).contentType(ContentType.JSON)
                .body(Map.of("title", "路灯不亮", "content", "村口路灯坏了一个月", "category", "PROPERTY", "kind", "HELP",
                        "regionCode", "433124108", "channel", "ONLINE", "citizen", Map.of("name", "石先生", "phone", "13812345678")))
                .when().post("/api/v1/cases").then().statusCode(201).extract();
        caseId = created.path("id");
        trackingCode = created.path("trackingCode");
        projectId = given().header("X-Forwarded-For", client()).contentType(ContentType.JSON)
                .body(Map.of("title", "村道硬化", "description", "群众点题", "regionCode", "433124108", "year", 2026,
                        "citizen", Map.of("name", "吴大姐", "phone", "13700002222")))
                .when().post("/api/v1/livelihood-projects").then().statusCode(201).extract().path("id");
        // a station and a deputy of the corpus's own: what it manages to write must not move a seeded one
        stationId = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("type", "POINT", "name", "语料测试联络点", "regionCode", CORPUS_REGION, "address", "大树坳乡"))
                .when().post("/api/v1/stations").then().statusCode(201).extract().path("id");
        deputyId = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "语料测试代表", "gender", "MALE", "ethnicity", "侗族", "birthYear", 1975, "regionCode", CORPUS_REGION,
                        "phone", "13912349999", "mandates", List.of(Map.of("level", "TOWNSHIP", "term", 18, "termStart", "2021-12-01"))))
                .when().post("/api/v1/deputies").then().statusCode(201).extract().path("id");
    }

    /** A different client address per public request, so the rate limit (trusted X-Forwarded-For in tests) stays out of the way. */
    static String client() {
        int n = CLIENTS.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    /**
     * The body with each mobile number ("1xxxxxxxxxx") replaced by one of its own, byte for byte, so the per-phone limit
     * of public writes (which reads the body) stays out of the way as the per-address one does.
     */
    static byte[] ownPhone(byte[] body) {
        byte[] copy = body.clone();
        for (int i = 0; i + 12 < copy.length; i++) {
            boolean phone = copy[i] == '"' && copy[i + 1] == '1' && copy[i + 12] == '"';
            for (int j = 2; phone && j < 12; j++) {
                phone = copy[i + j] >= '0' && copy[i + j] <= '9';
            }
            if (phone) {
                byte[] fresh = String.format("%08d", CLIENTS.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(fresh, 0, copy, i + 4, 8);
            }
        }
        return copy;
    }

    /** Real ids where a write needs one, so the body is read by the code behind the id, not just refused as not found. */
    static String fill(String template) {
        return template.replace("/stations/{id}", "/stations/" + stationId)
                .replace("/deputies/{id}", "/deputies/" + deputyId)
                .replace("/notifications/contacts/{kind}/{id}", "/notifications/contacts/station/" + stationId)
                .replace("{stationId}", stationId)
                .replace("/cases/{id}/{command}", "/cases/" + caseId + "/assign")
                .replace("{trackingCode}", trackingCode)
                .replace("/suggestions/{id}/{command}", "/suggestions/" + UUID.randomUUID() + "/answer")
                .replace("/livelihood-projects/{id}", "/livelihood-projects/" + projectId)
                .replace("/calendar/days/{date}", "/calendar/days/2030-01-02")
                .replace("/calendar/{year}", "/calendar/2030")
                .replace("/deadline-policies/{region}", "/deadline-policies/4302")
                .replace("/points/rules/{region}/{year}", "/points/rules/4302/2030")
                .replace("/dead-letters/{service}", "/dead-letters/deputy")
                .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
    }

    record Attempt(String what, String contentType, byte[] body, Set<Integer> expected) {
        static Attempt json(String what, String body, Integer... expected) {
            return new Attempt(what, "application/json", body.getBytes(StandardCharsets.UTF_8), Set.of(expected));
        }
    }

    /** An upload's body for an operation that takes a file: one PNG, so that what is judged is the path. */
    static final Attempt A_FILE = new Attempt("a file", "multipart/form-data; boundary=lianluo-corpus",
            Multipart.body("lianluo-corpus", List.<String[]>of(new String[] {"file", "x.png", "image/png"}),
                    List.of(CaseFilesGatewayIT.PNG)), Set.of());

    static List<Operation> writeOperations() {
        return PublicApi.operations().stream().filter(op -> !op.isRead()).toList();
    }

    static String token(Operation op) {
        return op.isPublic() ? null : op.roles().contains("ADMIN") ? ADMIN : DEPUTY;
    }

    /** The corpus for one operation. */
    static List<Attempt> corpus(Operation op) {
        List<Attempt> attempts = new ArrayList<>();
        if (!op.takesJson()) {
            attempts.add(Attempt.json("an unexpected body", "{\"x\": 1}"));
            attempts.add(Attempt.json("malformed JSON where none is expected", "{\"x\": "));
            return attempts;
        }
        // what the corpus manages to write lands in 大树坳乡, away from the townships whose counts other tests check
        ObjectNode example = op.example().deepCopy();
        if (example.has("regionCode")) {
            example.put("regionCode", CORPUS_REGION);
        }
        String text = example.toString();
        attempts.add(Attempt.json("malformed JSON", "{\"title\": \"未闭合", 400));
        attempts.add(Attempt.json("truncated JSON", text.substring(0, text.length() / 2), 400));
        attempts.add(Attempt.json("empty body", "")); // some bodies are optional (a decision without a note)
        attempts.add(Attempt.json("an array", "[]", 400));
        attempts.add(Attempt.json("a string", "\"文本\"", 400));
        attempts.add(Attempt.json("a number", "42", 400));
        attempts.add(Attempt.json("null", "null"));
        attempts.add(Attempt.json("no fields", "{}"));
        attempts.add(Attempt.json("an unknown field", ((ObjectNode) example.deepCopy()).put("未知字段", 1).toString()));
        for (Iterator<String> it = example.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            ObjectNode wrong = example.deepCopy();
            wrong.set(field, wrongType(example.get(field)));
            attempts.add(Attempt.json(field + " of the wrong type", wrong.toString(), 400, 422));
            ObjectNode missing = example.deepCopy();
            missing.remove(field);
            attempts.add(Attempt.json(field + " missing", missing.toString()));
            ObjectNode nulled = example.deepCopy();
            nulled.putNull(field);
            attempts.add(Attempt.json(field + " null", nulled.toString()));
            if (field.toLowerCase().contains("region")) {
                for (String code : List.of("43x", "4", "4300001", "430000000000000", "", "433124108001002")) {
                    ObjectNode region = example.deepCopy();
                    region.put(field, code);
                    attempts.add(Attempt.json(field + " '" + code + "'", region.toString(), 400, 403, 404, 422));
                }
            }
        }
        attempts.add(Attempt.json("over-long strings", replaceStrings(example, "长".repeat(20_000)).toString()));
        attempts.add(Attempt.json("emoji, rare CJK, SQL and script", replaceStrings(example, ODD_TEXT).toString()));
        attempts.add(Attempt.json("control characters", replaceStrings(example, "a\u0000b\u0001c\u0007d\u001f").toString()));
        attempts.add(Attempt.json("deep nesting", "[".repeat(5_000) + "]".repeat(5_000), 400));
        attempts.add(Attempt.json("2 MiB body", padded(example, 2 * 1024 * 1024), 413));
        attempts.add(new Attempt("text/plain", "text/plain", text.getBytes(StandardCharsets.UTF_8), Set.of(415)));
        attempts.add(new Attempt("XML", "application/xml", "<case><title>x</title></case>".getBytes(StandardCharsets.UTF_8), Set.of(415)));
        attempts.add(new Attempt("form", "application/x-www-form-urlencoded", "title=x".getBytes(StandardCharsets.UTF_8), Set.of(415)));
        attempts.add(new Attempt("GBK bytes declared UTF-8", "application/json",
                ("{\"title\": \"" + "民情" + "\"}").getBytes(java.nio.charset.Charset.forName("GBK")), Set.of()));
        return attempts;
    }

    static JsonNode wrongType(JsonNode value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null || value.isNull() || value.isTextual()) {
            return f.objectNode().set("x", f.arrayNode().add(1));
        }
        if (value.isNumber()) {
            return f.textNode("很多");
        }
        if (value.isBoolean()) {
            return f.textNode("是的");
        }
        if (value.isArray()) {
            return f.textNode("不是列表");
        }
        return f.numberNode(123);
    }

    static JsonNode replaceStrings(JsonNode node, String text) {
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(text);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), replaceStrings(e.getValue(), text)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(v -> copy.add(replaceStrings(v, text)));
            return copy;
        }
        return node;
    }

    static String padded(JsonNode example, int bytes) {
        ObjectNode big = example.deepCopy();
        big.put("padding", "x".repeat(bytes));
        return big.toString();
    }

    static Response send(Operation op, String path, Attempt attempt) {
        var request = given().header("X-Forwarded-For", client()).contentType(attempt.contentType());
        if (attempt.contentType().startsWith("application/x-www-form-urlencoded")) {
            request.body(new String(attempt.body(), StandardCharsets.US_ASCII)); // REST Assured encodes forms from text only
        } else {
            request.body(ownPhone(attempt.body()));
        }
        if (token(op) != null) {
            request.header("Authorization", token(op));
        }
        return request.when().request(op.method(), path);
    }

    /** What is wrong with an answer, or null: no 5xx, a refusal is problem+json naming its own status, an expected status. */
    static String judge(Response response, Set<Integer> expected) {
        int status = response.statusCode();
        if (status >= 500) {
            return "a " + status + ": " + snippet(response);
        }
        if (status >= 400) {
            String type = response.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                return "a " + status + " as " + type + ", not problem+json: " + snippet(response);
            }
            JsonNode problem;
            try {
                problem = JSON.readTree(response.asByteArray());
            } catch (IOException e) {
                return "a " + status + " whose problem is not JSON: " + snippet(response);
            }
            if (problem.path("status").asInt() != status || problem.path("title").asText().isBlank()) {
                return "a " + status + " whose problem names status " + problem.path("status") + ": " + snippet(response);
            }
        }
        if (!expected.isEmpty() && !expected.contains(status)) {
            return "a " + status + " where " + expected + " was expected: " + snippet(response);
        }
        return null;
    }

    static String snippet(Response response) {
        String body = response.asString();
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    @Test
    void every_write_path_answers_the_corpus_with_problem_details_and_never_a_5xx() {
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        List<Operation> operations = writeOperations();
        assertThat(operations).as("write operations in the OpenAPI document").hasSizeGreaterThan(30);
        for (Operation op : operations) {
            String path = fill(op.path());
            List<Attempt> attempts = new ArrayList<>(corpus(op));
            for (Attempt attempt : attempts) {
                Response response = send(op, path, attempt);
                sent++;
                statuses.merge(response.statusCode(), 1, Integer::sum);
                String problem = judge(response, attempt.expected());
                if (problem != null) {
                    wrong.add(op.method() + " " + op.path() + " with " + attempt.what() + ": " + problem);
                }
            }
            // ids that are not ids, and ids of nothing
            if (op.path().contains("{")) {
                Attempt body = op.takesJson() ? Attempt.json("the example", op.example().toString())
                        : op.takesFile() ? A_FILE : Attempt.json("no body", "");
                for (String bad : List.of("not-a-uuid", "'%20OR%201=1", UUID.randomUUID().toString())) {
                    String badPath = op.path().replaceAll("\\{(id|stationId|mandateId)}", bad);
                    if (badPath.equals(op.path())) {
                        continue;
                    }
                    Response response = send(op, fill(badPath), new Attempt(body.what(), body.contentType(), body.body(), Set.of()));
                    sent++;
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    String problem = judge(response, Set.of(400, 403, 404, 409, 422));
                    if (problem != null) {
                        wrong.add(op.method() + " " + badPath + ": " + problem);
                    }
                }
            }
        }
        System.out.printf("bad-input corpus: %d requests to %d write operations, statuses %s%n", sent, operations.size(), statuses);
        assertThat(wrong).as("answers to the bad-input corpus that break the rules").isEmpty();
    }

    /** A bad value of each typed kind of parameter (by its schema in the document): what Quarkus REST would not convert. */
    static final Map<String, String> BAD_VALUES = Map.of("boolean", "maybe", "integer", "abc", "uuid", "not-a-uuid",
            "date", "2026-13-45", "enum", "NO_SUCH_VALUE");

    /** Valid values for the path parameters beside the one under test. */
    static String fillPath(String template) {
        return template.replace("{region}", "4331").replace("{regionCode}", "4331").replace("{code}", "4331")
                .replace("{year}", "2026").replace("{quarter}", "1").replace("{date}", "2030-01-02")
                .replace("{command}", "assign").replace("{trackingCode}", trackingCode)
                .replace("{service}", "deputy").replace("{partition}", "0").replace("{offset}", "0")
                .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
    }

    /** What is wrong with the answer to one bad parameter value, or null: a 400 problem that names the parameter. */
    static String judgeParameter(Response response, String parameter) {
        String wrong = judge(response, Set.of(400));
        if (wrong != null) {
            return wrong;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            return "no JSON";
        }
        boolean named = false;
        for (JsonNode error : problem.path("errors")) {
            named |= parameter.equals(error.path("field").asText());
        }
        return named ? null : "a 400 that does not name " + parameter + ": " + snippet(response);
    }

    static Response sendWithBadParameter(Operation op, String path, JsonNode body) {
        var request = given().header("X-Forwarded-For", client());
        if (op.takesJson()) {
            String text = body == null ? "" : body.toString();
            request.contentType(ContentType.JSON).body(ownPhone(text.getBytes(StandardCharsets.UTF_8)));
        } else if (op.takesFile()) {
            request.contentType(A_FILE.contentType()).body(A_FILE.body());
        }
        String role = op.roles().isEmpty() ? null : op.roles().contains("ADMIN") ? "ADMIN" : op.roles().iterator().next();
        if (role != null) {
            request.header("Authorization", role.equals("DEPUTY") ? DEPUTY : TestTokens.bearer(role, "43"));
        }
        return request.when().request(op.method(), path);
    }

    /**
     * A bad value in a query or path parameter is a 400 problem naming the parameter: not a 404 (what JAX-RS makes of a
     * value it cannot convert), nor silently read as something else ({@code ?active=maybe} was {@code false}). The
     * named cases of the issue, then every typed parameter of every operation in the document (booleans, integers,
     * UUIDs, dates, closed sets), so a new one is covered unasked.
     */
    @Test
    void a_bad_value_in_a_query_or_path_parameter_is_a_400_naming_the_parameter() {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("/api/v1/deputies?active=maybe", "active");
        named.put("/api/v1/cases?overdue=perhaps", "overdue");
        named.put("/api/v1/cases?deputy=not-a-uuid", "deputy");
        named.put("/api/v1/suggestions?deputy=not-a-uuid", "deputy");
        named.put("/api/v1/stations/xyz", "id");
        named.put("/api/v1/deputies/xyz", "id");
        named.put("/api/v1/groups/xyz", "id");
        named.put("/api/v1/deputies/xyz/dossier", "id");
        named.put("/api/v1/points/deputies/xyz?year=2026", "id");
        named.put("/api/v1/points/ranking?region=4331&year=abc", "year");
        named.put("/api/v1/deputies?level=VILLAGE", "level");
        named.put("/api/v1/cases?page=5001&size=20", "page"); // row 100,020: past the deepest a page starts
        named.put("/api/v1/deputies?page=5001", "page"); // the same with the default size
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (var c : named.entrySet()) {
            Response response = given().header("Authorization", ADMIN).when().get(c.getKey());
            sent++;
            String problem = judgeParameter(response, c.getValue());
            if (problem != null) {
                wrong.add("GET " + c.getKey() + ": " + problem);
            }
        }
        JsonNode api;
        try (var in = BadInputIT.class.getResourceAsStream("/META-INF/contract/openapi.json")) {
            api = JSON.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Operation op : PublicApi.operations()) {
            for (JsonNode parameter : api.path("paths").path(op.path()).path(op.method().toLowerCase()).path("parameters")) {
                while (parameter.has("$ref")) {
                    parameter = api.at(parameter.path("$ref").asText().substring(1));
                }
                String name = parameter.path("name").asText();
                String in = parameter.path("in").asText();
                JsonNode schema = parameter.path("schema");
                while (schema.has("$ref")) {
                    schema = api.at(schema.path("$ref").asText().substring(1));
                }
                String format = schema.path("format").asText();
                String bad = BAD_VALUES.get(schema.has("enum") ? "enum"
                        : BAD_VALUES.containsKey(format) ? format : schema.path("type").asText());
                if (bad == null || !Set.of("query", "path").contains(in)) {
                    continue;
                }
                String path = in.equals("path")
                        ? fillPath(op.path().replace("{" + name + "}", bad))
                        : fillPath(op.path()) + "?" + name + "=" + bad;
                // a write without its body first (a body is read before the parameters), then, for a parameter read
                // after the body is validated, with its example: a request whose only fault is the parameter
                String problem = judgeParameter(sendWithBadParameter(op, path, null), name);
                sent++;
                if (problem != null && op.takesJson()) {
                    problem = judgeParameter(sendWithBadParameter(op, path, op.example()), name);
                    sent++;
                }
                if (problem != null) {
                    wrong.add(op.method() + " " + path + " (" + name + "): " + problem);
                }
            }
        }
        System.out.printf("bad parameters: %d requests%n", sent);
        assertThat(wrong).as("bad parameter values not answered with a 400 naming the parameter").isEmpty();
    }

    @Test
    void an_8_mib_body_is_refused_at_the_gateway_with_a_413_problem() {
        Response response = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"padding\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}").when().post("/api/v1/stations");
        assertThat(judge(response, Set.of(413))).isNull();
    }

    @Test
    void emoji_rare_cjk_sql_and_script_are_stored_verbatim_and_returned_as_data() {
        String title = "𠀀𪚥 😀 反映'; DROP TABLE cases; --";
        String content = "<script>alert('联络')</script> 䶮龑𠮷 \" OR 1=1 -- 👍🏽";
        String name = "𠮷野䶮";
        var created = given().header("X-Forwarded-For", client()).contentType(ContentType.JSON)
                .body(Map.of("title", title, "content", content, "category", "PROPERTY", "kind", "HELP",
                        "regionCode", "433124108", "channel", "ONLINE", "citizen", Map.of("name", name, "phone", "13812345679")))
                .when().post("/api/v1/cases").then().statusCode(201).extract();
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", "433124")).when().get("/api/v1/cases/" + created.path("id"))
                .then().statusCode(200).body("title", equalTo(title)).body("content", equalTo(content))
                .body("citizen.name", equalTo(name));
        given().header("X-Forwarded-For", client()).queryParam("phone", "13812345679")
                .when().get("/api/v1/cases/track/" + created.path("trackingCode")).then().statusCode(200).body("title", equalTo(title));

        String stationName = "𠮷家湾 <b>联络点</b>'; --";
        String station = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("type", "POINT", "name", stationName, "regionCode", CORPUS_REGION, "address", "😀 村部 \\ 二楼"))
                .when().post("/api/v1/stations").then().statusCode(201).extract().path("id");
        given().when().get("/api/v1/stations/" + station).then().statusCode(200)
                .body("name", equalTo(stationName)).body("address", equalTo("😀 村部 \\ 二楼"));

        String deputyName = "龘䶮𪚥";
        Map<String, Object> deputy = new LinkedHashMap<>(Map.of("name", deputyName, "gender", "FEMALE", "ethnicity", "苗族",
                "birthYear", 1980, "regionCode", CORPUS_REGION, "phone", "13912340000",
                "mandates", List.of(Map.of("level", "TOWNSHIP", "term", 18, "termStart", "2021-12-01"))));
        String deputyId = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(deputy)
                .when().post("/api/v1/deputies").then().statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).when().get("/api/v1/deputies/" + deputyId).then().statusCode(200)
                .body("name", equalTo(deputyName));

        String projectTitle = "😀 修路 <img src=x onerror=alert(1)>";
        String project = given().header("X-Forwarded-For", client()).contentType(ContentType.JSON)
                .body(Map.of("title", projectTitle, "description", "'; DELETE FROM projects; --", "regionCode", "433124108",
                        "year", 2026, "citizen", Map.of("name", "𠀀", "phone", "13700003333")))
                .when().post("/api/v1/livelihood-projects").then().statusCode(201).extract().path("id");
        given().when().get("/api/v1/livelihood-projects/" + project).then().statusCode(200)
                .body("title", equalTo(projectTitle)).body("description", equalTo("'; DELETE FROM projects; --"));
    }
}
