package cn.lianluo.notification.rest;

import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.common.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An upgraded install: opt-outs, the citizens' cases and today's SMS counts stored before lianluo.notify.hash-key, hashed
 * under the sealing key, still hold, and each row found that way is rewritten to the current hash.
 */
@QuarkusTest
class LegacyHashIT {

    @Test
    void an_opt_out_made_before_the_hash_key_still_holds_and_moves_to_the_current_hash() throws Exception {
        String phone = Events.phone();
        String legacy = legacyHash(phone);
        try (Connection db = db(); var insert = db.prepareStatement(
                "INSERT INTO opt_out (phone_hash, case_id, at) VALUES (?, ?, now() - interval '30 days')")) {
            insert.setString(1, legacy);
            insert.setObject(2, UUID.randomUUID());
            insert.executeUpdate();
        }

        assertThat(skippedIntakeSms(phone, "LLLEGACY2345")).containsExactly("OPTED_OUT");
        assertThat(hashesIn("SELECT phone_hash FROM opt_out WHERE phone_hash IN (?, ?)", legacy, currentHash(phone)))
                .containsExactly(currentHash(phone));
    }

    @Test
    void a_case_seen_before_the_hash_key_still_takes_an_opt_out_and_moves_to_the_current_hashes() throws Exception {
        String phone = Events.phone();
        UUID caseId = UUID.randomUUID();
        try (Connection db = db(); var insert = db.prepareStatement("""
                INSERT INTO citizen_case (case_id, tracking_hash, phone_hash, region_code, seen_at)
                VALUES (?, ?, ?, ?, now() - interval '30 days')""")) {
            insert.setObject(1, caseId);
            insert.setString(2, legacyHash("LLSEENOLD234"));
            insert.setString(3, legacyHash(phone));
            insert.setString(4, Events.REGION);
            insert.executeUpdate();
        }

        given().contentType(ContentType.JSON).body(Map.of("trackingCode", "llseenold234", "phone", phone))
                .post("/api/v1/notifications/opt-out").then().statusCode(204);

        try (Connection db = db(); var row = db.prepareStatement(
                "SELECT tracking_hash, phone_hash FROM citizen_case WHERE case_id = ?")) {
            row.setObject(1, caseId);
            var rs = row.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(currentHash("LLSEENOLD234"));
            assertThat(rs.getString(2)).isEqualTo(currentHash(phone));
        }
        assertThat(hashesIn("SELECT phone_hash FROM opt_out WHERE phone_hash IN (?, ?)", legacyHash(phone), currentHash(phone)))
                .containsExactly(currentHash(phone));
    }

    @Test
    void todays_sms_counted_before_the_hash_key_still_count_against_the_cap() throws Exception {
        String phone = Events.phone();
        String legacy = legacyHash(phone);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (Connection db = db(); var insert = db.prepareStatement(
                "INSERT INTO sms_daily (phone_hash, day, sent) VALUES (?, ?, 5)")) {
            insert.setString(1, legacy);
            insert.setObject(2, today);
            insert.executeUpdate();
        }

        assertThat(skippedIntakeSms(phone, "LLCAPOLD2345")).containsExactly("DAILY_CAP");
        try (Connection db = db(); var rows = db.prepareStatement(
                "SELECT phone_hash, sent FROM sms_daily WHERE phone_hash IN (?, ?) AND day = ?")) {
            rows.setString(1, legacy);
            rows.setString(2, currentHash(phone));
            rows.setObject(3, today);
            var rs = rows.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(currentHash(phone));
            assertThat(rs.getInt(2)).isEqualTo(5);
            assertThat(rs.next()).isFalse();
        }
    }

    /** The outcomes of the intake SMS of a new case of the phone, once it is SKIPPED. */
    static List<String> skippedIntakeSms(String phone, String trackingCode) {
        UUID caseId = UUID.randomUUID();
        Events.publish(UUID.randomUUID(), Events.data(caseId, "received", phone, trackingCode, false, null, null, null, 0));
        await().atMost(NotificationRulesIT.WAIT)
                .until(() -> "SKIPPED".equals(NotificationRulesIT.statusOf(caseId, "citizen:" + caseId, "SMS")));
        return NotificationRulesIT.outcomes(NotificationRulesIT.one(caseId, "citizen:" + caseId, "SMS"));
    }

    /**
     * A phone's or tracking code's hash as the release before the hash key stored it, written independently of the
     * service's code: {@code keyId:} and the unpadded base64 of HMAC-SHA256 under the sealing key of "phone-hash"
     * followed by the value without spaces and dashes.
     */
    static String legacyHash(String value) throws Exception {
        String key = ConfigProvider.getConfig().getValue("lianluo.notify.key", String.class);
        int colon = key.indexOf(':');
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.substring(colon + 1)), "HmacSHA256"));
        mac.update("phone-hash".getBytes(StandardCharsets.US_ASCII));
        byte[] hash = mac.doFinal(value.replaceAll("[\\s-]", "").getBytes(StandardCharsets.UTF_8));
        return key.substring(0, colon) + ":" + Base64.getEncoder().withoutPadding().encodeToString(hash);
    }

    static String currentHash(String value) {
        var config = ConfigProvider.getConfig();
        return new SealedContact(config.getValue("lianluo.notify.key", String.class), null,
                config.getValue("lianluo.notify.hash-key", String.class)).hash(value);
    }

    static List<String> hashesIn(String sql, String... hashes) throws SQLException {
        try (Connection db = db(); var query = db.prepareStatement(sql)) {
            for (int i = 0; i < hashes.length; i++) {
                query.setString(i + 1, hashes[i]);
            }
            var rs = query.executeQuery();
            List<String> found = new ArrayList<>();
            while (rs.next()) {
                found.add(rs.getString(1));
            }
            return found;
        }
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(RealInfrastructure.jdbcUrl("notification_test"), RealInfrastructure.DB_USER,
                RealInfrastructure.DB_PASSWORD);
    }
}
