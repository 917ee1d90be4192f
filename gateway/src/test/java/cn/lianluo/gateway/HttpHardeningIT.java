package cn.lianluo.gateway;

import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Tokens, numbers, limits, headers and methods, and CSV cells: what an adversarial client tries at the HTTP level. */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class HttpHardeningIT {

    static final String ADMIN = TestTokens.bearer("ADMIN", "43");
    static final String PROBLEM = "application/problem+json";

    // ---------------------------------------------------------------- item 12: tokens

    /** A token signed with the dev key, with exactly the claims given (no defaults added). */
    static String signed(Map<String, Object> claims) throws Exception {
        String base64 = Files.readString(Path.of("../deploy/dev-keys/dev-private-key.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        StringBuilder json = new StringBuilder("{");
        claims.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String s ? "\"" + s + "\"" : v instanceof List<?> l ? "[\"" + l.get(0) + "\"]" : v));
        json.append('}');
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return "Bearer " + signingInput + "." + b64.encodeToString(signature.sign());
    }

    static Map<String, Object> claims(String aud, long iat, long exp) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>(Map.of("iss", "lianluo", "sub", "hardening", "upn", "hardening",
                "groups", List.of("SUPERVISOR"), "region", "433124", "iat", iat, "exp", exp));
        if (aud != null) {
            claims.put("aud", aud);
        }
        return claims;
    }

    @Test
    void only_a_token_for_lianluo_issued_now_for_at_most_twelve_hours_is_accepted() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Map<String, Object>> refused = Map.of(
                "no aud", claims(null, now, now + 3600),
                "another platform's aud", claims("another-platform", now, now + 3600),
                "iat an hour ahead", claims("lianluo", now + 3600, now + 7200),
                "a lifetime of 30 days", claims("lianluo", now, now + 30L * 24 * 3600),
                "no iat", new java.util.HashMap<>(Map.of("iss", "lianluo", "aud", "lianluo", "sub", "x", "groups", List.of("SUPERVISOR"),
                        "region", "433124", "exp", now + 3600)));
        for (var token : refused.entrySet()) {
            String bearer = signed(token.getValue());
            given().header("Authorization", bearer).queryParam("region", "433124").when().get("/api/v1/deputies")
                    .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"));
            // the service that owns the data refuses it too, not only the gateway
            given().baseUri("http://127.0.0.1").port(ServicesUnderTest.PORTS.get("deputy-service")).header("Authorization", bearer)
                    .queryParam("region", "433124").when().get("/api/v1/deputies").then().statusCode(401).contentType(PROBLEM);
        }
        given().header("Authorization", signed(claims("lianluo", now, now + 12 * 3600))).queryParam("region", "433124")
                .when().get("/api/v1/deputies").then().statusCode(200);
        given().header("Authorization", signed(claims("lianluo", now + 30, now + 3600))).queryParam("region", "433124")
                .when().get("/api/v1/deputies").then().statusCode(200); // within the clock skew
    }

    // ---------------------------------------------------------------- item 15: numbers and limits

    @Test
    void numbers_and_dates_out_of_range_are_400_on_every_path_that_takes_them() {
        String station = given().queryParam("region", "433124108").when().get("/api/v1/stations").then().statusCode(200)
                .extract().path("items[0].id");
        String someone = UUID.randomUUID().toString();
        List<String> paths = List.of(
                "/api/v1/calendar/99999999999", "/api/v1/calendar/99999", "/api/v1/calendar/-1",
                "/api/v1/points/rules/433124/99999999999", "/api/v1/points/rules/433124/99999",
                "/api/v1/points/snapshots/433124/99999/1", "/api/v1/points/snapshots/433124/2026/99999999999",
                "/api/v1/points/deputies/" + someone + "?year=99999999999", "/api/v1/points/deputies/" + someone + "?year=99999",
                "/api/v1/points/ranking?region=433124&year=99999", "/api/v1/points/ranking?region=433124&page=2147483647&size=100",
                "/api/v1/points/ranking?region=433124&page=2147483648", "/api/v1/points/statistics?region=433124&year=-5",
                "/api/v1/points/alerts?region=433124&year=99999", "/api/v1/points/export?region=433124&year=99999",
                "/api/v1/points/appeals?page=2147483647&size=100",
                "/api/v1/stations?page=2147483647&size=100", "/api/v1/stations?size=99999999999",
                "/api/v1/stations/" + station + "/reception-days?from=%2B999999999-12-31",
                "/api/v1/stations/" + station + "/reception-days?from=-999999999-01-01",
                "/api/v1/stations/" + station + "/reception-days?count=99999999999",
                "/api/v1/stations/" + station + "/receptions?page=2147483647&size=100",
                "/api/v1/activities?page=2147483647&size=100",
                "/api/v1/cases?page=2147483647&size=100", "/api/v1/cases/statistics?from=%2B999999999-12-31",
                "/api/v1/cases/statistics?to=99999-01-01", "/api/v1/units?page=2147483648",
                "/api/v1/suggestions?page=2147483647&size=100", "/api/v1/livelihood-projects?year=99999999999",
                "/api/v1/livelihood-projects/statistics?year=99999", "/api/v1/deputies?page=2147483647&size=100",
                "/api/v1/groups?page=2147483647&size=100", "/api/v1/overview/43?year=99999999999",
                "/api/v1/deputies/" + someone + "/dossier?year=99999");
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            Response r = given().header("Authorization", ADMIN).urlEncodingEnabled(false).when().get(path);
            if (r.statusCode() != 400 || !String.valueOf(r.contentType()).startsWith(PROBLEM)) {
                wrong.add(path + " → " + r.statusCode());
            }
        }
        Response put = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("working", true, "name", "x")).urlEncodingEnabled(false)
                .when().put("/api/v1/calendar/days/%2B999999999-12-31");
        if (put.statusCode() != 400) {
            wrong.add("PUT /calendar/days/+999999999-12-31 → " + put.statusCode());
        }
        assertThat(wrong).as("paths that do not answer 400 problem+json").isEmpty();
        // in range still answers
        given().when().get("/api/v1/calendar/2026").then().statusCode(200);
        given().queryParam("from", "2026-10-01").queryParam("count", 3).when().get("/api/v1/stations/" + station + "/reception-days")
                .then().statusCode(200);
    }

    @Test
    void oversized_uris_and_headers_are_problems_at_a_service_too() {
        int station = ServicesUnderTest.PORTS.get("station-service");
        given().baseUri("http://127.0.0.1").port(station).when().get("/api/v1/regions/43?q=" + "x".repeat(10_000))
                .then().statusCode(414).contentType(PROBLEM);
        given().baseUri("http://127.0.0.1").port(station).header("X-Padding", "x".repeat(20_000)).when().get("/api/v1/regions/43")
                .then().statusCode(431).contentType(PROBLEM);
        given().baseUri("http://127.0.0.1").port(station).when().get("/api/v1/regions/43").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void oversized_uris_headers_and_chunked_bodies_are_problems() {
        given().when().get("/api/v1/regions/43?q=" + "x".repeat(10_000)).then().statusCode(414).contentType(PROBLEM)
                .body("type", equalTo("https://lianluo.cn/problems/uri-too-long"));
        given().header("X-Padding", "x".repeat(20_000)).when().get("/api/v1/regions/43").then().statusCode(431)
                .contentType(PROBLEM).body("type", equalTo("https://lianluo.cn/problems/headers-too-large"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(new byte[9 * 1024 * 1024])
                .when().post("/api/v1/stations").then().statusCode(413).contentType(PROBLEM);
        // the same body without a declared length: a stream rest-assured sends chunked
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(new byte[9 * 1024 * 1024]))
                .when().post("/api/v1/stations").then().statusCode(413).contentType(PROBLEM);
        // a small chunked body still goes through, with its length
        given().contentType(ContentType.JSON).body(new ByteArrayInputStream(("{\"title\":\"路灯\",\"content\":\"村道路灯不亮\","
                        + "\"category\":\"INFRASTRUCTURE\",\"regionCode\":\"433124108\",\"citizen\":{\"name\":\"赵六\",\"phone\":\"13900000077\"}}")
                        .getBytes(StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", "10.17.0." + (int) (Math.random() * 200))
                .when().post("/api/v1/cases").then().statusCode(201);
    }

    // ---------------------------------------------------------------- item 16: headers and methods

    @Test
    void every_answer_carries_the_security_headers_and_personal_ones_are_not_stored() {
        given().when().get("/api/v1/regions/43").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", not(equalTo("no-store")))
                .header("Strict-Transport-Security", nullValue());
        given().header("Authorization", ADMIN).when().get("/api/v1/regions/43").then().statusCode(200)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().header("Authorization", ADMIN).queryParam("region", "433124").when().get("/api/v1/deputies").then().statusCode(200)
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
        given().when().get("/api/v1/cases/track/NOSUCHCODE?phone=13900000000").then()
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().when().get("/api/v1/deputies").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff");
        // behind TLS (the ingress says so), and only then: HSTS
        given().header("X-Forwarded-Proto", "https").when().get("/api/v1/regions/43").then().statusCode(200)
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void head_options_and_unknown_methods_behave() {
        given().when().head("/api/v1/regions/43").then().statusCode(200).body(emptyOrNullString())
                .header("X-Content-Type-Options", "nosniff");
        given().when().options("/api/v1/regions/43").then().statusCode(org.hamcrest.Matchers.oneOf(200, 204))
                .header("Allow", containsString("GET"));
        // a CORS preflight is still the CORS filter's
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/cases").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        for (String method : List.of("PROPFIND", "TRACE", "BREW")) {
            given().header("Authorization", ADMIN).when().request(method, "/api/v1/regions/43").then().statusCode(405)
                    .contentType(PROBLEM).header("Allow", containsString("GET"));
        }
        // a method a path does not take is 405 with what it takes, not 404 nor 500
        given().header("Authorization", ADMIN).when().delete("/api/v1/regions/43").then().statusCode(405)
                .contentType(PROBLEM).header("Allow", containsString("GET"));
    }

    // ---------------------------------------------------------------- item 17: CSV cells

    @Test
    void a_formula_cell_is_refused_on_import_and_exported_as_quoted_text() {
        String supervisor = TestTokens.bearer("SUPERVISOR", "4312");
        String header = "姓名,性别,民族,出生年份,政治面貌,职业,选区,行政区划代码,联系电话,代表层级,届次,任期开始,任期结束,联络站ID";
        for (String formula : List.of("-1+cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")", "@SUM(A1)")) {
            String row = "导入公式,女,瑶族,1979,群众,\"" + formula.replace("\"", "\"\"") + "\",第2村选区," + BadInputIT.CORPUS_REGION
                    + ",13900009999,乡,18,2021-12-01,,";
            given().header("Authorization", supervisor).contentType("text/csv")
                    .body((header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/deputies/import").then().statusCode(422).contentType(PROBLEM)
                    .body("errors.field", hasItem("row 2: 职业"));
        }
        String name = "公式测试" + (int) (Math.random() * 100000);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "gender", "FEMALE", "ethnicity", "苗族", "birthYear", 1980,
                        "regionCode", BadInputIT.CORPUS_REGION, "occupationSector", "-1+cmd|' /C calc'!A0",
                        "mandates", List.of(Map.of("level", "TOWNSHIP", "term", 18, "termStart", "2021-12-01"))))
                .when().post("/api/v1/deputies").then().statusCode(201);
        String csv = new String(given().header("Authorization", supervisor).queryParam("region", BadInputIT.CORPUS_REGION)
                .when().get("/api/v1/deputies/export").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        String line = csv.lines().filter(l -> l.startsWith(name + ",")).findFirst().orElseThrow();
        assertThat(line).contains(",\"'-1+cmd|' /C calc'!A0\",");
        // the exported file, imported again, is refused the same way: the ' added on export is not a way in
        given().header("Authorization", supervisor).contentType("text/csv")
                .body((header + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/deputies/import").then().statusCode(422).body("errors.field", hasItem("row 2: 职业"));
    }
}
