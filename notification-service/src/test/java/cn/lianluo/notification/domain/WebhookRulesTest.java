package cn.lianluo.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRulesTest {

    @Test
    void a_type_matches_itself_or_a_prefix_ending_in_a_star() {
        assertThat(WebhookRules.typeMatches("lianluo.case.received.v1", "lianluo.case.received.v1")).isTrue();
        assertThat(WebhookRules.typeMatches("lianluo.case.received.v1", "lianluo.case.replied.v1")).isFalse();
        assertThat(WebhookRules.typeMatches("lianluo.case.*", "lianluo.case.replied.v1")).isTrue();
        assertThat(WebhookRules.typeMatches("lianluo.case.*", "lianluo.deputy.registered.v1")).isFalse();
    }

    @Test
    void an_event_of_another_region_or_without_one_does_not_match() {
        List<String> types = List.of("lianluo.case.*");
        assertThat(WebhookRules.matches(types, "430822", "lianluo.case.received.v1", "430822207")).isTrue();
        assertThat(WebhookRules.matches(types, "430822", "lianluo.case.received.v1", "430821")).isFalse();
        assertThat(WebhookRules.matches(types, "430822", "lianluo.case.received.v1", null)).isFalse();
    }

    @Test
    void the_backoff_doubles_from_the_first_delay_up_to_the_cap() {
        Duration first = Duration.ofSeconds(10);
        Duration cap = Duration.ofHours(1);
        assertThat(Backoff.after(1, first, cap)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.after(2, first, cap)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Backoff.after(5, first, cap)).isEqualTo(Duration.ofSeconds(160));
        assertThat(Backoff.after(9, first, cap)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(Backoff.after(10, first, cap)).isEqualTo(cap);
        assertThat(Backoff.after(1000, first, cap)).isEqualTo(cap);
    }
}
