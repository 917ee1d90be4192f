package cn.lianluo.scoring.rest;

import cn.lianluo.common.testing.TestEvents;
import cn.lianluo.common.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** 立法意见征集: a deputy's comment on a draft law earns the seeded rule's points, once per comment; a citizen's earns none. */
@QuarkusTest
class DraftCommentPointsIT {

    static final String REGION = "433130"; // 龙山县: its own copy of Hunan's seeded rules, so no other test's totals move
    static final String DEPUTY_REGION = "433130101";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    static String commented(UUID eventId, UUID draft, UUID comment, UUID deputy) {
        return TestEvents.envelope(eventId, "/lianluo/case-service", "lianluo.case.draft-commented.v1", draft.toString(), REGION,
                "{\"draftId\":\"" + draft + "\",\"action\":\"commented\",\"actorRole\":\"" + (deputy == null ? "CITIZEN" : "DEPUTY")
                        + "\",\"at\":\"2026-06-02T02:00:00Z\",\"regionCode\":\"" + REGION + "\",\"title\":\"湖南省乡村振兴促进条例(草案)\","
                        + "\"legislature\":\"湖南省人大常委会\",\"opensOn\":\"2026-06-01\",\"closesOn\":\"2026-06-30\",\"articles\":2,"
                        + "\"commentId\":\"" + comment + "\",\"article\":1,\"commenterRegionCode\":\"" + DEPUTY_REGION + "\""
                        + (deputy == null ? "" : ",\"deputyId\":\"" + deputy + "\"") + "}");
    }

    @Test
    void a_deputy_s_comment_earns_the_seeded_points_once_and_a_citizen_s_none() throws IOException {
        JsonNode hunan = mapper.readTree(Path.of("../seeds/points-rules.json").toFile()).get("ruleSets").get(0);
        assertThat(hunan.get("regionCode").asText()).isEqualTo("43");
        int perComment = hunan.get("rules").get("points").get("DRAFT_COMMENT").asInt();
        assertThat(perComment).isPositive();
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", REGION)).contentType(ContentType.JSON)
                .body(mapper.writeValueAsString(hunan.get("rules"))).when().put("/api/v1/points/rules/" + REGION + "/2026")
                .then().statusCode(200);

        UUID deputy = PointsIT.deputy(DEPUTY_REGION);
        UUID draft = UUID.randomUUID();
        String first = commented(UUID.randomUUID(), draft, UUID.randomUUID(), deputy);
        TestEvents.publish(PointsIT.CASE_TOPIC, draft.toString(), first);
        TestEvents.publish(PointsIT.CASE_TOPIC, draft.toString(), first); // redelivered
        TestEvents.publish(PointsIT.CASE_TOPIC, draft.toString(), commented(UUID.randomUUID(), draft, UUID.randomUUID(), null));
        UUID last = UUID.randomUUID();
        TestEvents.publish(PointsIT.CASE_TOPIC, draft.toString(), commented(last, draft, UUID.randomUUID(), deputy));
        // the four records share a key and a partition: once the last one's fact is in, the others were applied before it
        await().atMost(Duration.ofSeconds(30)).until(() -> factOf(last));

        assertThat(facts(deputy)).isEqualTo(2);
        given().header("Authorization", TestTokens.deputy(DEPUTY_REGION, deputy.toString())).queryParam("year", 2026)
                .when().get("/api/v1/points/deputies/" + deputy).then().statusCode(200)
                .body("byType.DRAFT_COMMENT", equalTo(2 * perComment))
                .body("total", equalTo(2 * perComment));
    }

    boolean factOf(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM fact WHERE source_event_id = ?1").setParameter(1, eventId).getSingleResult()).longValue() > 0);
    }

    long facts(UUID deputy) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM fact WHERE deputy_id = ?1 AND fact_type = 'DRAFT_COMMENT'").setParameter(1, deputy)
                .getSingleResult()).longValue());
    }
}
