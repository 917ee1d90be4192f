package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.RealInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The realm of deploy/keycloak/lianluo-realm.json as the suite meets it: its dev users get tokens from the running
 * Keycloak (the dev-only client lianluo-dev-tools, password grant) and the gateway and the services take them, with
 * the region, the roles, the unit and the deputy they carry; the actor of what they do is their user name.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class KeycloakSignInIT {

    static final String KEYCLOAK = System.getenv().getOrDefault("KEYCLOAK_URL", "http://127.0.0.1:8180");
    /** The realm's issuer: Keycloak runs with --hostname=http://127.0.0.1:8180 (./suite). */
    static final String ISSUER = "http://127.0.0.1:8180/realms/lianluo";
    static final String MEDICAL_433124 = SeedIds.of("unit", "medical-433124").toString();
    static final String BIANCHENG_DEPUTY = SeedIds.of("deputy", "biancheng-t1").toString();

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void keycloakRuns() {
        String url = KEYCLOAK + "/realms/lianluo/.well-known/openid-configuration";
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("Keycloak's realm lianluo answers " + answer.statusCode() + " at " + url
                        + ": start Keycloak with ./suite keycloak start (./suite test starts it)");
            }
        } catch (IOException e) {
            throw new AssertionError("Keycloak does not answer at " + url
                    + ": start Keycloak with ./suite keycloak start (./suite test starts it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * An access token of a dev user of the realm, password lianluo. Asked again up to three times: a Keycloak that was
     * running while PostgreSQL restarted fails its first requests on its pool's closed connections.
     */
    static String signIn(String username) {
        String form = "grant_type=password&client_id=lianluo-dev-tools&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=lianluo&scope=openid";
        HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/lianluo/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            for (int again = 0; again < 3 && answer.statusCode() != 200; again++) {
                Thread.sleep(1000);
                answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }
            assertThat(answer.statusCode()).as("Keycloak's token endpoint for %s: %s", username, answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new AssertionError("no token from Keycloak for " + username + ": start Keycloak with ./suite keycloak start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String bearer(String username) {
        return "Bearer " + signIn(username);
    }

    static JsonNode claims(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Test
    void the_realms_access_token_carries_what_the_services_read() throws IOException {
        JsonNode hunan = claims(signIn("hunan-renda"));
        assertThat(hunan.get("iss").asText()).isEqualTo(ISSUER);
        assertThat(hunan.get("aud").toString()).as("aud (a string or a list)").contains("\"lianluo\"");
        assertThat(hunan.get("groups").toString()).contains("\"SUPERVISOR\"");
        assertThat(hunan.get("region").asText()).isEqualTo("43");
        assertThat(hunan.get("preferred_username").asText()).isEqualTo("hunan-renda");
        assertThat(hunan.get("name").asText()).isNotBlank();
        assertThat(hunan.get("exp").asLong() - hunan.get("iat").asLong()).as("lifetime, s").isLessThanOrEqualTo(300);

        JsonNode handler = claims(signIn("huayuan-yibao"));
        assertThat(handler.get("groups").toString()).contains("\"HANDLER\"");
        assertThat(handler.get("unitId").asText()).isEqualTo(MEDICAL_433124);
        JsonNode deputy = claims(signIn("biancheng-deputy"));
        assertThat(deputy.get("deputyId").asText()).isEqualTo(BIANCHENG_DEPUTY);
        assertThat(deputy.get("region").asText()).isEqualTo("433124108");
    }

    @Test
    void the_realms_grid_worker_takes_a_residents_case_in_through_their_grid() throws IOException {
        JsonNode grid = claims(signIn("biancheng-grid"));
        assertThat(grid.get("groups").toString()).contains("\"STATION_STAFF\"");
        assertThat(grid.get("region").asText()).isEqualTo("433124108");
        assertThat(grid.get("gridId").asText()).isEqualTo("433124108-03");

        // no channel named: the gridId claim makes it a GRID case of the worker's own grid
        Map<String, Object> body = Map.of("title", "组里路灯坏了", "content", "网格员入户时居民反映组里两盏路灯坏了两个月",
                "category", "INFRASTRUCTURE", "kind", "HELP", "regionCode", "433124108",
                "citizen", Map.of("name", "石阿公", "phone", "13812345679"));
        String caseId = given().header("Authorization", bearer("biancheng-grid")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        given().header("Authorization", bearer("biancheng-staff")).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("channel", equalTo("GRID")).body("gridId", equalTo("433124108-03"));
    }

    @Test
    void the_gateway_takes_the_realms_tokens_within_their_region() {
        given().header("Authorization", bearer("hunan-renda")).when().get("/api/v1/overview/43").then().statusCode(200);
        String county = bearer("huayuan-renda");
        given().header("Authorization", county).when().get("/api/v1/overview/43").then().statusCode(403);
        given().header("Authorization", county).when().get("/api/v1/overview/433124").then().statusCode(200);
        // through the gateway to a service, which checks the token again
        given().header("Authorization", county).queryParam("region", "433124").when().get("/api/v1/cases").then().statusCode(200);
        given().header("Authorization", county).queryParam("region", "430822").when().get("/api/v1/cases").then().statusCode(403);
    }

    @Test
    void a_token_of_another_issuer_is_refused_even_signed_with_the_same_key() {
        String foreign = "Bearer " + Jwt.issuer("https://sso.example.org/realms/lianluo").audience("lianluo").subject("intruder")
                .groups(Set.of("ADMIN")).claim("region", "43").sign();
        given().header("Authorization", foreign).when().get("/api/v1/overview/43").then().statusCode(401);
        given().header("Authorization", foreign).queryParam("region", "43").when().get("/api/v1/cases").then().statusCode(401);
        // the same token from the accepted issuer passes: only the issuer made the difference
        String ours = "Bearer " + Jwt.issuer(ISSUER).audience("lianluo").subject("admin").groups(Set.of("ADMIN")).claim("region", "43").sign();
        given().header("Authorization", ours).when().get("/api/v1/overview/43").then().statusCode(200);
    }

    @Test
    void a_case_received_by_the_realms_deputy_reaches_the_realms_handling_unit_and_names_each_user() throws Exception {
        String deputy = bearer("biancheng-deputy");
        Map<String, Object> body = Map.of("title", "医保卡补办", "content", "老人医保卡丢失需要补办", "category", "MEDICAL_INSURANCE",
                "kind", "HELP", "regionCode", "433124108", "channel", "RECEPTION", "citizen", Map.of("name", "石阿婆", "phone", "13812345678"));
        // case-service knows the seeded deputy once deputy.events has brought it
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var answer = given().header("Authorization", deputy).contentType(ContentType.JSON).body(body).when().post("/api/v1/cases")
                    .then().extract();
            id[0] = answer.statusCode() == 201 ? answer.path("id") : null;
            return id[0] != null;
        });
        String caseId = id[0];
        // the deputyId claim is honoured: the deputy received it as themself
        given().header("Authorization", deputy).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("receivingDeputyId", equalTo(BIANCHENG_DEPUTY));

        given().header("Authorization", bearer("biancheng-staff")).contentType(ContentType.JSON)
                .body(Map.of("unitId", MEDICAL_433124, "note", "请县医保局办理")).when().post("/api/v1/cases/" + caseId + "/assign")
                .then().statusCode(200).body("unitName", equalTo("花垣县医疗保障局"));

        // the unitId claim is honoured: the unit's queue holds the case, and only the unit's cases
        String handler = bearer("huayuan-yibao");
        List<Map<String, Object>> queue = given().header("Authorization", handler).queryParam("size", 100).when().get("/api/v1/cases")
                .then().statusCode(200).extract().path("items");
        assertThat(queue).extracting(row -> row.get("id")).contains(caseId);
        assertThat(queue).extracting(row -> row.get("unitId")).containsOnly(MEDICAL_433124);
        given().header("Authorization", handler).contentType(ContentType.JSON).body(Map.of()).when()
                .post("/api/v1/cases/" + caseId + "/accept").then().statusCode(200);

        // each timeline entry's actor is the realm user's name (preferred_username), not Keycloak's internal id
        List<String> actors = new ArrayList<>();
        try (var c = DriverManager.getConnection(RealInfrastructure.jdbcUrl("cases_gw"), RealInfrastructure.DB_USER, RealInfrastructure.DB_PASSWORD);
             var s = c.prepareStatement("SELECT actor FROM case_action WHERE case_id = ? ORDER BY at")) {
            s.setObject(1, java.util.UUID.fromString(caseId));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    actors.add(r.getString(1));
                }
            }
        }
        assertThat(actors).containsExactly("biancheng-deputy", "biancheng-staff", "huayuan-yibao");
    }
}
