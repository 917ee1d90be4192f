package cn.lianluo.cases.rest;

import cn.lianluo.cases.config.CaseClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static cn.lianluo.cases.rest.CaseLoopApiIT.STAFF;
import static cn.lianluo.cases.rest.CaseLoopApiIT.citizenCase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The open data of cases and projects: a case is in the file of the day after it was received, with its region,
 * category and channel, and nothing of the citizen or of what they wrote; a proposal waiting for moderation is not.
 */
@QuarkusTest
class OpenDataIT {

    /** A mainland mobile number, standing alone (not part of a longer run of letters or digits, as in an id). */
    static final Pattern PHONE = Pattern.compile("(?<![\\p{Alnum}-])1[3-9][0-9]{9}(?!\\p{Alnum})");

    @Inject
    CaseClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_cases_file_has_the_case_of_yesterday_and_nothing_of_its_citizen_or_its_text() {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        String title = "开放数据标题" + mark;
        String content = "开放数据正文" + mark + ",门口的路灯坏了三个月。";
        String name = "欧阳开放" + mark;
        String phone = "13907310" + String.format("%03d", (int) (Math.random() * 1000));
        Map<String, Object> body = citizenCase(title);
        body.put("content", content);
        body.put("category", "ROADS");
        body.put("channel", "ONLINE");
        body.put("citizen", Map.of("name", name, "phone", phone));
        String id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        String trackingCode = given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .extract().path("trackingCode");
        int year = clock.today().getYear();

        // today's files are as of yesterday: the case is not in them yet
        assertThat(csv(year)).doesNotContain(id);

        clock.advance(Duration.ofDays(1));
        LocalDate asOf = clock.today().minusDays(1);
        Response csv = given().queryParam("region", "433124108").queryParam("year", year)
                .when().get("/api/v1/open-data/cases.csv");
        csv.then().statusCode(200).contentType(startsWith("text/csv")).header("ETag", startsWith("W/\""))
                .header("Last-Modified", org.hamcrest.Matchers.notNullValue());
        byte[] bytes = csv.asByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String file = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = file.split("\r\n");
        assertThat(lines[0]).isEqualTo("id,regionCode,category,kind,channel,receivedDate,status,stage,dueDate,answeredOnTheSpot,"
                + "closedDate,closedOnTime,satisfaction");
        assertThat(file).contains(id + ",433124108,ROADS,HELP,ONLINE," + asOf + ",RECEIVED,ASSIGN,");
        assertNothingPersonal(file, title, content, name, phone, trackingCode, mark);

        Response json = given().queryParam("region", "433124108").queryParam("year", year)
                .when().get("/api/v1/open-data/cases.json");
        json.then().statusCode(200).contentType(startsWith("application/json"))
                .body("asOf", equalTo(asOf.toString())).body("licence.name", equalTo("CC BY 4.0"))
                .body("dictionary.name", hasItem("satisfaction"))
                .body("items.find { it.id == '" + id + "' }.regionCode", equalTo("433124108"))
                .body("items.find { it.id == '" + id + "' }.category", equalTo("ROADS"))
                .body("items.find { it.id == '" + id + "' }.channel", equalTo("ONLINE"))
                .body("items.find { it.id == '" + id + "' }.closedDate", equalTo(null));
        assertNothingPersonal(json.asString(), title, content, name, phone, trackingCode, mark);

        // a client that has the day's file is told so
        given().queryParam("region", "433124108").queryParam("year", year).header("If-None-Match", csv.header("ETag"))
                .when().get("/api/v1/open-data/cases.csv").then().statusCode(304);
    }

    static void assertNothingPersonal(String file, String... secrets) {
        assertThat(file).doesNotContain(secrets);
        assertThat(PHONE.matcher(file).results().map(m -> m.group()).toList()).as("phone numbers in the file").isEmpty();
        assertThat(file).doesNotContain("张三丰", "13812341234", "医保报销");
    }

    String csv(int year) {
        return given().queryParam("region", "433124108").queryParam("year", year).when().get("/api/v1/open-data/cases.csv")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void a_proposal_waiting_for_moderation_is_not_in_the_projects_file_and_an_approved_one_is() {
        // marks of letters only: five digits in a row (as a UUID's hex often has) would hold the title for moderation too
        String held = "未审核提案" + letters();
        String approved = "便民桥提案" + letters();
        propose(held, "请拨打 13700002222");
        propose(approved, "村口小河上修一座便民桥,方便学生上学。");
        clock.advance(Duration.ofDays(1));
        for (String format : List.of("csv", "json")) {
            String file = given().when().get("/api/v1/open-data/projects." + format).then().statusCode(200)
                    .contentType(startsWith(format.equals("csv") ? "text/csv" : "application/json")).extract().asString();
            assertThat(file).doesNotContain(held, "13700002222", "李大姐", "便民桥,方便").contains(approved);
        }
        given().when().get("/api/v1/open-data/projects.csv").then()
                .body(startsWith("\uFEFFid,regionCode,year,title,status,votesFor,votesAgainst,votesAbstain,progress,"));
    }

    static String letters() {
        return ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** In 沧水铺镇, which no other test of this module counts projects in (ProjectFlowIT counts 刘家坪's). */
    void propose(String title, String description) {
        given().contentType(ContentType.JSON).body(Map.of("title", title, "description", description, "regionCode", "430903105",
                        "year", clock.today().getYear(), "citizen", Map.of("name", "李大姐", "phone", "13700002222")))
                .when().post("/api/v1/livelihood-projects").then().statusCode(201);
    }

    @Test
    void the_dictionaries_name_every_field_with_its_meaning_and_the_licence() {
        for (String dataset : List.of("cases", "projects")) {
            given().when().get("/api/v1/open-data/" + dataset + "/dictionary").then().statusCode(200)
                    .body("dataset", equalTo(dataset)).body("licence.url", equalTo("https://creativecommons.org/licenses/by/4.0/"))
                    .body("fields.find { it.name == 'id' }.meaning", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void a_bad_region_or_year_is_a_problem() {
        for (String path : List.of("/api/v1/open-data/cases.csv", "/api/v1/open-data/cases.json", "/api/v1/open-data/projects.json")) {
            given().queryParam("region", "4x").when().get(path).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("region"));
            given().queryParam("year", "abc").when().get(path).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("year"));
            given().queryParam("year", clock.today().getYear() + 1).when().get(path).then().statusCode(422)
                    .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("year"));
        }
    }
}
