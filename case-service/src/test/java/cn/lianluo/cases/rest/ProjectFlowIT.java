package cn.lianluo.cases.rest;

import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** 刘家坪白族乡: 群众点题 → 代表选题 → 政府解题 → 全过程监督 → 群众评效果. */
@QuarkusTest
class ProjectFlowIT {

    static final String REGION = "430822207";
    static final String SUPERVISOR = TestTokens.bearer("SUPERVISOR", "430822");
    static final String SUPERVISOR_RENYI = TestTokens.bearer("SUPERVISOR", "431021");

    @Inject
    EntityManager em;
    @Inject
    CaseClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    String propose(String title, int year) {
        return given().contentType(ContentType.JSON).body(Map.of("title", title, "description", "村民提议", "regionCode", REGION,
                        "year", year, "citizen", Map.of("name", "李大姐", "phone", "13700002222")))
                .when().post("/api/v1/livelihood-projects").then().statusCode(201).body("status", equalTo("PROPOSED"))
                .extract().path("id");
    }

    ValidatableResponse post(String id, String step, Object body, String token) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.when().post("/api/v1/livelihood-projects/" + id + "/" + step).then();
    }

    @Test
    void a_project_goes_from_proposal_through_the_vote_to_evaluation() {
        UUID d1 = Deputies.announce(em, REGION, "TOWNSHIP");
        UUID d2 = Deputies.announce(em, REGION, "TOWNSHIP");
        Deputies.announce(em, REGION, "TOWNSHIP");
        UUID outsider = Deputies.announce(em, "433124108", "TOWNSHIP");
        String t1 = TestTokens.deputy(REGION, d1.toString());
        String t2 = TestTokens.deputy(REGION, d2.toString());

        try (KafkaTap tap = KafkaTap.open("test.case.events")) {
            String roads = propose("村道硬化", 2026);
            String water = propose("安全饮水", 2026);
            String lights = propose("路灯安装", 2026);
            var window = Map.of("level", "TOWNSHIP", "places", 2, "opensAt", Instant.now().minusSeconds(3600).toString(),
                    "closesAt", Instant.now().plusSeconds(3600).toString());
            for (String p : List.of(roads, water, lights)) {
                post(p, "shortlist", window, SUPERVISOR).statusCode(200).body("status", equalTo("SHORTLISTED"));
            }
            post(roads, "votes", Map.of("choice", "FOR"), t1).statusCode(200);
            post(roads, "votes", Map.of("choice", "AGAINST"), t1).statusCode(409);
            post(roads, "votes", Map.of("choice", "FOR"), TestTokens.deputy("433124108", outsider.toString())).statusCode(403);
            // before closesAt, and with votes still to be cast, the vote is not counted
            post(roads, "tally", Map.of(), SUPERVISOR).statusCode(409).body("type", equalTo("https://lianluo.cn/problems/vote-still-open"));
            post(water, "votes", Map.of("choice", "FOR"), t1).statusCode(200);
            post(lights, "votes", Map.of("choice", "AGAINST"), t1).statusCode(200);
            post(roads, "votes", Map.of("choice", "FOR"), t2).statusCode(200);
            post(water, "votes", Map.of("choice", "FOR"), t2).statusCode(200);
            post(lights, "votes", Map.of("choice", "FOR"), t2).statusCode(200);
            post(lights, "tally", Map.of(), SUPERVISOR).statusCode(409).body("type", equalTo("https://lianluo.cn/problems/vote-still-open"));

            clock.advance(Duration.ofHours(2)); // the window has closed
            post(lights, "tally", Map.of(), SUPERVISOR).statusCode(200)
                    .body("electorate", equalTo(3)).body("voters", equalTo(2)).body("quorum", equalTo(2)).body("majority", equalTo(2))
                    .body("projects.find { it.id == '" + roads + "' }.status", equalTo("SELECTED"))
                    .body("projects.find { it.id == '" + water + "' }.status", equalTo("SELECTED"))
                    .body("projects.find { it.id == '" + lights + "' }.status", equalTo("REJECTED"));
            post(roads, "votes", Map.of("choice", "FOR"), TestTokens.deputy(REGION, UUID.randomUUID().toString())).statusCode(403);

            post(roads, "progress", Map.of("percent", 40, "milestone", "路基完成"), SUPERVISOR).statusCode(200)
                    .body("status", equalTo("IMPLEMENTING"));
            post(roads, "progress", Map.of("percent", 30), SUPERVISOR).statusCode(422).body("errors[0].field", equalTo("reason"));
            post(roads, "progress", Map.of("percent", 30, "reason", "暴雨冲毁部分路基"), SUPERVISOR).statusCode(200);
            // 三督: every supervision says what it looked at, and the view counts each kind apart
            post(roads, "supervisions", Map.of("note", "现场查看施工质量"), t1).statusCode(400).body("errors[0].field", equalTo("kind"));
            post(roads, "supervisions", Map.of("kind", "SAFETY", "note", "现场查看施工质量"), t1).statusCode(400)
                    .body("errors[0].field", equalTo("kind"));
            post(roads, "supervisions", Map.of("kind", "QUALITY", "note", "现场查看施工质量"), t1).statusCode(200)
                    .body("records", hasSize(3)).body("records[2].supervisionKind", equalTo("QUALITY"))
                    .body("records[2].supervisionKindName", equalTo("督质量")).body("records[0].supervisionKind", equalTo(null));
            post(roads, "supervisions", Map.of("kind", "QUALITY", "note", "复查路面厚度"), t2).statusCode(200);
            post(roads, "supervisions", Map.of("kind", "FUNDS", "note", "核对资金拨付台账"), t1).statusCode(200);
            post(roads, "supervisions", Map.of("kind", "PROGRESS", "note", "对照节点查看工期"), t2).statusCode(200)
                    .body("records", hasSize(6)).body("supervisions.progress", equalTo(1))
                    .body("supervisions.quality", equalTo(2)).body("supervisions.funds", equalTo(1));
            given().when().get("/api/v1/livelihood-projects/" + roads).then().statusCode(200) // the public page shows them alike
                    .body("supervisions.quality", equalTo(2)).body("records.findAll { it.kind == 'SUPERVISION' }.supervisionKind",
                            equalTo(List.of("QUALITY", "QUALITY", "FUNDS", "PROGRESS")));
            post(roads, "evaluations", Map.of("satisfaction", "SATISFIED", "phone", "13700002222"), null).statusCode(409);
            post(roads, "progress", Map.of("percent", 100, "milestone", "竣工"), SUPERVISOR).statusCode(200)
                    .body("status", equalTo("COMPLETED"));
            post(roads, "evaluations", Map.of("satisfaction", "SATISFIED", "phone", "13700002222"), null).statusCode(200)
                    .body("status", equalTo("EVALUATED"));
            post(roads, "evaluations", Map.of("satisfaction", "UNSATISFIED", "phone", "13700002222"), null).statusCode(409);
            post(roads, "evaluations", Map.of("satisfaction", "UNSATISFIED"), t2).statusCode(200)
                    .body("evaluations", equalTo(2)).body("satisfactionRate", equalTo(0.5f));
            // 三评: the citizens', the deputies' and the unit's own evaluations are counted apart
            post(roads, "evaluations", Map.of("satisfaction", "BASICALLY_SATISFIED", "phone", "13700003333"), null).statusCode(200);
            post(roads, "evaluations", Map.of("satisfaction", "SATISFIED"), t1).statusCode(200);
            post(roads, "evaluations", Map.of("satisfaction", "UNSATISFIED", "comment", "路面已有裂缝"), SUPERVISOR_RENYI).statusCode(403);
            post(roads, "evaluations", Map.of("satisfaction", "SATISFIED", "comment", "按期完工"), SUPERVISOR).statusCode(200)
                    .body("status", equalTo("EVALUATED"))
                    .body("evaluationsBySource.citizen.count", equalTo(2)).body("evaluationsBySource.citizen.satisfactionRate", equalTo(1.0f))
                    .body("evaluationsBySource.deputy.count", equalTo(2)).body("evaluationsBySource.deputy.satisfactionRate", equalTo(0.5f))
                    .body("evaluationsBySource.unit.count", equalTo(1)).body("evaluationsBySource.unit.satisfactionRate", equalTo(1.0f))
                    .body("evaluations", equalTo(4)).body("satisfactionRate", equalTo(0.75f));
            // one self-evaluation per project, whoever writes it for the unit
            post(roads, "evaluations", Map.of("satisfaction", "SATISFIED"), TestTokens.bearer("STATION_STAFF", REGION)).statusCode(409)
                    .body("type", equalTo("https://lianluo.cn/problems/already-evaluated"));
            given().when().get("/api/v1/livelihood-projects/" + roads + "/evaluations").then().statusCode(200)
                    .body("items.by", equalTo(List.of("UNIT", "DEPUTY", "CITIZEN", "DEPUTY", "CITIZEN")))
                    .body("items[0].byName", equalTo("部门自评"));

            for (String type : List.of("proposed", "shortlisted", "vote-cast", "selected", "progressed", "supervised", "completed", "evaluated",
                    "self-evaluated")) {
                var record = tap.await(r -> roads.equals(r.key()) && r.value().contains("lianluo.case.project-" + type + ".v1"),
                        Duration.ofSeconds(20));
                EventSchemas.assertValid(record);
                assertThat(record.value()).doesNotContain("13700002222").doesNotContain("李大姐");
            }
            // 三督 in the event: the supervision of the funds says so
            EventSchemas.assertValid(tap.await(r -> roads.equals(r.key()) && r.value().contains("project-supervised")
                    && r.value().contains("\"supervisionKind\":\"FUNDS\""), Duration.ofSeconds(20)));
            EventSchemas.assertValid(tap.await(r -> lights.equals(r.key()) && r.value().contains("project-rejected"),
                    Duration.ofSeconds(20)));
            tap.drain(Duration.ofMillis(500)).forEach(EventSchemas::assertValid);
        }
        given().header("Authorization", SUPERVISOR).queryParam("region", "430822").queryParam("year", 2026)
                .when().get("/api/v1/livelihood-projects/statistics").then().statusCode(200)
                .body("total.byStatus.REJECTED", equalTo(1))
                .body("children.find { it.regionCode == '430822207' }.total", equalTo(3));
    }

    @Test
    void a_vote_is_counted_before_it_closes_only_when_every_deputy_has_voted_on_every_project_and_a_closed_one_needs_its_quorum() {
        String region = "431021102"; // 仁义镇: a township of its own, so these deputies are the whole electorate
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(TestTokens.deputy(region, Deputies.announce(em, region, "TOWNSHIP").toString()));
        }
        var window = Map.of("level", "TOWNSHIP", "places", 1, "opensAt", Instant.now().minusSeconds(60).toString(),
                "closesAt", Instant.now().plusSeconds(3600).toString());

        // everyone has voted on everything: nothing is left to wait for, the vote is counted before closesAt
        List<String> complete = List.of(proposeIn(region, "村道亮化", 2027), proposeIn(region, "村部修缮", 2027));
        for (String p : complete) {
            post(p, "shortlist", window, SUPERVISOR_RENYI).statusCode(200);
        }
        for (String token : tokens) {
            post(complete.get(0), "votes", Map.of("choice", "FOR"), token).statusCode(200);
            post(complete.get(1), "votes", Map.of("choice", "ABSTAIN"), token).statusCode(200);
        }
        post(complete.get(0), "tally", Map.of(), SUPERVISOR_RENYI).statusCode(200).body("voters", equalTo(3))
                .body("projects.find { it.title == '村道亮化' }.status", equalTo("SELECTED"));

        // one deputy of three has voted: open until closesAt, and once closed the quorum (2) is not there
        List<String> partial = List.of(proposeIn(region, "文化广场", 2026), proposeIn(region, "垃圾清运", 2026));
        for (String p : partial) {
            post(p, "shortlist", window, SUPERVISOR_RENYI).statusCode(200);
        }
        for (String p : partial) {
            post(p, "votes", Map.of("choice", "FOR"), tokens.get(0)).statusCode(200);
        }
        post(partial.get(0), "tally", Map.of(), SUPERVISOR_RENYI).statusCode(409)
                .body("type", equalTo("https://lianluo.cn/problems/vote-still-open"))
                .body("detail", org.hamcrest.Matchers.containsString("2 of 6 votes cast"));
        clock.advance(Duration.ofHours(2));
        post(partial.get(0), "tally", Map.of(), SUPERVISOR_RENYI).statusCode(409)
                .body("type", equalTo("https://lianluo.cn/problems/quorum-not-reached"));
    }

    String proposeIn(String region, String title, int year) {
        return given().contentType(ContentType.JSON).body(Map.of("title", title, "description", "村民提议", "regionCode", region,
                        "year", year, "citizen", Map.of("name", "李大姐", "phone", "13700002222")))
                .when().post("/api/v1/livelihood-projects").then().statusCode(201).extract().path("id");
    }

    @Test
    void a_vote_outside_its_window_or_without_差额_is_refused() {
        UUID d = Deputies.announce(em, REGION, "TOWNSHIP");
        String project = propose("文化广场", 2027);
        post(project, "shortlist", Map.of("level", "TOWNSHIP", "places", 1, "opensAt", Instant.now().plusSeconds(86400).toString(),
                "closesAt", Instant.now().plusSeconds(2 * 86400).toString()), SUPERVISOR).statusCode(200);
        post(project, "votes", Map.of("choice", "FOR"), TestTokens.deputy(REGION, d.toString())).statusCode(409)
                .body("type", equalTo("https://lianluo.cn/problems/vote-closed"));
        post(project, "tally", Map.of(), SUPERVISOR).statusCode(409).body("type", equalTo("https://lianluo.cn/problems/not-contested"));
        post(project, "shortlist", Map.of("level", "TOWNSHIP", "places", 1, "opensAt", Instant.now().toString(),
                "closesAt", Instant.now().minusSeconds(10).toString()), SUPERVISOR).statusCode(400);
    }
}
