package cn.lianluo.cases.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import cn.lianluo.common.testing.NoDemoData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Production's start: no seeds folder, on a database emptied at start (the test profile cleans it). The case
 * categories are there all the same, and a citizen's case in a real township the demo never names is received.
 */
@QuarkusTest
@TestProfile(NoDemoData.class)
class NoDemoDataIT {

    @Inject
    EntityManager em;

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void without_demo_data_the_categories_and_the_calendar_are_there_and_no_unit_or_policy() {
        assertThat(count("SELECT count(*) FROM category")).isEqualTo(15);
        assertThat(count("SELECT count(*) FROM unit")).isZero();
        assertThat(count("SELECT count(*) FROM deadline_policy")).isZero();
        // the official arrangement of 2026 is reference data: 国庆节, 1 to 7 October
        assertThat(count("SELECT count(*) FROM calendar_day WHERE day BETWEEN '2026-10-01' AND '2026-10-07' AND NOT working"))
                .as("the official days off of 2026's National Day").isEqualTo(7);
        // a year with no arrangement yet is computed: 春节 2027 from 除夕, 5 February
        given().when().get("/api/v1/calendar/2027").then().statusCode(200)
                .body("find { it.date == '2027-02-05' }.name", equalTo("春节"))
                .body("find { it.date == '2027-02-05' }.provisional", equalTo(true))
                .body("find { it.date == '2027-10-01' }.working", equalTo(false));
        given().when().get("/api/v1/cases/categories").then().statusCode(200).body("$", hasSize(15))
                .body("find { it.code == 'EDUCATION' }.level", equalTo("COUNTY"));
    }

    @Test
    void a_citizen_raises_a_case_in_a_real_category_of_a_real_township_the_demo_does_not_name() {
        Map<String, Object> body = new HashMap<>(CaseLoopApiIT.citizenCase("学校门口路灯不亮"));
        body.put("content", "文艺路街道某小学门口的路灯坏了两个月,孩子放学天黑看不清路。");
        body.put("category", "EDUCATION");
        body.put("regionCode", "430102001");
        String id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        assertThat(count("SELECT count(*) FROM citizen_case WHERE id = '" + id + "' AND category = 'EDUCATION' "
                + "AND region_code = '430102001'")).isEqualTo(1);
    }
}
