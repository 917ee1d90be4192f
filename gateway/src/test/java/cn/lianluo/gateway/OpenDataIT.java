package cn.lianluo.gateway;

import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.common.time.Zones;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * 政务公开 and 开放数据 through the gateway, without a token: the public figures of a township and of its county are the
 * dashboard's (GET /overview/{region}), and the open-data catalogue lists every file, each of which answers.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class OpenDataIT {

    static final String HUNAN = TestTokens.bearer("SUPERVISOR", "43");

    @Test
    void the_public_figures_of_biancheng_and_huayuan_are_the_dashboards() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "公开数据:村口路灯不亮");
        body.put("content", "村口的路灯坏了一个月,晚上出行不便。");
        body.put("category", "ROADS");
        body.put("kind", "HELP");
        body.put("regionCode", "433124108");
        body.put("channel", "ONLINE");
        body.put("citizen", Map.of("name", "王公开", "phone", "13912340000"));
        given().header("X-Forwarded-For", "198.51.100.7").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases").then().statusCode(201);
        int year = LocalDate.now(Zones.CHINA).getYear();

        for (String region : List.of("433124108", "433124")) {
            JsonPath figures = given().queryParam("region", region).queryParam("year", year)
                    .when().get("/api/v1/cases/public-statistics").then().statusCode(200).extract().jsonPath();
            JsonPath overview = given().header("Authorization", HUNAN).queryParam("year", year)
                    .when().get("/api/v1/overview/" + region).then().statusCode(200)
                    .body("degraded", org.hamcrest.Matchers.empty()).extract().jsonPath();
            assertThat(figures.getLong("total.received")).as(region).isPositive();
            for (String count : List.of("received", "closed", "closedOnTime", "rated", "satisfied")) {
                assertThat(figures.getLong("total." + count)).as(region + " " + count).isEqualTo(overview.getLong("cases." + count));
            }
            assertThat(figures.getString("total.satisfactionRate")).isEqualTo(overview.getString("cases.satisfactionRate"));
        }
    }

    @Test
    void the_catalogue_lists_every_dataset_and_each_link_answers_with_its_type() {
        LocalDate asOf = LocalDate.now(Zones.CHINA).minusDays(1);
        Response answer = given().when().get("/api/v1/open-data");
        answer.then().statusCode(200).contentType(startsWith("application/ld+json"))
                .body("'@type'", equalTo("dcat:Catalog"))
                .body("'dct:license'", equalTo("https://creativecommons.org/licenses/by/4.0/"))
                .body("asOf", equalTo(asOf.toString()))
                .body("'dct:title'.'@language'", org.hamcrest.Matchers.contains("zh", "en"));
        JsonPath catalogue = answer.jsonPath();
        assertThat(catalogue.getList("'dcat:dataset'.'dct:identifier'", String.class))
                .containsExactlyInAnyOrder("cases", "stations", "projects");

        List<String[]> links = new ArrayList<>();
        for (Map<String, Object> dataset : catalogue.<Map<String, Object>>getList("'dcat:dataset'")) {
            links.add(new String[] {(String) dataset.get("dct:conformsTo"), "application/json"});
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> distributions = (List<Map<String, Object>>) dataset.get("dcat:distribution");
            assertThat(distributions).extracting(d -> d.get("dct:format")).containsExactly("CSV", "JSON");
            for (Map<String, Object> d : distributions) {
                String type = d.get("dct:format").equals("CSV") ? "text/csv" : "application/json";
                assertThat((String) d.get("dcat:mediaType")).endsWith(type);
                assertThat(d.get("dcat:accessURL")).isEqualTo(d.get("dcat:downloadURL"));
                links.add(new String[] {(String) d.get("dcat:downloadURL"), type});
            }
        }
        assertThat(links).hasSize(9);
        for (String[] link : links) {
            String path = URI.create(link[0]).getRawPath();
            assertThat(path).startsWith("/api/v1/open-data/");
            Response file = given().when().get(path);
            file.then().statusCode(200).contentType(startsWith(link[1]));
            if (link[1].equals("text/csv")) {
                assertThat(file.asByteArray()).as(path).startsWith(0xEF, 0xBB, 0xBF);
            } else if (path.endsWith(".json")) {
                file.then().body("asOf", equalTo(asOf.toString())).body("licence.name", equalTo("CC BY 4.0"));
            }
        }
    }

    @Test
    void the_files_and_the_figures_answer_a_bad_region_or_year_with_a_problem() {
        for (String path : List.of("/api/v1/cases/public-statistics", "/api/v1/open-data/cases.csv", "/api/v1/open-data/stations.csv")) {
            given().queryParam("region", "abc").when().get(path).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors.field", org.hamcrest.Matchers.hasItem("region"));
        }
        given().queryParam("year", LocalDate.now(Zones.CHINA).getYear() + 1).when().get("/api/v1/cases/public-statistics")
                .then().statusCode(422).contentType(startsWith("application/problem+json"));
        given().when().get("/api/v1/open-data/unknown.csv").then().statusCode(404);
    }
}
