package cn.lianluo.deputy.rest;

import cn.lianluo.common.exports.ExportJobs;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The roll's export as a job; the test is the worker ({@code lianluo.exports.worker=false}), one claim at a time. */
@QuarkusTest
class RollExportJobIT {

    static final String SUPERVISOR = TestTokens.bearer("SUPERVISOR", "430903");
    static final String OTHER = TestTokens.bearer("ADMIN", "430903");
    static final String REGION = "430903105";

    @Inject
    ExportJobs jobs;

    @Inject
    EntityManager em;

    String start(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType("application/json").body(body)
                .when().post("/api/v1/deputies/exports")
                .then().statusCode(202).header("Location", startsWith("http"))
                .body("kind", equalTo("deputy-roll")).body("status", equalTo("QUEUED"))
                .extract().path("id");
    }

    void workUntilIdle() {
        while (jobs.work()) {
            // one job per claim
        }
    }

    @Test
    void a_job_writes_the_rows_of_the_streaming_export_and_only_its_requester_reads_it() {
        workUntilIdle();
        String id = start(SUPERVISOR, Map.of("kind", "deputy-roll", "region", REGION, "format", "csv"));
        assertThat(id).startsWith("deputy-roll-");
        // asked again while it waits: the same job, not a second
        assertThat(start(SUPERVISOR, Map.of("kind", "deputy-roll", "region", REGION))).isEqualTo(id);
        // another person's identical request is their own job; neither sees the other's
        String others = start(OTHER, Map.of("kind", "deputy-roll", "region", REGION, "format", "csv"));
        assertThat(others).isNotEqualTo(id);
        given().header("Authorization", OTHER).when().get("/api/v1/deputies/exports/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/deputies/exports/" + id + "/file")
                .then().statusCode(409).contentType("application/problem+json").body("type", startsWith("http"));

        workUntilIdle();
        byte[] streamed = given().header("Authorization", SUPERVISOR).queryParam("region", REGION)
                .when().get("/api/v1/deputies/export").then().statusCode(200).extract().asByteArray();
        int rows = (int) new String(streamed, java.nio.charset.StandardCharsets.UTF_8).lines().count() - 1;
        assertThat(rows).isPositive();
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/deputies/exports/" + id)
                .then().statusCode(200).body("status", equalTo("DONE")).body("rowsWritten", equalTo(rows))
                .body("rowsTotal", equalTo(rows)).body("format", equalTo("csv"));
        given().header("Authorization", OTHER).when().get("/api/v1/deputies/exports/" + id + "/file").then().statusCode(404);
        byte[] file = given().header("Authorization", SUPERVISOR).when().get("/api/v1/deputies/exports/" + id + "/file")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"deputies-" + REGION + ".csv\"")
                .extract().asByteArray();
        assertThat(file).isEqualTo(streamed);
        // once done, the same export asked again is a new job
        assertThat(start(SUPERVISOR, Map.of("kind", "deputy-roll", "region", REGION, "format", "csv"))).isNotEqualTo(id);
        workUntilIdle();
    }

    @Test
    void an_xlsx_job_reads_back_as_the_roll() {
        workUntilIdle();
        String id = start(SUPERVISOR, Map.of("kind", "deputy-roll", "region", REGION, "format", "xlsx"));
        workUntilIdle();
        byte[] xlsx = given().header("Authorization", SUPERVISOR).when().get("/api/v1/deputies/exports/" + id + "/file")
                .then().statusCode(200).extract().asByteArray();
        assertThat(cn.lianluo.deputy.service.RollFiles.read(xlsx, cn.lianluo.deputy.service.RollFiles.XLSX, null, 1000))
                .hasSize(92);
    }

    @Test
    void a_running_job_whose_worker_stopped_beating_is_taken_over() {
        workUntilIdle();
        String id = start(SUPERVISOR, Map.of("kind", "deputy-roll", "region", "430903", "format", "csv"));
        // as if a replica had claimed it and died an hour ago
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE export_job SET status = 'RUNNING', "
                + "worker = 'dead', attempts = 1, heartbeat_at = now() - interval '1 hour' WHERE id = :id")
                .setParameter("id", id).executeUpdate());
        assertThat(jobs.work()).isTrue();
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/deputies/exports/" + id)
                .then().statusCode(200).body("status", equalTo("DONE"));
    }

    @Test
    void expired_jobs_are_swept_with_their_files() {
        workUntilIdle();
        String id = start(SUPERVISOR, Map.of("kind", "deputy-roll", "region", REGION, "format", "csv"));
        workUntilIdle();
        assertThat(jobs.sweep(Instant.now())).isZero();
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/deputies/exports/" + id).then().statusCode(200);
        assertThat(jobs.sweep(Instant.now().plus(25, ChronoUnit.HOURS))).isPositive();
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/deputies/exports/" + id).then().statusCode(404);
        assertThat(Stations.count(em, "SELECT count(*) FROM export_chunk")).isZero();
    }

    @Test
    void bad_requests_are_problems() {
        given().header("Authorization", SUPERVISOR).contentType("application/json")
                .body(Map.of("kind", "points", "region", REGION)).when().post("/api/v1/deputies/exports")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("kind"));
        given().header("Authorization", SUPERVISOR).contentType("application/json")
                .body(Map.of("kind", "deputy-roll", "format", "pdf")).when().post("/api/v1/deputies/exports")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        given().header("Authorization", SUPERVISOR).contentType("application/json")
                .body(Map.of("kind", "deputy-roll", "region", "431129")).when().post("/api/v1/deputies/exports")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430903")).contentType("application/json")
                .body(Map.of("kind", "deputy-roll")).when().post("/api/v1/deputies/exports").then().statusCode(403);
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/deputies/exports/deputy-roll-nothing")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
