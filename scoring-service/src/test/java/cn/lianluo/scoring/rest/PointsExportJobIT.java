package cn.lianluo.scoring.rest;

import cn.lianluo.common.exports.ExportJobs;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The points table's export as a job; the test is the worker ({@code lianluo.exports.worker=false}). */
@QuarkusTest
class PointsExportJobIT {

    static final String SANGZHI = TestTokens.bearer("SUPERVISOR", "430822");
    static final String OTHER = TestTokens.bearer("ADMIN", "430822");

    @Inject
    ExportJobs jobs;

    String start(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType("application/json").body(body)
                .when().post("/api/v1/points/exports")
                .then().statusCode(202).header("Location", startsWith("http"))
                .body("kind", equalTo("points")).body("status", equalTo("QUEUED"))
                .extract().path("id");
    }

    void workUntilIdle() {
        while (jobs.work()) {
            // one job per claim
        }
    }

    @Test
    void a_job_writes_the_rows_of_the_streaming_export_once_however_often_it_is_asked() {
        workUntilIdle();
        Map<String, Object> request = Map.of("kind", "points", "region", "430822", "year", 2026, "format", "csv");
        String id = start(SANGZHI, request);
        assertThat(id).startsWith("points-");
        assertThat(start(SANGZHI, request)).isEqualTo(id);
        given().header("Authorization", SANGZHI).when().get("/api/v1/points/exports/" + id)
                .then().statusCode(200).body("year", equalTo(2026)).body("rowsWritten", equalTo(0));
        given().header("Authorization", OTHER).when().get("/api/v1/points/exports/" + id).then().statusCode(404);
        given().header("Authorization", SANGZHI).when().get("/api/v1/points/exports/" + id + "/file")
                .then().statusCode(409).contentType("application/problem+json");

        workUntilIdle();
        byte[] streamed = given().header("Authorization", SANGZHI).queryParam("region", "430822").queryParam("year", 2026)
                .when().get("/api/v1/points/export").then().statusCode(200).extract().asByteArray();
        int rows = (int) new String(streamed, StandardCharsets.UTF_8).lines().count() - 1;
        given().header("Authorization", SANGZHI).when().get("/api/v1/points/exports/" + id)
                .then().statusCode(200).body("status", equalTo("DONE")).body("rowsWritten", equalTo(rows))
                .body("rowsTotal", equalTo(rows)).body("finishedAt", startsWith("20"));
        byte[] file = given().header("Authorization", SANGZHI).when().get("/api/v1/points/exports/" + id + "/file")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"points-430822-2026.csv\"")
                .extract().asByteArray();
        assertThat(file).isEqualTo(streamed);

        assertThat(jobs.sweep(Instant.now().plus(25, ChronoUnit.HOURS))).isPositive();
        given().header("Authorization", SANGZHI).when().get("/api/v1/points/exports/" + id + "/file").then().statusCode(404);
    }

    @Test
    void a_year_defaults_to_this_one_and_bad_requests_are_problems() {
        workUntilIdle();
        String id = start(SANGZHI, Map.of("kind", "points", "format", "xlsx"));
        given().header("Authorization", SANGZHI).when().get("/api/v1/points/exports/" + id)
                .then().statusCode(200).body("region", equalTo("430822"))
                .body("year", equalTo(java.time.LocalDate.now(cn.lianluo.common.time.Zones.CHINA).getYear()));
        workUntilIdle();
        given().header("Authorization", SANGZHI).when().get("/api/v1/points/exports/" + id + "/file")
                .then().statusCode(200).contentType(startsWith("application/vnd.openxmlformats"));

        given().header("Authorization", SANGZHI).contentType("application/json")
                .body(Map.of("kind", "deputy-roll")).when().post("/api/v1/points/exports")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("kind"));
        given().header("Authorization", SANGZHI).contentType("application/json")
                .body(Map.of("kind", "points", "format", "ods")).when().post("/api/v1/points/exports")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        given().header("Authorization", SANGZHI).contentType("application/json")
                .body(Map.of("kind", "points", "year", -1)).when().post("/api/v1/points/exports")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        given().header("Authorization", SANGZHI).contentType("application/json")
                .body(Map.of("kind", "points", "region", "4301")).when().post("/api/v1/points/exports")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430822")).contentType("application/json")
                .body(Map.of("kind", "points")).when().post("/api/v1/points/exports").then().statusCode(403);
    }
}
