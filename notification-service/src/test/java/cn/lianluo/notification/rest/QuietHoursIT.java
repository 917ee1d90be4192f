package cn.lianluo.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** In quiet hours an SMS waits for their end; an urgent case's goes at once. */
@QuarkusTest
@TestProfile(QuietHoursIT.QuietNow.class)
class QuietHoursIT {

    /** Quiet hours from two hours ago to two hours on, China time, whenever the test runs. */
    public static class QuietNow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            LocalTime now = LocalTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
            return Map.of("lianluo.notify.sms.quiet-from", now.minusHours(2).toString(),
                    "lianluo.notify.sms.quiet-until", now.plusHours(2).toString());
        }
    }

    @Test
    void an_sms_is_held_until_the_quiet_hours_end_unless_the_case_is_urgent() {
        UUID calm = UUID.randomUUID();
        UUID urgent = UUID.randomUUID();
        Events.publish(UUID.randomUUID(), Events.data(calm, "received", Events.phone(), "LLQUIET23456", false, null, null, null, 0));
        Events.publish(UUID.randomUUID(), Events.data(urgent, "received", Events.phone(), "LLURGENT2345", true, null, null, null, 0));
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> "LOG_ONLY".equals(only(urgent).get("status"))
                && NotificationRulesIT.outcomes(only(calm)).contains("QUIET_HOURS"));
        Map<String, Object> held = only(calm);
        assertThat(held.get("status")).isEqualTo("PENDING");
        assertThat(Instant.parse((String) held.get("notBefore"))).isAfter(Instant.now().plus(Duration.ofMinutes(100)));
        assertThat(NotificationRulesIT.outcomes(held)).containsExactly("QUIET_HOURS");
        assertThat(NotificationRulesIT.outcomes(only(urgent))).containsExactly("LOG_ONLY");
    }

    static Map<String, Object> only(UUID caseId) {
        List<Map<String, Object>> messages = NotificationRulesIT.messages(caseId);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}
