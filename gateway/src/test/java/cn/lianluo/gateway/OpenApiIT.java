package cn.lianluo.gateway;

import cn.lianluo.gateway.proxy.Routes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document is the checked-in one, and it describes exactly the API the gateway routes. */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class OpenApiIT {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void the_served_document_is_the_checked_in_copy() throws Exception {
        JsonNode served = MAPPER.readTree(given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString());
        JsonNode checkedIn = MAPPER.readTree(new File("src/main/resources/META-INF/contract/openapi.json"));
        assertThat(served.path("paths")).isEqualTo(checkedIn.path("paths"));
        assertThat(served.path("components")).isEqualTo(checkedIn.path("components"));
        // and the tests' answers really go through the contract check (ContractFilter, registered by ServicesUnderTest)
        long checked = ContractFilter.CHECKED.get();
        given().when().get("/api/v1/regions/43").then().statusCode(200);
        assertThat(ContractFilter.CHECKED.get()).isGreaterThan(checked);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void every_documented_path_is_routed_and_every_protected_one_names_its_roles() throws Exception {
        JsonNode doc = MAPPER.readTree(new File("src/main/resources/META-INF/contract/openapi.json"));
        List<String> unrouted = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String concrete = path.getKey().replace("{service}", "deputy").replaceAll("\\{[^}]+}", "x");
            String verb = method.getKey().toUpperCase();
            if (Routes.owner(concrete).isEmpty() && !Routes.isOwn(verb, concrete)) {
                unrouted.add(verb + " " + path.getKey());
            }
            JsonNode op = method.getValue();
            boolean isPublic = op.path("security").isEmpty();
            assertThat(isPublic).as(verb + " " + path.getKey() + " public in the document and in the gateway")
                    .isEqualTo(Routes.isPublic(verb, concrete));
            if (!isPublic) {
                assertThat(op.path("x-roles")).as(verb + " " + path.getKey()).isNotEmpty();
                assertThat(op.path("responses").has("401")).isTrue();
            }
            assertThat(op.path("summary").asText()).matches(".*\\p{IsHan}.*");
            assertThat(op.path("operationId").asText()).as(verb + " " + path.getKey()).isNotBlank();
            assertThat(op.path("responses").has("429")).as(verb + " " + path.getKey() + " rate limited in the document and in the gateway")
                    .isEqualTo(Routes.isRateLimited(verb, concrete));
        }));
        assertThat(unrouted).isEmpty();
        assertThat(doc.path("paths").size()).isGreaterThanOrEqualTo(60);
    }

    /**
     * The JAX-RS operations the five modules' classes declare (read from their compiled classes, not from the generated
     * documents) are the documented ones; a service's operation that one of the gateway's own resources shadows is the
     * gateway's to document, and is named here with the reason.
     */
    @Test
    void every_jaxrs_operation_of_the_five_modules_is_documented_and_nothing_else() throws Exception {
        Set<String> gateway = JaxRsOperations.of(Path.of("target", "classes"));
        Set<String> services = new TreeSet<>();
        for (String module : List.of("station-service", "deputy-service", "case-service", "scoring-service",
                "notification-service")) {
            services.addAll(JaxRsOperations.of(Path.of("..", module, "target", "classes")));
        }
        // what common-data gives every service it builds into (the dead letters)
        services.addAll(JaxRsOperations.of(Path.of("..", "common-data", "target", "classes")));
        Set<String> shadowed = new TreeSet<>(services);
        shadowed.retainAll(gateway);
        assertThat(shadowed).isEqualTo(SHADOWED.keySet());
        Set<String> declared = new TreeSet<>(services);
        declared.addAll(gateway);
        JsonNode doc = MAPPER.readTree(new File("src/main/resources/META-INF/contract/openapi.json"));
        Set<String> documented = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        assertThat(documented).isEqualTo(declared);
        assertThat(declared).hasSizeGreaterThan(70);

        Set<String> idempotent = new TreeSet<>();
        for (String module : List.of("station-service", "deputy-service", "case-service", "scoring-service",
                "notification-service")) {
            idempotent.addAll(JaxRsOperations.idempotent(Path.of("..", module, "target", "classes")));
        }
        Set<String> withKey = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> m.getValue()
                .path("parameters").forEach(parameter -> {
                    if (parameter.path("$ref").asText().endsWith("/IdempotencyKey")) {
                        withKey.add(m.getKey().toUpperCase() + " " + p.getKey());
                    }
                })));
        assertThat(withKey).as("operations documenting Idempotency-Key = those that honour it").isEqualTo(idempotent);
        assertThat(idempotent).hasSizeGreaterThan(5);
    }

    /** A service's operations the gateway answers itself (calling the service for a part of its answer). */
    static final Map<String, String> SHADOWED = Map.of(
            "GET /api/v1/deputies/{id}/dossier", "the gateway adds points, cases and suggestions to deputy-service's part");

    /** Every documented operation reaches a service that implements it: no 5xx, no "no resource" 404 from routing. */
    @Test
    void every_documented_operation_answers_through_the_gateway() throws Exception {
        JsonNode doc = MAPPER.readTree(new File("src/main/resources/META-INF/contract/openapi.json"));
        String admin = cn.lianluo.common.testing.TestTokens.bearer("ADMIN", "43");
        List<String> broken = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String concrete = path.getKey()
                    .replaceAll("\\{(id|mandateId|stationId)}", "00000000-0000-4000-8000-000000000000")
                    .replace("{code}", "43").replace("{regionCode}", "43").replace("{region}", "43")
                    .replace("{year}", "2026").replace("{quarter}", "1").replace("{command}", "accept")
                    .replace("{date}", "2026-10-01").replace("{trackingCode}", "LLXXXXXXXXXX")
                    .replace("{service}", "deputy").replace("{partition}", "0").replace("{offset}", "0")
                    .replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
            var request = given().header("Authorization", admin).contentType("application/json").queryParam("phone", "13800000000");
            var response = switch (method.getKey()) {
                case "get" -> request.get(concrete);
                case "delete" -> request.delete(concrete);
                case "put" -> request.body("{}").put(concrete);
                default -> request.body("{}").post(concrete);
            };
            int status = response.statusCode();
            String detail = response.getContentType() != null && response.getContentType().contains("json")
                    && response.asString().startsWith("{") ? String.valueOf(response.jsonPath().getString("detail")) : "";
            if (status >= 500 || status == 405 || (status == 404 && detail.startsWith("no resource"))) {
                broken.add(method.getKey().toUpperCase() + " " + concrete + " → " + status + " " + detail);
            }
        }));
        assertThat(broken).isEmpty();
    }
}
