package cn.lianluo.notification.rest;

import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.common.testing.TestEvents;
import cn.lianluo.common.testing.TestTokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Case events in, the exact messages out: SMS (log adapter), inbox entries and e-mails received by a real SMTP server. */
@QuarkusTest
class NotificationRulesIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    static List<Map<String, Object>> messages(UUID caseId) {
        return Events.log(caseId).then().statusCode(200).extract().jsonPath().getList("items");
    }

    static Map<String, Object> one(UUID caseId, String recipient, String channel) {
        return messages(caseId).stream().filter(m -> recipient.equals(m.get("recipient")) && channel.equals(m.get("channel")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + channel + " message to " + recipient));
    }

    /** The status of the case's message to the recipient on the channel; null while there is none (yet). */
    static Object statusOf(UUID caseId, String recipient, String channel) {
        return messages(caseId).stream().filter(m -> recipient.equals(m.get("recipient")) && channel.equals(m.get("channel")))
                .map(m -> m.get("status")).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    static List<String> outcomes(Map<String, Object> message) {
        return ((List<Map<String, Object>>) message.get("history")).stream().map(a -> (String) a.get("outcome")).toList();
    }

    @Test
    void intake_tells_the_citizen_their_tracking_code_by_sms_and_the_station_in_its_inbox_once() {
        UUID caseId = UUID.randomUUID();
        UUID station = UUID.randomUUID();
        String phone = Events.phone();
        UUID eventId = Events.publish(UUID.randomUUID(),
                Events.data(caseId, "received", phone, "LLABCDEFGH23", false, station, null, null, 0));
        await().atMost(WAIT).until(() -> messages(caseId).stream().anyMatch(m -> "LOG_ONLY".equals(m.get("status"))
                && "SMS".equals(m.get("channel"))));
        List<Map<String, Object>> all = messages(caseId);
        assertThat(all).extracting(m -> m.get("recipient") + " " + m.get("channel") + " " + m.get("rule") + " " + m.get("status"))
                .containsExactlyInAnyOrder("citizen:" + caseId + " SMS citizen-received LOG_ONLY",
                        "station:" + station + " INBOX station-reception-received SENT");
        Map<String, Object> sms = one(caseId, "citizen:" + caseId, "SMS");
        assertThat((String) sms.get("body")).contains("查询码LLABCDEFGH23");
        assertThat(sms.get("addressMasked")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(outcomes(sms)).containsExactly("LOG_ONLY");

        Events.publish(eventId, Events.data(caseId, "received", phone, "LLABCDEFGH23", false, station, null, null, 0));
        // a later event of the same case (the same partition): once it is in, the redelivery was read before it
        Events.publish(UUID.randomUUID(), Events.data(caseId, "reopened", phone, "LLABCDEFGH23", false, station, null, null, 1));
        await().atMost(WAIT).until(() -> messages(caseId).stream().anyMatch(m -> "citizen-reopened".equals(m.get("rule"))));
        assertThat(messages(caseId)).extracting(m -> m.get("rule") + " " + m.get("channel"))
                .containsExactlyInAnyOrder("citizen-received SMS", "station-reception-received INBOX", "citizen-reopened SMS");
    }

    @Test
    void an_event_read_long_after_it_happened_is_recorded_and_sent_to_no_one() throws Exception {
        UUID caseId = UUID.randomUUID();
        UUID station = UUID.randomUUID();
        CaseEvents.CaseData data = Events.data(caseId, "received", Events.phone(), "LLOLDEVENT234", false, station, null, null, 0);
        // the envelope of an intake ten days ago, as a new install reading the topic's history meets it
        ObjectNode envelope = (ObjectNode) Events.MAPPER.readTree(TestEvents.envelope(UUID.randomUUID(), "/lianluo/case-service",
                CaseEvents.type("received"), caseId.toString(), Events.REGION, Events.MAPPER.writeValueAsString(data)));
        envelope.put("time", Instant.now().minus(Duration.ofDays(10)).toString());
        TestEvents.publish(Events.CASE_TOPIC, caseId.toString(), envelope.toString());
        await().atMost(WAIT).until(() -> messages(caseId).size() == 2);
        assertThat(messages(caseId)).extracting(m -> m.get("channel") + " " + m.get("status"))
                .containsExactlyInAnyOrder("SMS SKIPPED", "INBOX SKIPPED");
        assertThat(outcomes(one(caseId, "citizen:" + caseId, "SMS"))).containsExactly("TOO_OLD");
        // nor does the station's inbox show it
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", Events.REGION)).queryParam("size", 200)
                .when().get("/api/v1/inbox").then().statusCode(200)
                .body("items.findAll { it.body.contains('" + caseId.toString().substring(0, 8).toUpperCase() + "') }.size()",
                        org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void a_citizen_sealed_under_an_unknown_key_is_skipped_and_the_station_still_hears_of_the_case() throws Exception {
        UUID caseId = UUID.randomUUID();
        UUID station = UUID.randomUUID();
        CaseEvents.CaseData good = Events.data(caseId, "received", Events.phone(), "LLUNSEALED23", false, station, null, null, 0);
        // sealed under a key this service does not hold (a county that rotated case-service's key alone)
        String foreign = new SealedContact("other-1:q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=")
                .seal("{\"phone\":\"13900000000\",\"trackingCode\":\"LLUNSEALED23\"}");
        ObjectNode data = (ObjectNode) Events.MAPPER.valueToTree(good);
        ((ObjectNode) data.get("citizen")).put("sealed", foreign);
        Events.publish(UUID.randomUUID(), Events.MAPPER.treeToValue(data, CaseEvents.CaseData.class));
        await().atMost(WAIT).until(() -> messages(caseId).size() == 2);
        assertThat(messages(caseId)).extracting(m -> m.get("recipient") + " " + m.get("channel") + " " + m.get("status"))
                .containsExactlyInAnyOrder("citizen:" + caseId + " SMS SKIPPED", "station:" + station + " INBOX SENT");
        Map<String, Object> sms = one(caseId, "citizen:" + caseId, "SMS");
        assertThat(outcomes(sms)).containsExactly("UNSEALABLE");
        assertThat(sms.get("addressMasked")).isNull();
    }

    @Test
    void an_assignment_reaches_the_unit_in_its_inbox_and_by_email_at_its_contact() throws Exception {
        UUID unit = UUID.randomUUID();
        given().header("Authorization", Events.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "4311", "email", "banshi@example.cn", "phone", "0746-1234567"))
                .put("/api/v1/notifications/contacts/unit/" + unit).then().statusCode(200);
        UUID caseId = UUID.randomUUID();
        Events.publish(UUID.randomUUID(), Events.data(caseId, "assigned", Events.phone(), "LLASSIGNED23", true, null, unit, null, 0));
        await().atMost(WAIT).until(() -> "SENT".equals(statusOf(caseId, "unit:" + unit, "EMAIL")));
        assertThat(messages(caseId)).extracting(m -> m.get("channel") + " " + m.get("rule"))
                .containsExactlyInAnyOrder("INBOX unit-assigned", "EMAIL unit-assigned");
        Map<String, Object> inbox = one(caseId, "unit:" + unit, "INBOX");
        String caseNo = caseId.toString().substring(0, 8).toUpperCase();
        assertThat(inbox.get("title")).isEqualTo("交办：诉求件" + caseNo);
        assertThat((String) inbox.get("body")).startsWith("【紧急】").contains("办理时限至2026年12月10日");
        assertThat(one(caseId, "unit:" + unit, "EMAIL").get("addressMasked")).isEqualTo("b***@example.cn");

        MimeMessage mail = Arrays.stream(SmtpServer.received().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().contains(caseNo);
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("【联络站】交办：诉求件" + caseNo);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("banshi@example.cn");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
    }

    @Test
    void a_transfer_tells_both_units_and_a_unit_without_an_email_is_skipped() {
        UUID from = UUID.randomUUID();
        UUID to = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        Events.publish(UUID.randomUUID(), Events.data(caseId, "transferred", null, null, false, null, to, from, 0));
        await().atMost(WAIT).until(() -> messages(caseId).size() == 4);
        assertThat(messages(caseId)).extracting(m -> m.get("recipient") + " " + m.get("channel") + " " + m.get("rule") + " " + m.get("status"))
                .containsExactlyInAnyOrder("unit:" + to + " INBOX unit-transferred-in SENT",
                        "unit:" + to + " EMAIL unit-transferred-in SKIPPED",
                        "unit:" + from + " INBOX unit-transferred-out SENT",
                        "unit:" + from + " EMAIL unit-transferred-out SKIPPED");
        assertThat(outcomes(one(caseId, "unit:" + from, "EMAIL"))).containsExactly("NO_ADDRESS");
        assertThat((String) one(caseId, "unit:" + to, "INBOX").get("body")).contains("不属本单位职责");
    }

    @Test
    void over_the_daily_cap_an_sms_is_skipped() {
        String phone = Events.phone();
        List<UUID> cases = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID());
        for (UUID caseId : cases) {
            Events.publish(UUID.randomUUID(), Events.data(caseId, "received", phone, "LLCAP" + caseId.toString().substring(0, 7).toUpperCase(),
                    false, null, null, null, 0));
        }
        await().atMost(WAIT).until(() -> cases.stream().allMatch(c -> {
            List<Map<String, Object>> m = messages(c);
            return m.size() == 1 && !List.of("PENDING", "SENDING").contains(m.get(0).get("status"));
        }));
        List<String> statuses = cases.stream().map(c -> (String) messages(c).get(0).get("status")).toList();
        assertThat(statuses).filteredOn("LOG_ONLY"::equals).hasSize(5);
        assertThat(statuses).filteredOn("SKIPPED"::equals).hasSize(1);
        assertThat(cases.stream().map(c -> messages(c).get(0)).filter(m -> "SKIPPED".equals(m.get("status")))
                .map(NotificationRulesIT::outcomes).toList()).containsExactly(List.of("DAILY_CAP"));
    }

    @Test
    void a_citizen_who_opted_out_gets_no_more_sms() {
        String phone = Events.phone();
        UUID caseId = UUID.randomUUID();
        Events.publish(UUID.randomUUID(), Events.data(caseId, "received", phone, "LLOPTOUT2345", false, null, null, null, 0));
        await().atMost(WAIT).until(() -> "LOG_ONLY".equals(statusOf(caseId, "citizen:" + caseId, "SMS")));

        given().contentType(ContentType.JSON).body(Map.of("trackingCode", "LLOPTOUT2345", "phone", Events.phone()))
                .post("/api/v1/notifications/opt-out").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("trackingCode", "lloptout2345", "phone", phone))
                .post("/api/v1/notifications/opt-out").then().statusCode(204);

        UUID eventId = Events.publish(UUID.randomUUID(), Events.data(caseId, "replied", phone, "LLOPTOUT2345", false, null, null, null, 0));
        await().atMost(WAIT).until(() -> messages(caseId).stream().anyMatch(m -> eventId.toString().equals(m.get("eventId"))
                && "SKIPPED".equals(m.get("status"))));
        Map<String, Object> replied = messages(caseId).stream().filter(m -> eventId.toString().equals(m.get("eventId")))
                .findFirst().orElseThrow();
        assertThat(replied.get("rule")).isEqualTo("citizen-replied");
        assertThat(outcomes(replied)).containsExactly("OPTED_OUT");
    }

    @Test
    void contacts_are_kept_by_admins_of_their_region_with_the_phone_masked() {
        UUID station = UUID.randomUUID();
        String path = "/api/v1/notifications/contacts/station/" + station;
        given().header("Authorization", cn.lianluo.common.testing.TestTokens.bearer("ADMIN", "4312"))
                .contentType(ContentType.JSON).body(Map.of("regionCode", "431124", "email", "zhan@example.cn"))
                .put(path).then().statusCode(403);
        given().header("Authorization", Events.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "431124", "phone", "13912345678")).put(path).then().statusCode(200);
        given().header("Authorization", Events.ADMIN).get(path).then().statusCode(200)
                .body("phoneMasked", org.hamcrest.Matchers.equalTo("139****5678"))
                .body("kind", org.hamcrest.Matchers.equalTo("station"));
        given().header("Authorization", Events.ADMIN).contentType(ContentType.JSON).body(Map.of("regionCode", "431124"))
                .put(path).then().statusCode(400);
        given().header("Authorization", Events.ADMIN).get("/api/v1/notifications/contacts/citizen/" + station)
                .then().statusCode(400);
        given().header("Authorization", cn.lianluo.common.testing.TestTokens.bearer("SUPERVISOR", "43")).get(path)
                .then().statusCode(403);
        given().header("Authorization", Events.ADMIN).delete(path).then().statusCode(204);
        given().header("Authorization", Events.ADMIN).get(path).then().statusCode(404);
    }

    /** A deputy as deputy-service registers one, active, in the region. */
    static void registerDeputy(UUID deputy, String region) throws Exception {
        var data = new cn.lianluo.common.events.contract.DeputyEvents.DeputyData(deputy, "代表", "女", "瑶族", region,
                "139****0001", true, List.of());
        TestEvents.publish("test.notification-in.deputy.events", deputy.toString(),
                TestEvents.envelope(UUID.randomUUID(), "/lianluo/deputy-service",
                        "lianluo.deputy.registered.v1", deputy.toString(), region, Events.MAPPER.writeValueAsString(data)));
    }

    /** A project shortlisted into the vote {@code session} of the region, published (a new event id) under {@code key}. */
    static void shortlisted(String key, UUID project, String title, UUID session, String region, Instant opens,
                            Instant closes) throws Exception {
        var data = new CaseEvents.ProjectData(project, "shortlisted", "ADMIN", Instant.now(), "SHORTLISTED", region, 2027,
                title, "DEPUTY", null, session, "COUNTY", null, null, null, 0, null, null, null, List.of(), opens, closes, null,
                null, null, null, null, null, null);
        TestEvents.publish(Events.CASE_TOPIC, key, TestEvents.envelope(UUID.randomUUID(), "/lianluo/case-service",
                "lianluo.case.project-shortlisted.v1", project.toString(), region, Events.MAPPER.writeValueAsString(data)));
    }

    @Test
    void a_deputys_contact_belongs_to_the_deputys_region_whatever_the_body_says() throws Exception {
        UUID deputy = UUID.randomUUID();
        var data = new cn.lianluo.common.events.contract.DeputyEvents.DeputyData(deputy, "代表", "男", "汉族", "431124108",
                "139****0002", true, List.of());
        cn.lianluo.common.testing.TestEvents.publish("test.notification-in.deputy.events", deputy.toString(),
                cn.lianluo.common.testing.TestEvents.envelope(UUID.randomUUID(), "/lianluo/deputy-service",
                        "lianluo.deputy.registered.v1", deputy.toString(), "431124108", Events.MAPPER.writeValueAsString(data)));
        String path = "/api/v1/notifications/contacts/deputy/" + deputy;
        // the province's ADMIN naming a wrong region gets the contact stored under the deputy's own (once the
        // deputy's event is in: until then the body's region stands in)
        await().atMost(WAIT).until(() -> "431124108".equals(given().header("Authorization", Events.ADMIN)
                .contentType(ContentType.JSON).body(Map.of("regionCode", "431224", "email", "daibiao@example.cn"))
                .put(path).then().statusCode(200).extract().path("regionCode")));
        // an ADMIN of another county naming their own region is refused, and does not see the contact
        String otherCounty = cn.lianluo.common.testing.TestTokens.bearer("ADMIN", "431224");
        given().header("Authorization", otherCounty).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "431224", "email", "other@example.cn")).put(path).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", otherCounty).get(path).then().statusCode(403);
        given().header("Authorization", Events.ADMIN).get(path).then().statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo("daibiao@example.cn"));
    }

    @Test
    void deputies_of_the_region_hear_that_a_vote_opened_and_one_hears_of_station_entries_short() throws Exception {
        UUID inRegion = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        registerDeputy(inRegion, "431124108");
        registerDeputy(elsewhere, "431224");
        given().header("Authorization", Events.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "431124108", "phone", "13900001111"))
                .put("/api/v1/notifications/contacts/deputy/" + inRegion).then().statusCode(200);
        UUID project = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Instant opens = Instant.now().minus(Duration.ofHours(1));
        // the deputies' events come on another topic: the project's event (a new one each time) until the copy has them
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(3)).until(() -> {
            // as before the vote's window was in the event: no reminder of its close
            shortlisted(project.toString(), project, "村道硬化", session, "4311", opens, null);
            return messages(project).stream().anyMatch(m -> "LOG_ONLY".equals(m.get("status")) && "SMS".equals(m.get("channel")));
        });
        assertThat(messages(project)).extracting(m -> m.get("recipient") + " " + m.get("channel") + " " + m.get("rule"))
                .contains("deputy:" + inRegion + " INBOX deputy-vote-opened", "deputy:" + inRegion + " SMS deputy-vote-opened")
                .noneMatch(line -> line.startsWith("deputy:" + elsewhere));
        assertThat((String) one(project, "deputy:" + inRegion, "INBOX").get("body")).contains("村道硬化").contains("2027年票决");
    }

    @Test
    void a_vote_is_announced_once_per_deputy_and_recalled_a_day_before_it_closes() throws Exception {
        String region = "431124" + (100 + ThreadLocalRandom.current().nextInt(899));
        UUID deputy = UUID.randomUUID();
        String recipient = "deputy:" + deputy;
        registerDeputy(deputy, region);
        given().header("Authorization", Events.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("regionCode", region, "phone", Events.phone()))
                .put("/api/v1/notifications/contacts/deputy/" + deputy).then().statusCode(200);
        UUID session = UUID.randomUUID();
        Instant opens = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant closes = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // one key for every event of this test, so they are read in the order published
        String key = session.toString();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(3)).until(() -> {
            shortlisted(key, first, "村道硬化", session, region, opens, closes);
            return messages(first).stream().anyMatch(m -> recipient.equals(m.get("recipient")));
        });
        // the second candidate of the same vote, one of a vote already closed, and one of a vote closing within a day,
        // read in this order
        shortlisted(key, second, "自来水管网改造", session, region, opens, closes);
        UUID closedVote = UUID.randomUUID();
        shortlisted(key, closedVote, "路灯安装", UUID.randomUUID(), region, opens.minus(Duration.ofDays(8)),
                opens.minus(Duration.ofDays(1)));
        UUID lastDay = UUID.randomUUID();
        Instant soon = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        shortlisted(key, lastDay, "集贸市场改造", UUID.randomUUID(), region, opens.minus(Duration.ofDays(2)), soon);
        await().atMost(WAIT).until(() -> messages(lastDay).stream().anyMatch(m -> recipient.equals(m.get("recipient"))
                && "deputy-vote-closing".equals(m.get("rule"))));

        assertThat(messages(second)).noneMatch(m -> recipient.equals(m.get("recipient")));
        assertThat(messages(closedVote)).noneMatch(m -> recipient.equals(m.get("recipient")));
        assertThat(messages(first)).filteredOn(m -> recipient.equals(m.get("recipient")))
                .extracting(m -> m.get("channel") + " " + m.get("rule"))
                .containsExactlyInAnyOrder("INBOX deputy-vote-opened", "SMS deputy-vote-opened",
                        "INBOX deputy-vote-closing", "SMS deputy-vote-closing");
        assertThat(ruled(first, recipient, "INBOX", "deputy-vote-opened").get("eventId"))
                .isEqualTo(UUID.nameUUIDFromBytes((session + ":opened").getBytes(StandardCharsets.UTF_8)).toString());
        Map<String, Object> closing = ruled(first, recipient, "INBOX", "deputy-vote-closing");
        assertThat(closing.get("eventId"))
                .isEqualTo(UUID.nameUUIDFromBytes((session + ":closing").getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(Instant.parse((String) closing.get("notBefore"))).isEqualTo(closes.minus(Duration.ofHours(24)));
        assertThat(closing.get("body")).isEqualTo("2027年民生实事项目票决将于" + chinese(closes)
                + "截止，尚未投票的请及时登录联络站系统投票。");
        Map<String, Object> closingSms = ruled(first, recipient, "SMS", "deputy-vote-closing");
        assertThat(closingSms.get("status")).isEqualTo("PENDING");
        assertThat(Instant.parse((String) closingSms.get("notBefore"))).isEqualTo(closes.minus(Duration.ofHours(24)));
        // the vote closing within a day is recalled at once
        Map<String, Object> recall = ruled(lastDay, recipient, "INBOX", "deputy-vote-closing");
        assertThat(Instant.parse((String) recall.get("notBefore"))).isBefore(soon.minus(Duration.ofHours(1)));

        // the first vote's reminder is not in the deputy's inbox before it is due ...
        String token = TestTokens.deputy(region, deputy.toString());
        assertThat(inboxTitles(token)).containsExactlyInAnyOrder("民生实事项目票决已开始", "民生实事项目票决已开始",
                "民生实事项目票决明日截止");
        unread(token, 3);
        // ... and is once it is (its due time moved to the past rather than waiting three days)
        try (var db = java.sql.DriverManager.getConnection(cn.lianluo.common.testing.RealInfrastructure.jdbcUrl("notification_test"),
                cn.lianluo.common.testing.RealInfrastructure.DB_USER, cn.lianluo.common.testing.RealInfrastructure.DB_PASSWORD);
             var due = db.prepareStatement("UPDATE message SET not_before = now() - interval '1 minute' WHERE id = ?")) {
            due.setObject(1, UUID.fromString((String) closing.get("id")));
            assertThat(due.executeUpdate()).isEqualTo(1);
        }
        assertThat(inboxTitles(token)).containsExactlyInAnyOrder("民生实事项目票决已开始", "民生实事项目票决已开始",
                "民生实事项目票决明日截止", "民生实事项目票决明日截止");
        unread(token, 4);
    }

    @Test
    void a_vote_shorter_than_a_day_is_announced_without_a_closing_reminder() throws Exception {
        String region = "431124" + (100 + ThreadLocalRandom.current().nextInt(899));
        String recipient = "deputy:" + deputyWithPhone(region);
        UUID project = UUID.randomUUID();
        // open an hour ago, closing in twelve: the reminder a day before the close would come before the vote opened
        shortlistedUntil(project, region, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(12)),
                recipient, "LOG_ONLY");
        // both rules of the event were applied in one transaction: a reminder would be there by now
        assertThat(messages(project)).filteredOn(m -> recipient.equals(m.get("recipient")))
                .extracting(m -> m.get("channel") + " " + m.get("rule"))
                .containsExactlyInAnyOrder("INBOX deputy-vote-opened", "SMS deputy-vote-opened");
    }

    @Test
    void a_vote_sms_still_waiting_when_the_vote_closes_is_not_sent() throws Exception {
        String region = "431124" + (100 + ThreadLocalRandom.current().nextInt(899));
        String recipient = "deputy:" + deputyWithPhone(region);
        UUID project = UUID.randomUUID();
        shortlistedUntil(project, region, Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(2)),
                recipient, "PENDING");
        Map<String, Object> sms = ruled(project, recipient, "SMS", "deputy-vote-opened");
        // three hours on, as if the SMS had been held past the close (quiet hours, retries, a backlog): both its due
        // time and the time it expires, as the rule wrote them, move back
        try (var db = LegacyHashIT.db(); var later = db.prepareStatement("""
                     UPDATE message SET not_before = not_before - interval '3 hours', expires_at = expires_at - interval '3 hours'
                     WHERE id = ? AND status = 'PENDING'""")) {
            later.setObject(1, UUID.fromString((String) sms.get("id")));
            assertThat(later.executeUpdate()).isEqualTo(1);
        }
        await().atMost(WAIT).until(() -> "SKIPPED".equals(statusOfRule(project, recipient, "SMS", "deputy-vote-opened")));
        assertThat(outcomes(ruled(project, recipient, "SMS", "deputy-vote-opened"))).containsExactly("EXPIRED");
        assertThat(ruled(project, recipient, "INBOX", "deputy-vote-opened").get("status")).isEqualTo("SENT");
    }

    @Test
    void a_deputy_told_of_a_vote_before_its_messages_were_keyed_by_the_vote_is_not_told_again() throws Exception {
        String region = "431124" + (100 + ThreadLocalRandom.current().nextInt(899));
        UUID told = deputyWithPhone(region);
        UUID other = deputyWithPhone(region);
        // the earlier release told the deputy of this vote by the first candidate's event (keyed by it, no vote)
        try (var db = LegacyHashIT.db(); var insert = db.prepareStatement("""
                     INSERT INTO message (id, event_id, event_type, rule, recipient, channel, region_code, subject, template,
                         title, body, params, status, not_before, created_at, sent_at)
                     VALUES (?, ?, 'lianluo.case.project-shortlisted.v1', 'deputy-vote-opened', ?, 'INBOX', ?, ?,
                         'deputy-vote-opened', '民生实事项目票决已开始', '民生实事项目“路灯安装”等候选项目已列入2027年票决',
                         '{"title":"路灯安装","year":"2027"}', 'SENT', now() - interval '1 day', now() - interval '1 day',
                         now() - interval '1 day')""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, "deputy:" + told);
            insert.setString(4, region);
            insert.setString(5, UUID.randomUUID().toString());
            insert.executeUpdate();
        }
        UUID project = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Instant opens = Instant.now().minus(Duration.ofHours(1));
        Instant closes = Instant.now().plus(Duration.ofDays(3));
        // the second candidate, after the upgrade
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(3)).until(() -> {
            shortlisted(session.toString(), project, "自来水管网改造", session, region, opens, closes);
            return statusOfRule(project, "deputy:" + other, "INBOX", "deputy-vote-opened") != null
                    && statusOfRule(project, "deputy:" + told, "INBOX", "deputy-vote-closing") != null;
        });
        assertThat(messages(project)).filteredOn(m -> ("deputy:" + told).equals(m.get("recipient")))
                .extracting(m -> m.get("channel") + " " + m.get("rule"))
                .containsExactlyInAnyOrder("INBOX deputy-vote-closing", "SMS deputy-vote-closing");
        assertThat(messages(project)).filteredOn(m -> ("deputy:" + other).equals(m.get("recipient")))
                .extracting(m -> m.get("channel") + " " + m.get("rule"))
                .containsExactlyInAnyOrder("INBOX deputy-vote-opened", "SMS deputy-vote-opened",
                        "INBOX deputy-vote-closing", "SMS deputy-vote-closing");
    }

    /**
     * Shortlists the project into a new vote of the region, a new event each time, until the recipient's "opened" SMS
     * has the status (the deputies' copy comes on another topic).
     */
    static void shortlistedUntil(UUID project, String region, Instant opens, Instant closes, String recipient,
                                 String smsStatus) {
        UUID session = UUID.randomUUID();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(3)).until(() -> {
            shortlisted(session.toString(), project, "村道硬化", session, region, opens, closes);
            return smsStatus.equals(statusOfRule(project, recipient, "SMS", "deputy-vote-opened"));
        });
    }

    /** A deputy registered in the region, with a phone of their own; the id. */
    static UUID deputyWithPhone(String region) throws Exception {
        UUID deputy = UUID.randomUUID();
        registerDeputy(deputy, region);
        given().header("Authorization", Events.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("regionCode", region, "phone", Events.phone()))
                .put("/api/v1/notifications/contacts/deputy/" + deputy).then().statusCode(200);
        return deputy;
    }

    /** The status of the subject's message of the rule to the recipient on the channel; null while there is none. */
    static Object statusOfRule(UUID subject, String recipient, String channel, String rule) {
        return messages(subject).stream().filter(m -> recipient.equals(m.get("recipient")) && channel.equals(m.get("channel"))
                && rule.equals(m.get("rule"))).map(m -> m.get("status")).findFirst().orElse(null);
    }

    static Map<String, Object> ruled(UUID subject, String recipient, String channel, String rule) {
        return messages(subject).stream().filter(m -> recipient.equals(m.get("recipient")) && channel.equals(m.get("channel"))
                && rule.equals(m.get("rule"))).findFirst().orElseThrow(() -> new AssertionError("no " + rule + " " + channel));
    }

    static List<String> inboxTitles(String token) {
        return given().header("Authorization", token).queryParam("size", 50).get("/api/v1/inbox").then().statusCode(200)
                .extract().jsonPath().getList("items.title");
    }

    static void unread(String token, int count) {
        given().header("Authorization", token).get("/api/v1/inbox/unread-count").then().statusCode(200)
                .body("unread", org.hamcrest.Matchers.equalTo(count));
    }

    /** 2026年12月8日18:00 in China time, as the templates write a time. */
    static String chinese(Instant at) {
        var local = at.atZone(java.time.ZoneId.of("Asia/Shanghai"));
        return local.getYear() + "年" + local.getMonthValue() + "月" + local.getDayOfMonth() + "日"
                + String.format("%02d:%02d", local.getHour(), local.getMinute());
    }

    @Test
    void a_deputy_hears_of_too_few_station_entries_but_not_of_other_alerts() throws Exception {
        UUID deputy = UUID.randomUUID();
        String topic = "test.notification-in.scoring.events";
        for (String kind : List.of("LOW_SCORE", "STATION_ENTRIES")) {
            var alert = new cn.lianluo.common.events.contract.ScoringEvents.AlertRaised(deputy, "代表", "431124108", 2026,
                    kind, "进站 2 次，应不少于 6 次");
            cn.lianluo.common.testing.TestEvents.publish(topic, deputy.toString(),
                    cn.lianluo.common.testing.TestEvents.envelope(UUID.randomUUID(), "/lianluo/scoring-service",
                            "lianluo.scoring.alert-raised.v1", deputy.toString(), "431124108", Events.MAPPER.writeValueAsString(alert)));
        }
        await().atMost(WAIT).until(() -> !messages(deputy).isEmpty());
        assertThat(messages(deputy)).extracting(m -> m.get("recipient") + " " + m.get("channel") + " " + m.get("rule") + " " + m.get("status"))
                .containsExactly("deputy:" + deputy + " INBOX deputy-station-entries SENT");
        assertThat((String) messages(deputy).get(0).get("body")).isEqualTo("您2026年进站履职次数不足（进站 2 次，应不少于 6 次），请按时进站接待选民。");
    }

    @Test
    void a_message_left_sending_by_a_replica_that_died_is_failed_and_never_sent() throws Exception {
        UUID caseId = UUID.randomUUID();
        try (var db = java.sql.DriverManager.getConnection(cn.lianluo.common.testing.RealInfrastructure.jdbcUrl("notification_test"),
                cn.lianluo.common.testing.RealInfrastructure.DB_USER, cn.lianluo.common.testing.RealInfrastructure.DB_PASSWORD);
             var insert = db.prepareStatement("""
                     INSERT INTO message (id, event_id, event_type, rule, recipient, channel, region_code, subject, template,
                         title, body, params, address_sealed, status, not_before, created_at, taken_at)
                     VALUES (?, ?, 'lianluo.case.received.v1', 'citizen-received', ?, 'SMS', ?, ?, 'citizen-received',
                         '诉求已受理', '查询码LLDIED234567', '{"trackingCode":"LLDIED234567"}', ?, 'SENDING',
                         now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour')""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, "citizen:" + caseId);
            insert.setString(4, Events.REGION);
            insert.setString(5, caseId.toString());
            insert.setString(6, Events.sealer().seal(Events.phone()));
            insert.executeUpdate();
        }
        await().atMost(WAIT).until(() -> "FAILED".equals(statusOf(caseId, "citizen:" + caseId, "SMS")));
        Map<String, Object> failed = one(caseId, "citizen:" + caseId, "SMS");
        assertThat(outcomes(failed)).containsExactly("GIVE_UP");
        assertThat(failed.get("sentAt")).isNull();
    }
}
