package cn.lianluo.cases.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * 个人信息处理告知: the version of the notice a citizen agreed to on the public pages is kept with the case or proposal,
 * with the time, and never shown back; a version that is no version is refused.
 */
@QuarkusTest
class PrivacyConsentIT {

    @Inject
    EntityManager em;

    Object[] consent(String table, String id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT consented_notice, consented_at FROM " + table + " WHERE id = ?1").setParameter(1, UUID.fromString(id))
                .getSingleResult());
    }

    @Test
    void the_notice_a_citizen_agreed_to_is_recorded_with_the_case_and_the_proposal() {
        Instant before = Instant.now().minusSeconds(5);
        Map<String, Object> citizen = Map.of("name", "吴阿姨", "phone", "13611112222", "consentedNotice", "2026-12-01");
        String caseId = given().contentType(ContentType.JSON).body(Map.of("title", "小区路灯不亮", "content", "三盏路灯不亮",
                        "category", "INFRASTRUCTURE", "regionCode", "433124108", "citizen", citizen))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        Object[] row = consent("citizen_case", caseId);
        assertThat(row[0]).isEqualTo("2026-12-01");
        assertThat(Instant.from((java.time.temporal.TemporalAccessor) row[1])).isAfter(before);

        String projectId = given().contentType(ContentType.JSON).body(Map.of("title", "便民停车场", "description", "镇口建停车场",
                        "regionCode", "433124108", "year", 2027, "citizen", citizen))
                .when().post("/api/v1/livelihood-projects").then().statusCode(201)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("consentedNotice"))).extract().path("id");
        assertThat(consent("livelihood_project", projectId)[0]).isEqualTo("2026-12-01");
    }

    @Test
    void without_a_notice_nothing_is_recorded_and_a_malformed_one_is_refused() {
        String caseId = given().contentType(ContentType.JSON).body(Map.of("title", "路灯", "content", "路灯不亮", "category",
                        "INFRASTRUCTURE", "regionCode", "433124108", "citizen", Map.of("name", "吴阿姨", "phone", "13611112222")))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        assertThat(consent("citizen_case", caseId)[0]).isNull();
        given().contentType(ContentType.JSON).body(Map.of("title", "路灯", "content", "路灯不亮", "category", "INFRASTRUCTURE",
                        "regionCode", "433124108", "citizen", Map.of("name", "吴阿姨", "phone", "13611112222", "consentedNotice", "<b>yes</b>")))
                .when().post("/api/v1/cases").then().statusCode(400).contentType(org.hamcrest.Matchers.containsString("problem+json"))
                .body("errors[0].field", org.hamcrest.Matchers.endsWith("consentedNotice"));
    }
}
