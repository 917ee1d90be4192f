package cn.lianluo.scoring.rest;

import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestEvents;
import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.domain.LedgerKind;
import cn.lianluo.scoring.service.Ledger;
import cn.lianluo.scoring.service.PointsDtos;
import cn.lianluo.scoring.service.AlertJob;
import cn.lianluo.scoring.service.PointsQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Events in, ledger and totals out, against the real PostgreSQL and Kafka. */
@QuarkusTest
class PointsIT {

    static final String STATION_TOPIC = "test.scoring-in.station.events";
    static final String DEPUTY_TOPIC = "test.scoring-in.deputy.events";
    static final String CASE_TOPIC = "test.scoring-in.case.events";
    static final String SANGZHI = TestTokens.bearer("SUPERVISOR", "430822");

    @Inject
    EntityManager em;
    @Inject
    PointsQueries queries;
    @Inject
    AlertJob alertJob;
    @Inject
    Ledger ledger;

    static UUID deputy(String region) {
        UUID deputy = UUID.randomUUID();
        TestEvents.publish(DEPUTY_TOPIC, deputy.toString(), TestEvents.envelope(UUID.randomUUID(), "/lianluo/deputy-service",
                "lianluo.deputy.registered.v1", deputy.toString(), region, "{\"deputyId\":\"" + deputy + "\",\"name\":\"积分示例代表\","
                        + "\"regionCode\":\"" + region + "\",\"active\":true,\"mandates\":[{\"level\":\"TOWNSHIP\",\"term\":18,\"status\":\"ACTIVE\"}]}"));
        return deputy;
    }

    static String reception(UUID eventId, UUID deputy, String date, String region) {
        return TestEvents.envelope(eventId, "/lianluo/station-service", "lianluo.station.reception-held.v1", UUID.randomUUID().toString(),
                region, "{\"receptionId\":\"" + UUID.randomUUID() + "\",\"stationId\":\"" + UUID.randomUUID() + "\",\"regionCode\":\""
                        + region + "\",\"date\":\"" + date + "\",\"deputyIds\":[\"" + deputy + "\"],\"visitors\":5,\"casesReceived\":1}");
    }

    /** Every record the tap saw (scoring-service's own events) validates against the event contract. */
    static void assertEveryRecordKeepsTheContract(KafkaTap tap) {
        var records = tap.drain(Duration.ofMillis(500));
        assertThat(records).isNotEmpty();
        records.forEach(EventSchemas::assertValid);
        assertThat(EventSchemas.typesOf("scoring.events")).hasSize(4);
    }

    long facts(UUID deputy) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM fact WHERE deputy_id = ?1").setParameter(1, deputy).getSingleResult()).longValue());
    }

    int total(UUID deputy, String token) {
        return given().header("Authorization", token).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + deputy)
                .then().statusCode(200).extract().path("total");
    }

    @Test
    void a_reception_earns_the_deputy_points_traceable_to_the_event_and_a_redelivery_counts_once() {
        UUID deputy = deputy("430822207");
        UUID event = UUID.randomUUID();
        String envelope = reception(event, deputy, "2026-03-02", "430822207");
        TestEvents.publish(STATION_TOPIC, "s", envelope);
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(deputy) == 1);
        TestEvents.publish(STATION_TOPIC, "s", envelope); // redelivered
        UUID suggestion = UUID.randomUUID();
        TestEvents.publish(CASE_TOPIC, suggestion.toString(), TestEvents.envelope(UUID.randomUUID(), "/lianluo/case-service",
                "lianluo.case.suggestion-submitted.v1", suggestion.toString(), "430822207", "{\"suggestionId\":\"" + suggestion
                        + "\",\"at\":\"2026-04-01T02:00:00Z\",\"regionCode\":\"430822207\",\"leadDeputyId\":\"" + deputy + "\",\"coDeputyIds\":[]}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(deputy) == 2);

        String own = TestTokens.deputy("430822207", deputy.toString());
        given().header("Authorization", own).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + deputy)
                .then().statusCode(200)
                .body("total", equalTo(3 + 3)) // 桑植县's rules: a station entry 3, a suggestion 3
                .body("byType.STATION_ENTRY", equalTo(3))
                .body("byType.SUGGESTION_MADE", equalTo(3))
                .body("stationEntries", equalTo(1))
                .body("requiredStationEntries", equalTo(4))
                .body("ledger", hasSize(2))
                .body("ledger.find { it.factType == 'STATION_ENTRY' }.sourceEventId", equalTo(event.toString()))
                .body("ledger.find { it.factType == 'STATION_ENTRY' }.ruleVersion", equalTo(1));
        given().header("Authorization", TestTokens.deputy("430822207", UUID.randomUUID().toString())).queryParam("year", 2026)
                .when().get("/api/v1/points/deputies/" + deputy).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", "433124")).queryParam("year", 2026)
                .when().get("/api/v1/points/deputies/" + deputy).then().statusCode(403);
    }

    @Test
    void a_report_to_the_voters_earns_the_reporting_deputy_points_once_however_often_it_is_delivered() {
        UUID reporter = deputy("430822207");
        UUID listener = deputy("430822207");
        UUID activity = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String envelope = TestEvents.envelope(event, "/lianluo/station-service", "lianluo.station.activity-held.v1",
                activity.toString(), "430822207", "{\"activityId\":\"" + activity + "\",\"kind\":\"REPORT\",\"fiveIntoTarget\":null,"
                        + "\"regionCode\":\"430822207\",\"stationId\":null,\"date\":\"2026-06-15\",\"participantDeputyIds\":[\""
                        + reporter + "\",\"" + listener + "\"],\"reportingDeputyId\":\"" + reporter + "\"}");
        TestEvents.publish(STATION_TOPIC, activity.toString(), envelope);
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(reporter) == 1);
        TestEvents.publish(STATION_TOPIC, activity.toString(), envelope); // redelivered
        // a later fact of the same deputy: once it is counted, the redelivery before it on the partition has been seen
        TestEvents.publish(STATION_TOPIC, activity.toString(), reception(UUID.randomUUID(), reporter, "2026-06-16", "430822207"));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(reporter) == 2);

        given().header("Authorization", SANGZHI).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + reporter)
                .then().statusCode(200)
                .body("byType.ACTIVITY_REPORT", equalTo(3))
                .body("ledger.findAll { it.factType == 'ACTIVITY_REPORT' }", hasSize(1))
                .body("ledger.find { it.factType == 'ACTIVITY_REPORT' }.sourceEventId", equalTo(event.toString()));
        // who only listened to the report is not credited with it
        assertThat(facts(listener)).isZero();
    }

    static String visited(UUID eventId, UUID deputy, String actorRole) {
        String caseId = UUID.randomUUID().toString();
        return TestEvents.envelope(eventId, "/lianluo/case-service", "lianluo.case.visited.v1", caseId, "430822207",
                "{\"caseId\":\"" + caseId + "\",\"at\":\"2026-05-06T02:00:00Z\",\"actorRole\":\"" + actorRole
                        + "\",\"status\":\"CLOSED\",\"satisfaction\":\"SATISFIED\",\"regionCode\":\"430822207\","
                        + "\"receivingDeputyId\":\"" + deputy + "\"}");
    }

    static String caseEvent(UUID eventId, String action, UUID caseId, UUID deputy, String status, String extra) {
        return TestEvents.envelope(eventId, "/lianluo/case-service", "lianluo.case." + action + ".v1", caseId.toString(),
                "430822207", "{\"caseId\":\"" + caseId + "\",\"action\":\"" + action + "\",\"at\":\"2026-05-06T02:00:00Z\","
                        + "\"actorRole\":\"STATION_STAFF\",\"status\":\"" + status + "\",\"regionCode\":\"430822207\","
                        + "\"receivingDeputyId\":\"" + deputy + "\"" + extra + "}");
    }

    /** The deputy's points of a type in 2026 (0 when none). */
    int pointsOf(UUID deputy, FactType type) {
        Integer points = given().header("Authorization", SANGZHI).queryParam("year", 2026).when()
                .get("/api/v1/points/deputies/" + deputy).then().statusCode(200).extract().path("byType." + type.name());
        return points == null ? 0 : points;
    }

    int ledgerSize(UUID deputy) {
        return given().header("Authorization", SANGZHI).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + deputy)
                .then().statusCode(200).extract().path("ledger.size()");
    }

    @Test
    void a_merged_case_s_points_are_withdrawn_once_a_later_fact_of_it_scores_nothing_and_unlinking_gives_them_back() {
        UUID deputy = deputy("430822207");
        UUID duplicate = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        TestEvents.publish(CASE_TOPIC, duplicate.toString(), caseEvent(UUID.randomUUID(), "received", duplicate, deputy, "RECEIVED", ""));
        TestEvents.publish(CASE_TOPIC, kept.toString(), caseEvent(UUID.randomUUID(), "received", kept, deputy, "RECEIVED", ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> pointsOf(deputy, FactType.CASE_RECEIVED) == 2);

        // 重复件: the duplicate's receipt no longer counts; the matter counts once, as the case it was merged into
        UUID mergedId = UUID.randomUUID();
        String merged = caseEvent(mergedId, "merged", duplicate, deputy, "MERGED", ",\"mergedInto\":\"" + kept + "\"");
        TestEvents.publish(CASE_TOPIC, duplicate.toString(), merged);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(mergedId));
        assertThat(pointsOf(deputy, FactType.CASE_RECEIVED)).isEqualTo(1);
        int withdrawn = ledgerSize(deputy);
        given().header("Authorization", SANGZHI).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + deputy)
                .then().statusCode(200).body("ledger.findAll { it.kind == 'REVERSAL' }.reason", equalTo(List.of("重复件合并办理,同一诉求只计一次")));

        // a redelivered merged event, a second merged event of the case and a later fact of it change nothing
        TestEvents.publish(CASE_TOPIC, duplicate.toString(), merged);
        UUID again = UUID.randomUUID();
        TestEvents.publish(CASE_TOPIC, duplicate.toString(), caseEvent(again, "merged", duplicate, deputy, "MERGED",
                ",\"mergedInto\":\"" + kept + "\""));
        UUID rated = UUID.randomUUID();
        TestEvents.publish(CASE_TOPIC, duplicate.toString(), caseEvent(rated, "visited", duplicate, deputy, "MERGED",
                ",\"satisfaction\":\"SATISFIED\",\"satisfied\":true"));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(again) && processed(rated));
        assertThat(facts(deputy)).as("the later fact is recorded").isEqualTo(3);
        assertThat(pointsOf(deputy, FactType.CASE_RECEIVED)).isEqualTo(1);
        assertThat(pointsOf(deputy, FactType.CASE_CLOSED_SATISFIED)).isZero();
        assertThat(ledgerSize(deputy)).isEqualTo(withdrawn);

        // not a duplicate after all: its facts score again, once however often the event comes
        UUID unlinkedId = UUID.randomUUID();
        String unlinked = caseEvent(unlinkedId, "unlinked", duplicate, deputy, "RECEIVED", "");
        TestEvents.publish(CASE_TOPIC, duplicate.toString(), unlinked);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(unlinkedId));
        TestEvents.publish(CASE_TOPIC, duplicate.toString(), unlinked);
        UUID secondUnlink = UUID.randomUUID();
        TestEvents.publish(CASE_TOPIC, duplicate.toString(), caseEvent(secondUnlink, "unlinked", duplicate, deputy, "RECEIVED", ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(secondUnlink));
        assertThat(pointsOf(deputy, FactType.CASE_RECEIVED)).isEqualTo(2);
        assertThat(pointsOf(deputy, FactType.CASE_CLOSED_SATISFIED)).isPositive();
        int restored = ledgerSize(deputy);
        assertThat(restored).isEqualTo(withdrawn + 2);
    }

    boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("SELECT 1 FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getResultList().isEmpty());
    }

    @Test
    void a_satisfied_visit_scores_only_when_the_citizen_or_staff_rated_it_and_a_co_signer_only_on_confirming() {
        UUID deputy = deputy("430822207");
        UUID coSigner = deputy("430822207");
        UUID own = UUID.randomUUID();
        TestEvents.publish(CASE_TOPIC, "c", visited(own, deputy, "DEPUTY"));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(own));
        assertThat(facts(deputy)).as("the deputy's own 回访").isZero();
        TestEvents.publish(CASE_TOPIC, "c", visited(UUID.randomUUID(), deputy, "CITIZEN"));
        TestEvents.publish(CASE_TOPIC, "c", visited(UUID.randomUUID(), deputy, "STATION_STAFF"));

        UUID suggestion = UUID.randomUUID();
        String data = "\"suggestionId\":\"" + suggestion + "\",\"at\":\"2026-05-07T02:00:00Z\",\"regionCode\":\"430822207\","
                + "\"leadDeputyId\":\"" + deputy + "\",\"coDeputyIds\":[\"" + coSigner + "\"]";
        UUID submitted = UUID.randomUUID();
        TestEvents.publish(CASE_TOPIC, suggestion.toString(), TestEvents.envelope(submitted, "/lianluo/case-service",
                "lianluo.case.suggestion-submitted.v1", suggestion.toString(), "430822207", "{" + data + "}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(submitted) && facts(deputy) == 3);
        assertThat(facts(coSigner)).as("named, not yet confirmed").isZero();
        TestEvents.publish(CASE_TOPIC, suggestion.toString(), TestEvents.envelope(UUID.randomUUID(), "/lianluo/case-service",
                "lianluo.case.suggestion-co-signed.v1", suggestion.toString(), "430822207", "{" + data + ",\"deputyId\":\"" + coSigner + "\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(coSigner) == 1);
        // 桑植县's rules: closed satisfied 2 (the citizen's and staff's, not the deputy's own), a suggestion 3, joining it 1
        given().header("Authorization", SANGZHI).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + deputy).then()
                .statusCode(200).body("byType.CASE_CLOSED_SATISFIED", equalTo(4)).body("byType.SUGGESTION_MADE", equalTo(3));
        given().header("Authorization", SANGZHI).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + coSigner).then()
                .statusCode(200).body("total", equalTo(1)).body("byType.SUGGESTION_JOINED", equalTo(1));
    }

    @Test
    void facts_arriving_out_of_order_still_give_the_capped_total() {
        UUID deputy = deputy("430822207");
        for (String date : List.of("2026-05-20", "2026-05-10", "2026-05-01")) {
            TestEvents.publish(STATION_TOPIC, "s", reception(UUID.randomUUID(), deputy, date, "430822207"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(deputy) == 3);
        // 3 points each, at most 4 a month
        assertThat(total(deputy, SANGZHI)).isEqualTo(4);
    }

    @Test
    void case_events_handled_side_by_side_still_keep_the_monthly_cap() {
        UUID deputy = deputy("430822207");
        // 30 cases received in one month, each its own key (spread over the partitions and handled four at a time):
        // a point each, at most 10 a month
        for (int i = 0; i < 30; i++) {
            String caseId = UUID.randomUUID().toString();
            TestEvents.publish(CASE_TOPIC, caseId, TestEvents.envelope(UUID.randomUUID(), "/lianluo/case-service",
                    "lianluo.case.received.v1", caseId, "430822207", "{\"caseId\":\"" + caseId + "\",\"action\":\"received\","
                            + "\"at\":\"2026-06-0" + (1 + i % 9) + "T02:00:00Z\",\"status\":\"RECEIVED\",\"regionCode\":\"430822207\","
                            + "\"receivingDeputyId\":\"" + deputy + "\"}"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(deputy) == 30);
        assertThat(total(deputy, SANGZHI)).isEqualTo(10);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM ledger_entry WHERE deputy_id = ?1 AND points > 0").setParameter(1, deputy)
                .getSingleResult()).longValue())).as("entries with points").isEqualTo(10);
    }

    @Test
    void a_deputy_named_at_one_station_on_one_day_has_one_station_entry_however_many_receptions_name_them() {
        UUID deputy = UUID.randomUUID();
        UUID station = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 6, 8);
        for (int i = 0; i < 3; i++) {
            QuarkusTransaction.requiringNew().run(() -> ledger.recordFact(UUID.randomUUID(), "lianluo.station.reception-held.v1",
                    deputy, FactType.STATION_ENTRY, day, "430822207", station));
        }
        assertThat(facts(deputy)).as("one entry at that station that day").isEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> ledger.recordFact(UUID.randomUUID(), "lianluo.station.reception-held.v1",
                deputy, FactType.STATION_ENTRY, day, "430822207", UUID.randomUUID()));
        QuarkusTransaction.requiringNew().run(() -> ledger.recordFact(UUID.randomUUID(), "lianluo.station.reception-held.v1",
                deputy, FactType.STATION_ENTRY, day.plusDays(1), "430822207", station));
        assertThat(facts(deputy)).as("another station the same day, the same station another day").isEqualTo(3);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT entries FROM station_entry_count WHERE deputy_id = ?1 AND year = 2026").setParameter(1, deputy)
                .getSingleResult()).intValue())).isEqualTo(3);
    }

    @Test
    void a_granted_appeal_for_a_missing_station_entry_counts_as_one_until_it_is_reversed() {
        UUID deputy = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> ledger.recordFact(UUID.randomUUID(), "lianluo.case.received.v1", deputy,
                FactType.CASE_RECEIVED, LocalDate.of(2026, 3, 1), "430822207"));
        UUID granted = QuarkusTransaction.requiringNew().call(() -> ledger.correct(deputy, 2026, 1, null, FactType.STATION_ENTRY,
                LedgerKind.APPEAL, "申诉成立:接待日进站未登记", "test"));
        assertThat(entryCount(deputy)).isEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> ledger.correct(deputy, 2026, 0, granted, LedgerKind.CORRECTION, "核实未进站", "test"));
        assertThat(entryCount(deputy)).isEqualTo(0);
    }

    int entryCount(UUID deputy) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT coalesce(sum(entries), 0) FROM station_entry_count WHERE deputy_id = ?1 AND year = 2026")
                .setParameter(1, deputy).getSingleResult()).intValue());
    }

    @Test
    void two_facts_of_one_deputy_scored_at_the_same_time_cannot_both_take_the_last_point_under_the_cap() throws Exception {
        UUID deputy = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 7, 1);
        for (int i = 0; i < 9; i++) {
            QuarkusTransaction.requiringNew().run(() -> ledger.recordFact(UUID.randomUUID(), "lianluo.case.received.v1", deputy,
                    FactType.CASE_RECEIVED, day, "430822207"));
        }
        // the tenth point is taken by a transaction that stays open a second; another fact comes meanwhile
        CountDownLatch recorded = new CountDownLatch(1);
        Thread first = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            ledger.recordFact(UUID.randomUUID(), "lianluo.case.received.v1", deputy, FactType.CASE_RECEIVED, day, "430822207");
            recorded.countDown();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        first.start();
        assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
        QuarkusTransaction.requiringNew().run(() -> ledger.recordFact(UUID.randomUUID(), "lianluo.case.received.v1", deputy,
                FactType.CASE_RECEIVED, day, "430822207"));
        first.join();
        assertThat(facts(deputy)).isEqualTo(11);
        assertThat(points(deputy, 2026)).as("points, 1 a case and at most 10 a month").isEqualTo(10);
    }

    @Test
    void an_event_whose_transaction_the_database_breaks_for_a_deadlock_is_applied_again_not_dead_lettered() throws Exception {
        List<UUID> both = java.util.stream.Stream.of(deputy("430822207"), deputy("430822207")).sorted(Ledger.LOCK_ORDER).toList();
        UUID eventId = UUID.randomUUID();
        String event = TestEvents.envelope(eventId, "/lianluo/station-service", "lianluo.station.reception-held.v1",
                UUID.randomUUID().toString(), "430822207", "{\"receptionId\":\"" + UUID.randomUUID() + "\",\"stationId\":\""
                        + UUID.randomUUID() + "\",\"regionCode\":\"430822207\",\"date\":\"2026-08-03\",\"deputyIds\":[\""
                        + both.get(0) + "\",\"" + both.get(1) + "\"],\"visitors\":3,\"casesReceived\":0}");
        try (KafkaTap dead = KafkaTap.open(STATION_TOPIC + ".dlq")) {
            // this transaction holds the second deputy's scoring lock; the event's takes the first and waits for the
            // second; then this one asks for the first: a deadlock, which PostgreSQL breaks by failing the event's
            // transaction: PostgreSQL looks for a deadlock deadlock_timeout (1 s) after a wait begins, once, and the event's
            // wait began first; this test asks for the first lock some milliseconds after it sees the event waiting (were
            // that ever to take over a second, this transaction would be the one failed, and the test with it)
            QuarkusTransaction.requiringNew().run(() -> {
                ledger.lock(both.get(1));
                TestEvents.publish(STATION_TOPIC, "s", event);
                await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = CAST(?1 AS oid)")
                        .setParameter(1, Integer.toUnsignedLong(both.get(1).hashCode())).getSingleResult()).intValue() == 1);
                ledger.lock(both.get(0));
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> facts(both.get(0)) == 1 && facts(both.get(1)) == 1);
            assertThat(dead.drain(Duration.ofSeconds(2))).noneMatch(r -> r.value().contains(eventId.toString()));
        }
    }

    @Test
    void a_year_without_rule_sets_keeps_the_latest_earlier_ones_until_its_own_are_published() {
        // the seeds have rule sets for 2026 only; a case received in 2031 still earns 桑植县's point, by its latest set
        UUID deputy = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> ledger.recordFact(UUID.randomUUID(), "lianluo.case.received.v1", deputy,
                FactType.CASE_RECEIVED, LocalDate.of(2031, 3, 2), "430822207"));
        assertThat(points(deputy, 2031)).isEqualTo(1);
        given().header("Authorization", SANGZHI).when().get("/api/v1/points/rules/430822207/2031").then().statusCode(200)
                .body("year", equalTo(2031))
                .body("inheritedFrom", equalTo("430822"))
                .body("rules.flagDate", equalTo("2031-10-01"))
                .body("rules.note", org.hamcrest.Matchers.containsString("沿用 2026 年"));
        // before the first rule set there is none to keep
        given().header("Authorization", SANGZHI).when().get("/api/v1/points/rules/430822207/2020").then().statusCode(404);
    }

    @Test
    void publishing_a_rule_set_rescores_the_later_years_that_keep_it() {
        // 保靖县 has no rules of its own: a case in 2030 earns Hunan's 2026 point, carried
        UUID deputy = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> ledger.recordFact(UUID.randomUUID(), "lianluo.case.received.v1", deputy,
                FactType.CASE_RECEIVED, LocalDate.of(2030, 5, 6), "433125101"));
        assertThat(points(deputy, 2030)).isEqualTo(1);
        Map<String, Object> rules = Map.of("points", Map.of("CASE_RECEIVED", 4), "caps", Map.of(), "requiredStationEntries", 4);
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", "433125")).contentType(ContentType.JSON).body(rules)
                .when().put("/api/v1/points/rules/433125/2026").then().statusCode(200);
        // its own 2026 rules now also apply to 2030, which has none: scored again, the old award reversed
        assertThat(points(deputy, 2030)).isEqualTo(4);
    }

    long points(UUID deputy, int year) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT coalesce(sum(points), 0) FROM ledger_entry WHERE deputy_id = ?1 AND year = ?2")
                .setParameter(1, deputy).setParameter(2, year).getSingleResult()).longValue());
    }

    @Test
    void a_new_rule_version_recomputes_the_year_with_visible_reversals() {
        UUID deputy = deputy("433124108");
        TestEvents.publish(STATION_TOPIC, "s", reception(UUID.randomUUID(), deputy, "2026-04-08", "433124108"));
        TestEvents.publish(STATION_TOPIC, "s", reception(UUID.randomUUID(), deputy, "2026-05-08", "433124108"));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(deputy) == 2);
        String huayuan = TestTokens.bearer("SUPERVISOR", "433124");
        assertThat(total(deputy, huayuan)).isEqualTo(4); // Hunan's rules: 2 an entry
        given().header("Authorization", huayuan).when().get("/api/v1/points/rules/433124108/2026").then().statusCode(200)
                .body("inheritedFrom", equalTo("43"));

        Map<String, Object> rules = Map.of("points", Map.of("STATION_ENTRY", 5), "caps", Map.of(),
                "requiredStationEntries", 4, "flagDate", "2026-10-01", "lowScore", 10,
                "grades", List.of(Map.of("name", "优秀", "minPoints", 10), Map.of("name", "合格", "minPoints", 0)));
        try (KafkaTap tap = KafkaTap.open("test.scoring.events")) {
            given().header("Authorization", huayuan).contentType(ContentType.JSON).body(rules)
                    .when().put("/api/v1/points/rules/433124/2026").then().statusCode(200)
                    .body("ruleSet.version", equalTo(1)).body("deputiesRecomputed", equalTo(1));
            tap.await(r -> r.key().equals("433124-2026") && r.value().contains("lianluo.scoring.rules-published.v1"), Duration.ofSeconds(20));
            assertEveryRecordKeepsTheContract(tap);
        }
        given().header("Authorization", huayuan).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + deputy)
                .then().statusCode(200)
                .body("total", equalTo(10))
                .body("grade", equalTo("优秀"))
                .body("ledger.findAll { it.kind == 'REVERSAL' }", hasSize(2))
                .body("ledger", hasSize(6));

        var negative = Map.of("points", Map.of("STATION_ENTRY", 5), "caps", Map.of("STATION_ENTRY", Map.of("period", "MONTH", "max", -1)),
                "requiredStationEntries", 4);
        given().header("Authorization", huayuan).contentType(ContentType.JSON).body(negative)
                .when().put("/api/v1/points/rules/433124/2026").then().statusCode(400);
        given().header("Authorization", huayuan).contentType(ContentType.JSON).body(rules)
                .when().put("/api/v1/points/rules/433124/2031").then().statusCode(400).body("errors[0].field", equalTo("year"));
    }

    @Test
    void an_appeal_granted_is_a_reversing_entry_and_another_deputys_entry_cannot_be_appealed() {
        UUID deputy = deputy("430822207");
        UUID other = deputy("430822207");
        TestEvents.publish(STATION_TOPIC, "s", reception(UUID.randomUUID(), deputy, "2026-06-02", "430822207"));
        TestEvents.publish(STATION_TOPIC, "s", reception(UUID.randomUUID(), other, "2026-06-02", "430822207"));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(deputy) == 1 && facts(other) == 1);
        String own = TestTokens.deputy("430822207", deputy.toString());
        String entry = given().header("Authorization", own).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + deputy)
                .then().extract().path("ledger[0].id");
        String othersEntry = given().header("Authorization", SANGZHI).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + other)
                .then().extract().path("ledger[0].id");

        given().header("Authorization", own).contentType(ContentType.JSON)
                .body(Map.of("year", 2026, "entryId", othersEntry, "reason", "不是我的"))
                .when().post("/api/v1/points/appeals").then().statusCode(422);
        String appeal = given().header("Authorization", own).contentType(ContentType.JSON)
                .body(Map.of("year", 2026, "entryId", entry, "reason", "当天我请假,未实际进站"))
                .when().post("/api/v1/points/appeals").then().statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
        try (KafkaTap tap = KafkaTap.open("test.scoring.events")) {
            given().header("Authorization", SANGZHI).contentType(ContentType.JSON).body(Map.of("note", "核实属实"))
                    .when().post("/api/v1/points/appeals/" + appeal + "/grant").then().statusCode(200).body("status", equalTo("GRANTED"));
            tap.await(r -> r.key().equals(deputy.toString()) && r.value().contains("lianluo.scoring.appeal-decided.v1"),
                    Duration.ofSeconds(20));
            assertEveryRecordKeepsTheContract(tap);
        }
        given().header("Authorization", SANGZHI).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/points/appeals/" + appeal + "/deny").then().statusCode(409);
        given().header("Authorization", own).queryParam("year", 2026).when().get("/api/v1/points/deputies/" + deputy).then()
                .body("total", equalTo(0))
                .body("ledger.find { it.kind == 'APPEAL' }.reverses", equalTo(entry));

        String missing = given().header("Authorization", own).contentType(ContentType.JSON)
                .body(Map.of("year", 2026, "factType", "ACTIVITY_SURVEY", "points", 3, "reason", "7月参加县人大调研未计分"))
                .when().post("/api/v1/points/appeals").then().statusCode(201).extract().path("id");
        given().header("Authorization", SANGZHI).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/points/appeals/" + missing + "/grant").then().statusCode(200);
        assertThat(total(deputy, own)).isEqualTo(3);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() ->
                        em.createNativeQuery("UPDATE ledger_entry SET points = 100").executeUpdate()))
                .as("the ledger refuses edits").hasStackTraceContaining("append-only");
    }

    @Test
    void an_unknown_event_type_or_version_goes_to_the_dead_letter_topic_with_the_reason() {
        try (KafkaTap dead = KafkaTap.open(CASE_TOPIC + ".dlq")) {
            UUID id = UUID.randomUUID();
            TestEvents.publish(CASE_TOPIC, "k", TestEvents.envelope(id, "/lianluo/case-service", "lianluo.case.received.v2",
                    UUID.randomUUID().toString(), "43", "{}"));
            var record = dead.await(r -> r.value().contains(id.toString()), Duration.ofSeconds(30));
            assertThat(new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("lianluo.case.received.v2");
        }
        UUID deputy = deputy("430822207");
        TestEvents.publish(STATION_TOPIC, "s", reception(UUID.randomUUID(), deputy, "2026-07-01", "430822207"));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(deputy) == 1);
    }

    @Test
    void rankings_alerts_frozen_tables_and_the_export() throws java.io.IOException {
        UUID busy = deputy("430822207");
        UUID idle = deputy("430822207");
        int withEntriesBefore = withRequiredEntries();
        for (String date : List.of("2026-01-08", "2026-02-08", "2026-03-08", "2026-04-08")) {
            TestEvents.publish(STATION_TOPIC, "s", reception(UUID.randomUUID(), busy, date, "430822207"));
        }
        TestEvents.publish(STATION_TOPIC, "s", reception(UUID.randomUUID(), idle, "2026-02-09", "430822207"));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(busy) == 4 && facts(idle) == 1
                && QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM deputy_copy WHERE deputy_id IN (?1, ?2)").setParameter(1, busy).setParameter(2, idle)
                .getSingleResult()).intValue()) == 2);

        given().header("Authorization", SANGZHI).queryParam("region", "430822207").queryParam("year", 2026).queryParam("size", 200)
                .when().get("/api/v1/points/ranking").then().statusCode(200)
                .body("items.find { it.deputyId == '" + busy + "' }.total", equalTo(12))
                .body("items.find { it.deputyId == '" + busy + "' }.grade", equalTo("合格"));
        // the dashboard: busy now has the required entries (counted beside the facts), idle not; the top five ranked
        assertThat(withRequiredEntries()).isEqualTo(withEntriesBefore + 1);
        List<Map<String, Object>> top = given().header("Authorization", SANGZHI).queryParam("region", "430822207")
                .queryParam("year", 2026).when().get("/api/v1/points/statistics").then().statusCode(200)
                .extract().jsonPath().getList("top");
        assertThat(top).hasSizeBetween(1, 5);
        for (int i = 0; i < top.size(); i++) {
            int points = (Integer) top.get(i).get("total");
            long above = top.stream().filter(t -> (Integer) t.get("total") > points).count();
            assertThat(top.get(i).get("rank")).isEqualTo((int) above + 1);
        }
        assertThat(top).extracting(t -> (Integer) t.get("total")).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        var alerts = queries.alerts(cn.lianluo.common.region.RegionCode.of("430822207"), 2026, LocalDate.of(2026, 10, 2), 0, 200)
                .items();
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.deputyId()).isEqualTo(idle);
            assertThat(a.kind()).isEqualTo(PointsDtos.AlertKind.STATION_ENTRIES);
        });
        assertThat(alerts).noneMatch(a -> a.deputyId().equals(busy) && a.kind() == PointsDtos.AlertKind.STATION_ENTRIES);
        assertThat(queries.alerts(cn.lianluo.common.region.RegionCode.of("430822207"), 2026, LocalDate.of(2026, 9, 1), 0, 200)
                .total()).isZero();
        // paged as every list: one a page, the pages together are the whole list, in the same order
        var onePerPage = java.util.stream.IntStream.range(0, alerts.size()).mapToObj(p -> queries.alerts(
                cn.lianluo.common.region.RegionCode.of("430822207"), 2026, LocalDate.of(2026, 10, 2), p, 1)).toList();
        assertThat(onePerPage).allSatisfy(p -> assertThat(p.total()).isEqualTo(alerts.size()));
        assertThat(onePerPage.stream().flatMap(p -> p.items().stream()).toList()).isEqualTo(alerts);
        assertThat(queries.alerts(cn.lianluo.common.region.RegionCode.of("430822207"), 2026, LocalDate.of(2026, 10, 2),
                alerts.size(), 1).items()).isEmpty();

        try (KafkaTap tap = KafkaTap.open("test.scoring.events")) {
            assertThat(alertJob.raiseAlerts(LocalDate.of(2026, 10, 2))).isPositive();
            assertThat(alertJob.raiseAlerts(LocalDate.of(2026, 10, 2))).isZero();
            tap.await(r -> r.key().equals(idle.toString()) && r.value().contains("lianluo.scoring.alert-raised.v1"), Duration.ofSeconds(20));

            given().header("Authorization", SANGZHI).contentType(ContentType.JSON)
                    .body(Map.of("region", "430822", "year", 2026, "quarter", 1)).when().post("/api/v1/points/snapshots")
                    .then().statusCode(201).body("rows.deputyId", hasItem(busy.toString()));
            tap.await(r -> r.key().equals("430822-2026-Q1") && r.value().contains("lianluo.scoring.snapshot-published.v1"),
                    Duration.ofSeconds(20));
            assertEveryRecordKeepsTheContract(tap);
        }
        given().header("Authorization", SANGZHI).contentType(ContentType.JSON)
                .body(Map.of("region", "430822", "year", 2026, "quarter", 1)).when().post("/api/v1/points/snapshots")
                .then().statusCode(409);
        given().header("Authorization", SANGZHI).when().get("/api/v1/points/snapshots/430822/2026/1").then().statusCode(200)
                .body("rows.find { it.deputyId == '" + busy + "' }.total", equalTo(9)); // Q1: three entries

        byte[] csv = given().header("Authorization", SANGZHI).queryParam("region", "430822").queryParam("year", 2026)
                .when().get("/api/v1/points/export").then().statusCode(200).extract().asByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFF名次,代表ID,姓名").contains(busy.toString());
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        String busyLine = lines.stream().filter(l -> l.contains(busy.toString())).findFirst().orElseThrow();
        byte[] xlsx = given().header("Authorization", SANGZHI).queryParam("region", "430822").queryParam("format", "xlsx")
                .when().get("/api/v1/points/export").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"points-430822-2026.xlsx\"").extract().asByteArray();
        // the workbook holds what the CSV holds: as many rows, 名次 and 积分 as numbers
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("履职积分");
            assertThat(sheet.getLastRowNum() + 1).isEqualTo(lines.size());
            var row = java.util.stream.IntStream.rangeClosed(1, sheet.getLastRowNum()).mapToObj(sheet::getRow)
                    .filter(r -> r.getCell(1).getStringCellValue().equals(busy.toString())).findFirst().orElseThrow();
            String[] cells = busyLine.split(",");
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(Double.parseDouble(cells[0]));
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(Double.parseDouble(cells[4]));
        }
        given().header("Authorization", SANGZHI).queryParam("format", "ods").when().get("/api/v1/points/export")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
    }

    private int withRequiredEntries() {
        return given().header("Authorization", SANGZHI).queryParam("region", "430822207").queryParam("year", 2026)
                .when().get("/api/v1/points/statistics").then().statusCode(200).extract().path("total.withRequiredEntries");
    }
}
