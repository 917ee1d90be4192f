package cn.lianluo.notification.service;

import cn.lianluo.common.privacy.Masking;
import cn.lianluo.notification.domain.Backoff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DispatcherTest {

    @Test
    void the_wait_after_a_failed_attempt_doubles_up_to_the_dispatchers_bound() {
        Duration base = Duration.ofSeconds(30);
        Duration max = base.multipliedBy(Dispatcher.MAX_BACKOFF_FACTOR);
        assertThat(Backoff.after(1, base, max)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, base, max)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.after(5, base, max)).isEqualTo(Duration.ofMinutes(8));
        assertThat(Backoff.after(17, base, max)).isEqualTo(max);
        assertThat(Backoff.after(40, base, max)).isEqualTo(max);
    }

    @Test
    void an_sms_put_off_for_the_hour_limit_waits_for_the_next_hour() {
        assertThat(Dispatcher.nextHour(Instant.parse("2026-12-02T03:17:45.123Z"))).isEqualTo(Instant.parse("2026-12-02T04:00:00Z"));
        assertThat(Dispatcher.nextHour(Instant.parse("2026-12-02T03:00:00Z"))).isEqualTo(Instant.parse("2026-12-02T04:00:00Z"));
        assertThat(Dispatcher.nextHour(Instant.parse("2026-12-02T23:59:59Z"))).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    }

    @Test
    void an_sms_put_off_for_the_day_limit_waits_for_the_next_morning_in_china() {
        // 23:30 in Beijing on 2 December is 15:30 UTC: the next try is 3 December, 08:00 Beijing = 00:00 UTC
        assertThat(Dispatcher.nextDay(Instant.parse("2026-12-02T15:30:00Z"))).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        // 00:30 in Beijing on 3 December (16:30 UTC on the 2nd): the limit was of the 3rd, so the 4th
        assertThat(Dispatcher.nextDay(Instant.parse("2026-12-02T16:30:00Z"))).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
    }

    @Test
    void an_email_address_is_masked_to_its_first_letter_and_domain() {
        assertThat(Masking.email("banshi@example.cn")).isEqualTo("b***@example.cn");
        assertThat(Masking.email("nonsense")).isEqualTo("***");
    }
}
