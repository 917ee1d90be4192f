package cn.lianluo.notification.service;

import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.common.time.Zones;
import cn.lianluo.notification.persistence.Messages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sending path's safety against the fake Dysmsapi ({@link FakeDysmsapi}): a worker stopped mid-pass leaves the
 * rest PENDING, the provider's day and hour limits put an SMS off (to the next morning, the next hour) without counting
 * an attempt and with its place under the daily cap taken again when it is tried, an SMS without an answer is not sent
 * twice, a late outcome does not overwrite an interrupted message, and retention
 * deletes only what is old and final. The scheduled pass is off: each test runs the worker itself.
 */
@QuarkusTest
@TestProfile(DispatchSafetyIT.Aliyun.class)
class DispatchSafetyIT {

    public static class Aliyun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("lianluo.notify.sms.provider", "aliyun"),
                    Map.entry("lianluo.notify.sms.aliyun.access-key-id", "test-id"),
                    Map.entry("lianluo.notify.sms.aliyun.access-key-secret", "test-secret"),
                    Map.entry("lianluo.notify.sms.aliyun.timeout", "3s"),
                    Map.entry("lianluo.notify.sms.aliyun.template-codes.t-ok", "SMS_OK"),
                    Map.entry("lianluo.notify.sms.aliyun.template-codes.t-day", "SMS_DAY"),
                    Map.entry("lianluo.notify.sms.aliyun.template-codes.t-hour", "SMS_HOUR"),
                    Map.entry("lianluo.notify.sms.aliyun.template-codes.t-slow", "SMS_SLOW"),
                    Map.entry("lianluo.notify.sms.aliyun.template-codes.t-hold", "SMS_HOLD"),
                    // AppointmentSmsIT, under the same profile (one start for both)
                    Map.entry("lianluo.notify.sms.aliyun.template-codes.citizen-appointment-reminder", "SMS_REMIND"),
                    Map.entry("lianluo.notify.sms.aliyun.template-codes.citizen-appointment-withdrawn", "SMS_WITHDRAWN"),
                    Map.entry("lianluo.notify.dispatch.every", "off"));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeDysmsapi.class));
        }
    }

    @Inject
    Dispatcher dispatcher;
    @Inject
    Messages messages;
    @Inject
    SealedContact sealer;
    @Inject
    RetentionJob retention;
    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "lianluo.notify.sms.aliyun.endpoint")
    URI provider;

    @AfterEach
    void resume() {
        dispatcher.resumeSending();
    }

    @Test
    void a_worker_stopped_in_the_middle_of_a_pass_leaves_the_messages_it_did_not_take_pending() throws Exception {
        // the oldest first: the worker takes the held one first, and stops while the provider holds its answer
        UUID first = pending("t-hold", phone(), Instant.parse("2001-01-01T00:00:00Z"));
        UUID second = pending("t-ok", phone(), Instant.parse("2001-01-01T00:00:01Z"));
        UUID third = pending("t-ok", phone(), Instant.parse("2001-01-01T00:00:02Z"));

        CompletableFuture<Integer> pass = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENDING".equals(status(first)));
        dispatcher.stopSending(); // what the ShutdownEvent does
        fake("release");

        assertThat(pass.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(status(first)).isEqualTo("SENT");
        assertThat(status(second)).isEqualTo("PENDING");
        assertThat(status(third)).isEqualTo("PENDING");
        assertThat(outcomes(second)).isEmpty();
        assertThat(calls()).contains(first.toString()).doesNotContain(second.toString(), third.toString());

        // another replica (here: the same worker, started again) sends them
        dispatcher.resumeSending();
        dispatcher.dispatchDue();
        assertThat(status(second)).isEqualTo("SENT");
        assertThat(status(third)).isEqualTo("SENT");
    }

    @Test
    void the_providers_day_limit_puts_the_sms_off_to_the_next_morning_as_no_attempt_and_frees_its_place_under_the_cap()
            throws Exception {
        String phone = phone();
        UUID id = pending("t-day", phone, Instant.parse("2001-01-02T00:00:00Z"));

        Instant before = Instant.now();
        dispatcher.dispatchDue();
        Instant after = Instant.now();

        assertThat(status(id)).isEqualTo("PENDING");
        Instant notBefore = notBefore(id);
        assertThat(notBefore).isIn(Dispatcher.nextDay(before), Dispatcher.nextDay(after));
        assertThat(notBefore.atZone(Zones.CHINA).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(notBefore.atZone(Zones.CHINA).toLocalDate()).isAfter(before.atZone(Zones.CHINA).toLocalDate());
        assertThat(outcomes(id)).containsExactly("DAY_LIMIT");
        assertThat(count("SELECT attempts FROM message WHERE id = ?1", id)).isZero();
        assertThat(capReserved(id)).isFalse();

        // the next morning comes (moved here): tried again, it takes a place under the cap again
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE message SET not_before = '2001-01-02T00:00:00Z' WHERE id = ?1").setParameter(1, id).executeUpdate());
        dispatcher.dispatchDue();
        assertThat(outcomes(id)).containsExactly("DAY_LIMIT", "DAY_LIMIT");
        assertThat(count("SELECT attempts FROM message WHERE id = ?1", id)).isZero();
        assertThat(count("SELECT coalesce(sum(sent), 0) FROM sms_daily WHERE phone_hash = ?1", sealer.hash(phone)))
                .isEqualTo(2);
        assertThat(calls()).filteredOn(id.toString()::equals).hasSize(2);
    }

    @Test
    void the_providers_hour_limit_puts_the_sms_off_to_the_next_hour_as_no_attempt_and_frees_its_place_under_the_cap() {
        String phone = phone();
        UUID id = pending("t-hour", phone, Instant.parse("2001-01-02T00:00:01Z"));
        // one attempt short of giving up: waiting for the hour must not use up the last one
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE message SET attempts = 5 WHERE id = ?1").setParameter(1, id).executeUpdate());

        Instant before = Instant.now();
        dispatcher.dispatchDue();
        Instant after = Instant.now();

        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(notBefore(id)).isIn(Dispatcher.nextHour(before), Dispatcher.nextHour(after));
        assertThat(outcomes(id)).containsExactly("HOUR_LIMIT");
        assertThat(count("SELECT attempts FROM message WHERE id = ?1", id)).isEqualTo(5);
        assertThat(capReserved(id)).isFalse();
        assertThat(count("SELECT coalesce(sum(sent), 0) FROM sms_daily WHERE phone_hash = ?1", sealer.hash(phone)))
                .isOne();
    }

    @Test
    void an_sms_without_an_answer_in_time_is_failed_and_not_sent_again() throws Exception {
        UUID id = pending("t-slow", phone(), Instant.parse("2001-01-03T00:00:00Z"));

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(outcomes(id)).containsExactly("UNKNOWN_OUTCOME");
        assertThat(calls()).filteredOn(id.toString()::equals).hasSize(1);
    }

    @Test
    void a_late_outcome_does_not_overwrite_a_message_failed_as_interrupted() throws Exception {
        UUID id = pending("t-ok", phone(), Instant.parse("2001-01-04T00:00:00Z"));
        // a replica took it an hour ago and stopped answering
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE message SET status = 'SENDING', taken_at = now() - interval '1 hour' WHERE id = ?1")
                .setParameter(1, id).executeUpdate());
        dispatcher.dispatchDue();
        assertThat(status(id)).isEqualTo("FAILED");

        // the replica comes back with the provider's answer
        boolean changed = QuarkusTransaction.requiringNew().call(() -> messages.finish(id, "SENT", null, true, Instant.now()));

        assertThat(changed).isFalse();
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(calls()).doesNotContain(id.toString());
    }

    @Test
    void retention_deletes_old_final_messages_and_finished_webhook_events_and_keeps_the_rest() {
        Instant old = Instant.now().minus(Duration.ofDays(401));
        UUID oldSent = insert("t-ok", phone(), "SENT", old, old);
        QuarkusTransaction.requiringNew().run(() -> messages.attempt(
                new Messages.Attempt(oldSent, old, "SENT", "aliyun", "OK", "biz")));
        UUID oldPending = insert("t-ok", phone(), "PENDING", Instant.now().plus(Duration.ofDays(1)), old);
        UUID recentSent = insert("t-ok", phone(), "SENT", Instant.now(), Instant.now());
        String oldHash = "retention-" + UUID.randomUUID();
        String todayHash = "retention-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(Zones.CHINA);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO sms_daily (phone_hash, day, sent) VALUES (?1, ?2, 1), (?3, ?4, 1)")
                    .setParameter(1, oldHash).setParameter(2, today.minusDays(10))
                    .setParameter(3, todayHash).setParameter(4, today).executeUpdate();
        });
        UUID subscription = subscription(old);
        long delivered = webhookEvent(subscription, old, "DELIVERED");
        long stillPending = webhookEvent(subscription, old, "PENDING");

        RetentionJob.Purged purged = retention.purge(Instant.now());

        assertThat(purged.messages()).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM message WHERE id = ?1", oldSent)).isZero();
        assertThat(count("SELECT count(*) FROM message_attempt WHERE message_id = ?1", oldSent)).isZero();
        assertThat(count("SELECT count(*) FROM message WHERE id = ?1", oldPending)).isOne();
        assertThat(count("SELECT count(*) FROM message WHERE id = ?1", recentSent)).isOne();
        assertThat(count("SELECT count(*) FROM sms_daily WHERE phone_hash = ?1", oldHash)).isZero();
        assertThat(count("SELECT count(*) FROM sms_daily WHERE phone_hash = ?1", todayHash)).isOne();
        assertThat(count("SELECT count(*) FROM webhook_event WHERE id = ?1", delivered)).isZero();
        assertThat(count("SELECT count(*) FROM webhook_delivery WHERE webhook_event_id = ?1", delivered)).isZero();
        assertThat(count("SELECT count(*) FROM webhook_event WHERE id = ?1", stillPending)).isOne();
    }

    @Test
    void retention_leaves_a_webhook_event_that_a_replay_holds_and_does_not_wait_for_it() throws Exception {
        Instant old = Instant.now().minus(Duration.ofDays(401));
        long event = webhookEvent(subscription(old), old, "DEAD");

        try (Connection replay = dataSource.getConnection()) {
            // what a replay does before queueing its deliveries: the event held FOR SHARE until it commits
            replay.setAutoCommit(false);
            try (PreparedStatement hold = replay.prepareStatement("SELECT id FROM webhook_event WHERE id = ? FOR SHARE")) {
                hold.setLong(1, event);
                hold.executeQuery().close();
            }

            CompletableFuture.supplyAsync(() -> retention.purge(Instant.now())).get(20, TimeUnit.SECONDS);

            assertThat(count("SELECT count(*) FROM webhook_event WHERE id = ?1", event)).isOne();
            assertThat(count("SELECT count(*) FROM webhook_delivery WHERE webhook_event_id = ?1", event)).isOne();
            replay.rollback();
        }
        // the replay gone, the old dead letter's event is deleted
        retention.purge(Instant.now());
        assertThat(count("SELECT count(*) FROM webhook_event WHERE id = ?1", event)).isZero();
    }

    private UUID subscription(Instant at) {
        UUID subscription = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO webhook_subscription (id, url, event_types, region_prefix, secret_sealed, status,
                            created_by, created_at, updated_at)
                        VALUES (?1, 'http://127.0.0.1:9/hook', 'lianluo.case.*', '43', 'sealed', 'PAUSED', 'test', ?2, ?2)""")
                .setParameter(1, subscription).setParameter(2, at).executeUpdate());
        return subscription;
    }

    private long webhookEvent(UUID subscription, Instant at, String deliveryStatus) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long event = ((Number) em.createNativeQuery("""
                            INSERT INTO webhook_event (subscription_id, event_id, event_type, subject, region_code,
                                event_time, envelope, matched_at)
                            VALUES (?1, ?2, 'lianluo.case.received.v1', 'case-1', '4311', ?3, '{}', ?3) RETURNING id""")
                    .setParameter(1, subscription).setParameter(2, UUID.randomUUID()).setParameter(3, at)
                    .getSingleResult()).longValue();
            em.createNativeQuery("""
                            INSERT INTO webhook_delivery (subscription_id, webhook_event_id, subject, status, reason,
                                not_before, created_at)
                            VALUES (?1, ?2, 'case-1', ?3, 'EVENT', ?4, ?4)""")
                    .setParameter(1, subscription).setParameter(2, event).setParameter(3, deliveryStatus)
                    .setParameter(4, at).executeUpdate();
            return event;
        });
    }

    private UUID pending(String template, String phone, Instant notBefore) {
        return insert(template, phone, "PENDING", notBefore, Instant.now());
    }

    private UUID insert(String template, String phone, String status, Instant notBefore, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> messages.insert(new Messages.NewMessage(UUID.randomUUID(),
                "lianluo.case.received.v1", "test", "unit:" + UUID.randomUUID(), "SMS", "4311", null, template,
                "测试", "测试短信", "{}", sealer.seal(phone), null, false, status, notBefore, at)).orElseThrow());
    }

    private String status(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT status FROM message WHERE id = ?1").setParameter(1, id).getSingleResult());
    }

    private boolean capReserved(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                "SELECT cap_reserved FROM message WHERE id = ?1").setParameter(1, id).getSingleResult());
    }

    private Instant notBefore(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object value = em.createNativeQuery("SELECT not_before FROM message WHERE id = ?1").setParameter(1, id)
                    .getSingleResult();
            return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                    : ((java.sql.Timestamp) value).toInstant();
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> outcomes(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT outcome FROM message_attempt WHERE message_id = ?1 ORDER BY at, id").setParameter(1, id).getResultList());
    }

    private long count(String sql, Object id) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue());
    }

    /** The OutIds of the SendSms calls the fake provider got. */
    private List<String> calls() throws Exception {
        return List.of(fake("calls").split("\n"));
    }

    private String fake(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(provider.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
