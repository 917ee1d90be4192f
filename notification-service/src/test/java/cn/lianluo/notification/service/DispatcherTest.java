package cn.lianluo.notification.service;

import cn.lianluo.common.privacy.Masking;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DispatcherTest {

    @Test
    void the_wait_after_a_failed_attempt_doubles() {
        Duration base = Duration.ofSeconds(30);
        assertThat(Dispatcher.backoff(base, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Dispatcher.backoff(base, 2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Dispatcher.backoff(base, 5)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void an_email_address_is_masked_to_its_first_letter_and_domain() {
        assertThat(Masking.email("banshi@example.cn")).isEqualTo("b***@example.cn");
        assertThat(Masking.email("nonsense")).isEqualTo("***");
    }
}
