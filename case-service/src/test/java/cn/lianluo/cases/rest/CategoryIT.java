package cn.lianluo.cases.rest;

import cn.lianluo.cases.units.service.CategoryService;
import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The case categories are reference data a province's ADMIN manages: created, changed, each change an event. */
@QuarkusTest
class CategoryIT {

    @Inject
    CategoryService categories;

    static ValidatableResponse put(String token, String code, Object body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.when().put("/api/v1/cases/categories/" + code).then();
    }

    @Test
    void a_provinces_admin_adds_a_category_then_moves_it_to_another_level_and_each_change_is_an_event() throws Exception {
        String admin = TestTokens.bearer("ADMIN", "43");
        try (KafkaTap tap = KafkaTap.open("test.case.events")) {
            put(admin, "RURAL_LIVING", Map.of("name", "农村人居环境", "level", "TOWNSHIP"))
                    .statusCode(201).body("code", equalTo("RURAL_LIVING")).body("level", equalTo("TOWNSHIP"));
            given().when().get("/api/v1/cases/categories").then().statusCode(200)
                    .body("find { it.code == 'RURAL_LIVING' }.name", equalTo("农村人居环境"));
            put(admin, "rural_living", Map.of("name", "农村人居环境整治", "level", "COUNTY"))
                    .statusCode(200).body("code", equalTo("RURAL_LIVING")).body("name", equalTo("农村人居环境整治"));
            given().when().get("/api/v1/cases/categories").then().statusCode(200)
                    .body("find { it.code == 'RURAL_LIVING' }.level", equalTo("COUNTY"));

            ConsumerRecord<String, String> created = tap.await(r -> "RURAL_LIVING".equals(r.key())
                    && r.value().contains("\"previousName\":null"), Duration.ofSeconds(20));
            ConsumerRecord<String, String> changed = tap.await(r -> "RURAL_LIVING".equals(r.key())
                    && r.value().contains("\"previousName\":\"农村人居环境\""), Duration.ofSeconds(20));
            EventSchemas.assertValid(created);
            EventSchemas.assertValid(changed);
            JsonNode data = EventSchemas.MAPPER.readTree(changed.value()).path("data");
            assertThat(data.path("level").asText()).isEqualTo("COUNTY");
            assertThat(data.path("previousLevel").asText()).isEqualTo("TOWNSHIP");
        }
        // a citizen's case takes the new category at once (this replica's list was refreshed)
        Map<String, Object> body = new java.util.HashMap<>(CaseLoopApiIT.citizenCase("村里垃圾无人清运"));
        body.put("category", "RURAL_LIVING");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/cases").then().statusCode(201);
    }

    @Test
    void a_category_an_admin_renamed_stays_renamed_when_the_shipped_list_loads_again() {
        put(TestTokens.bearer("ADMIN", "43"), "LEGAL_AID", Map.of("name", "法律援助与公证", "level", "COUNTY")).statusCode(200);
        assertThat(categories.loadShipped()).isZero();
        given().when().get("/api/v1/cases/categories").then().statusCode(200)
                .body("find { it.code == 'LEGAL_AID' }.name", equalTo("法律援助与公证"));
    }

    @Test
    void only_an_admin_of_a_whole_province_sets_a_category_and_a_bad_one_is_a_problem() {
        Map<String, Object> body = Map.of("name", "越权分类", "level", "COUNTY");
        put(TestTokens.bearer("ADMIN", "433124"), "OVERREACH", body).statusCode(403)
                .contentType(startsWith("application/problem+json"));
        put(TestTokens.bearer("SUPERVISOR", "43"), "OVERREACH", body).statusCode(403);
        put(null, "OVERREACH", body).statusCode(401);
        String admin = TestTokens.bearer("ADMIN", "43");
        put(admin, "BAD-CODE", body).statusCode(400).body("errors[0].field", equalTo("code"));
        put(admin, "OVERREACH", Map.of("name", "", "level", "COUNTY")).statusCode(400);
        put(admin, "OVERREACH", Map.of("name", "村级", "level", "VILLAGE")).statusCode(422)
                .body("type", equalTo("https://lianluo.cn/problems/category-level"));
        put(admin, "OVERREACH", Map.of("name", "层级不明", "level", "GALAXY")).statusCode(400);
        given().when().get("/api/v1/cases/categories").then().statusCode(200)
                .body("find { it.code == 'OVERREACH' }", org.hamcrest.Matchers.nullValue());
    }
}
