package cn.lianluo.cases.rest;

import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.files.service.FileSweep;
import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** 政府解题 under 督资金 and 督进度: the responsible unit, the budget and its spending, milestones with their photos. */
@QuarkusTest
class ProjectBudgetIT {

    static final String REGION = "430822207";
    /** A year of its own: ProjectFlowIT counts the region's projects of 2026 and 2027. */
    static final int YEAR = 2030;
    static final UUID UNIT = SeedIds.of("unit", "gov-430822207");
    static final UUID OTHER_UNIT = SeedIds.of("unit", "gov-433124108");
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);
    static final String STAFF_ELSEWHERE = TestTokens.bearer("SUPERVISOR", "431021");
    static final String HANDLER = TestTokens.handler(REGION, UNIT.toString());
    static final String OTHER_HANDLER = TestTokens.handler("433124108", OTHER_UNIT.toString());

    @Inject
    EntityManager em;
    @Inject
    CaseClock clock;
    @Inject
    FileSweep sweep;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A citizen's proposal, then SELECTED as a tally would leave it (the vote itself is ProjectFlowIT's). */
    String selectedProject(String title) {
        String id = given().contentType(ContentType.JSON).body(Map.of("title", title, "description", "村民提议", "regionCode", REGION,
                        "year", YEAR, "citizen", Map.of("name", "王大哥", "phone", "13700004444")))
                .when().post("/api/v1/livelihood-projects").then().statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE livelihood_project SET status = 'SELECTED' "
                + "WHERE id = ?1").setParameter(1, UUID.fromString(id)).executeUpdate());
        return id;
    }

    ValidatableResponse send(String method, String path, Object body, String token) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.when().request(method, "/api/v1/livelihood-projects/" + path).then();
    }

    void moderation(String project, String state) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE livelihood_project SET moderation = ?1 "
                + "WHERE id = ?2").setParameter(1, state).setParameter(2, UUID.fromString(project)).executeUpdate());
    }

    /** The ids a caller's listing of the region's projects of the year holds. */
    List<String> listedFor(String token) {
        return given().header("Authorization", token).queryParam("region", REGION).queryParam("year", YEAR)
                .queryParam("size", 200).when().get("/api/v1/livelihood-projects").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    @Test
    void the_unit_spends_against_the_budget_and_reaches_a_milestone_with_a_photo() {
        try (KafkaTap tap = KafkaTap.open("test.case.events")) {
            String project = selectedProject("村级道路硬化");

            // the unit and budget are the region's staff's to set; the unit must exist and answer for the region
            send("PUT", project + "/implementation", Map.of("unitId", UNIT, "budgetFen", 1_000_000), HANDLER).statusCode(403);
            send("PUT", project + "/implementation", Map.of("unitId", UNIT, "budgetFen", 1_000_000), STAFF_ELSEWHERE)
                    .statusCode(403).contentType("application/problem+json");
            send("PUT", project + "/implementation", Map.of("unitId", UUID.randomUUID(), "budgetFen", 1_000_000), STAFF)
                    .statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://lianluo.cn/problems/unknown-unit")).body("errors[0].field", equalTo("unitId"));
            send("PUT", project + "/implementation", Map.of("unitId", OTHER_UNIT, "budgetFen", 1_000_000), STAFF)
                    .statusCode(422).body("type", equalTo("https://lianluo.cn/problems/unit-outside-region"));
            send("PUT", project + "/implementation", Map.of("unitId", UNIT, "budgetFen", -1), STAFF)
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("budgetFen"));
            // before the unit is set, no handler acts for it, nor finds it among its unit's projects
            send("POST", project + "/spendings", Map.of("amountFen", 600_000, "spentOn", "2026-11-20"), HANDLER).statusCode(403);
            assertThat(listedFor(HANDLER)).doesNotContain(project);
            send("PUT", project + "/implementation", Map.of("unitId", UNIT, "budgetFen", 1_000_000), STAFF).statusCode(200)
                    .body("unitId", equalTo(UNIT.toString())).body("unitName", equalTo(unitName(UNIT)))
                    .body("budget.budgetFen", equalTo(1_000_000)).body("budget.spentFen", equalTo(0))
                    .body("budget.remainingFen", equalTo(1_000_000)).body("budget.overBudget", equalTo(false));

            // a handler's listing is its unit's projects: this one for the unit, not for a unit elsewhere
            assertThat(listedFor(HANDLER)).contains(project);
            assertThat(listedFor(OTHER_HANDLER)).doesNotContain(project);
            // hidden in moderation for a while: its unit still sees its work, a unit elsewhere sees nothing
            moderation(project, "HIDDEN");
            assertThat(listedFor(HANDLER)).contains(project);
            given().header("Authorization", HANDLER).when().get("/api/v1/livelihood-projects/" + project).then().statusCode(200);
            given().header("Authorization", OTHER_HANDLER).when().get("/api/v1/livelihood-projects/" + project).then()
                    .statusCode(404).contentType("application/problem+json");
            moderation(project, "APPROVED");

            // 支出: the unit records, another unit may not; beyond the budget is recorded and flagged
            send("POST", project + "/spendings", Map.of("amountFen", 600_000, "spentOn", "2026-11-20"), OTHER_HANDLER)
                    .statusCode(403).contentType("application/problem+json");
            send("POST", project + "/spendings", Map.of("amountFen", 0, "spentOn", "2026-11-20"), HANDLER)
                    .statusCode(400).body("errors[0].field", equalTo("amountFen"));
            send("POST", project + "/spendings", Map.of("amountFen", 600_000), HANDLER)
                    .statusCode(400).body("errors[0].field", equalTo("spentOn"));
            send("POST", project + "/spendings", Map.of("amountFen", 600_000, "spentOn", "2026-11-20", "note", "路基工程款"), HANDLER)
                    .statusCode(200).body("budget.spentFen", equalTo(600_000)).body("budget.overBudget", equalTo(false));
            send("POST", project + "/spendings", Map.of("amountFen", 500_000, "spentOn", "2026-11-28", "note", "路面工程款"), HANDLER)
                    .statusCode(200).body("budget.spendings", hasSize(2))
                    .body("budget.spendings.amountFen", equalTo(List.of(600_000, 500_000)))
                    .body("budget.spentFen", equalTo(1_100_000)).body("budget.remainingFen", equalTo(-100_000))
                    .body("budget.overBudget", equalTo(true));

            // 节点: planned by staff, reached by the unit with a photo it uploaded; an unknown photo is refused
            send("POST", project + "/milestones", Map.of("title", "路基完成", "plannedOn", "2026-12-20"), HANDLER).statusCode(403);
            send("POST", project + "/milestones", Map.of("plannedOn", "2026-12-20"), STAFF).statusCode(400)
                    .body("errors[0].field", equalTo("title"));
            String milestone = send("POST", project + "/milestones", Map.of("title", "路基完成", "plannedOn", "2026-12-20"), STAFF)
                    .statusCode(200).body("milestones", hasSize(1)).body("milestones[0].doneOn", nullValue())
                    .extract().path("milestones[0].id");
            String done = project + "/milestones/" + milestone + "/done";
            String photo = CaseFilesIT.uploadPng(HANDLER);
            send("POST", done, Map.of("doneOn", "2026-12-18", "photoIds", List.of(photo)), OTHER_HANDLER).statusCode(403);
            send("POST", done, Map.of("doneOn", "2026-12-18", "photoIds", List.of(UUID.randomUUID())), HANDLER).statusCode(422)
                    .contentType("application/problem+json").body("type", equalTo("https://lianluo.cn/problems/unknown-file"))
                    .body("errors[0].field", equalTo("photoIds[0]"));
            send("POST", project + "/milestones/" + UUID.randomUUID() + "/done", Map.of("doneOn", "2026-12-18"), HANDLER)
                    .statusCode(404);
            send("POST", done, Map.of("doneOn", "2026-12-18", "photoIds", List.of(photo), "note", "提前两天完成"), HANDLER)
                    .statusCode(200).body("milestones[0].doneOn", equalTo("2026-12-18"))
                    .body("milestones[0].doneNote", equalTo("提前两天完成"))
                    .body("milestones[0].photos.id", equalTo(List.of(photo)))
                    .body("milestones[0].photos[0].url", equalTo("/api/v1/files/" + photo));
            send("POST", done, Map.of("doneOn", "2026-12-19"), HANDLER).statusCode(409)
                    .body("type", equalTo("https://lianluo.cn/problems/milestone-already-done"));
            // a photo taken by a milestone is taken: not by a case, not by another milestone
            String second = send("POST", project + "/milestones", Map.of("title", "竣工验收", "plannedOn", "2027-01-10"), STAFF)
                    .statusCode(200).extract().path("milestones[1].id");
            send("POST", project + "/milestones/" + second + "/done", Map.of("doneOn", "2027-01-08", "photoIds", List.of(photo)),
                    HANDLER).statusCode(422).body("type", equalTo("https://lianluo.cn/problems/file-already-attached"));

            // the public page shows it all; the photo is read with the project's rights and outlives the sweep of uploads
            given().when().get("/api/v1/livelihood-projects/" + project).then().statusCode(200)
                    .body("budget.overBudget", equalTo(true)).body("milestones.title", equalTo(List.of("路基完成", "竣工验收")))
                    .body("milestones[1].doneOn", nullValue());
            clock.advance(Duration.ofHours(25));
            sweep.tick();
            CaseFilesIT.download(photo, TestTokens.deputy(REGION, UUID.randomUUID().toString())).statusCode(200);

            for (String type : List.of("spending-recorded", "milestone-reached")) {
                EventSchemas.assertValid(tap.await(r -> project.equals(r.key())
                        && r.value().contains("lianluo.case.project-" + type + ".v1"), Duration.ofSeconds(20)));
            }
            var overspent = tap.await(r -> project.equals(r.key()) && r.value().contains("project-spending-recorded")
                    && r.value().contains("\"amountFen\":500000"), Duration.ofSeconds(20));
            assertThat(overspent.value()).contains("\"spentFen\":1100000").contains("\"budgetFen\":1000000")
                    .contains("\"unitId\":\"" + UNIT + "\"").doesNotContain("13700004444").doesNotContain("王大哥");
            var reached = tap.await(r -> project.equals(r.key()) && r.value().contains("project-milestone-reached"),
                    Duration.ofSeconds(20));
            assertThat(reached.value()).contains("\"milestoneId\":\"" + milestone + "\"").contains("\"milestoneTitle\":\"路基完成\"");
            tap.drain(Duration.ofMillis(500)).forEach(EventSchemas::assertValid);
        }
    }

    @Test
    void a_project_not_yet_selected_has_no_budget_or_milestones() {
        String proposed = given().contentType(ContentType.JSON).body(Map.of("title", "文化广场", "description", "村民提议",
                        "regionCode", REGION, "year", YEAR, "citizen", Map.of("name", "王大哥", "phone", "13700004444")))
                .when().post("/api/v1/livelihood-projects").then().statusCode(201).extract().path("id");
        send("PUT", proposed + "/implementation", Map.of("unitId", UNIT, "budgetFen", 1_000_000), STAFF).statusCode(409)
                .body("type", equalTo("https://lianluo.cn/problems/not-implementing"));
        send("POST", proposed + "/milestones", Map.of("title", "选址", "plannedOn", "2027-03-01"), STAFF).statusCode(409);
        given().when().get("/api/v1/livelihood-projects/" + proposed).then().statusCode(200)
                .body("unitId", nullValue()).body("budget.budgetFen", nullValue()).body("budget.spentFen", equalTo(0))
                .body("budget.overBudget", equalTo(false)).body("milestones", hasSize(0));
    }

    String unitName(UUID unit) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("SELECT name FROM unit WHERE id = ?1")
                .setParameter(1, unit).getSingleResult());
    }
}
