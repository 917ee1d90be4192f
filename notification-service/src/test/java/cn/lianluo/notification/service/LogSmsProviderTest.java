package cn.lianluo.notification.service;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogSmsProviderTest {

    @Test
    void the_log_shows_the_variables_names_and_nothing_whole_of_their_values() {
        Map<String, String> logged = LogSmsProvider.masked(Map.of("trackingCode", "LLABCDEFGH23", "caseNo", "3F2A9C11",
                "phone", "13812341234"));
        assertThat(logged).containsOnlyKeys("trackingCode", "caseNo", "phone");
        assertThat(logged.toString()).doesNotContain("LLABCDEFGH23").doesNotContain("3F2A9C11").doesNotContain("13812341234");
        assertThat(logged.get("trackingCode")).isEqualTo("L**********3");
        assertThat(LogSmsProvider.masked(null)).isEmpty();
    }
}
