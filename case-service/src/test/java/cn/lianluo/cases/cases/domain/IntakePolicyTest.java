package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakePolicyTest {

    @Test
    void a_citizens_own_submission_is_online() {
        assertThat(IntakePolicy.channel(null, false)).isEqualTo(Channel.ONLINE);
        assertThat(IntakePolicy.channel(Channel.ONLINE, false)).isEqualTo(Channel.ONLINE);
        assertThatThrownBy(() -> IntakePolicy.channel(Channel.RECEPTION, false)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(422);
        assertThat(IntakePolicy.channel(null, true)).isEqualTo(Channel.RECEPTION);
        assertThat(IntakePolicy.channel(Channel.HOTLINE, true)).isEqualTo(Channel.HOTLINE);
    }

    @Test
    void urgency_and_station_are_staffs() {
        assertThatCode(() -> IntakePolicy.requireStaffFor(false, false, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> IntakePolicy.requireStaffFor(false, true, null)).hasMessageContaining("urgency");
        assertThatThrownBy(() -> IntakePolicy.requireStaffFor(false, null, UUID.randomUUID())).hasMessageContaining("station");
        assertThatCode(() -> IntakePolicy.requireStaffFor(true, true, UUID.randomUUID())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "http://example.org/a.jpg",
            "/uploads/a.jpg", "https://127.0.0.1/a", "https://127.1/a", "https://2130706433/a", "https://0x7f.0.0.1/a",
            "https://10.0.0.1/a", "https://172.16.0.1/a", "https://172.31.255.255/a", "https://192.168.0.1/a",
            "https://169.254.169.254/a", "https://0.0.0.0/a", "https://localhost/a", "https://LOCALHOST./a",
            "https://x.localhost/a", "https://[::1]/a", "https://[0:0:0:0:0:0:0:1]/a", "https://[fe80::1]/a",
            "https://[fd00::1]/a", "https://[::ffff:127.0.0.1]/a", "https://user@example.org/a", "https:///a", "not a url"})
    void unsafe_attachment_links_are_refused(String url) {
        assertThatThrownBy(() -> IntakePolicy.requireSafeUrl(url, "attachments[0].url")).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).errors().get(0).field()).isEqualTo("attachments[0].url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://files.example.org/a.jpg", "HTTPS://cdn.example.cn/x?y=1", "https://172.32.0.1/a",
            "https://8.8.8.8/a", "https://[2001:db8::1]/a"})
    void public_https_links_pass(String url) {
        assertThatCode(() -> IntakePolicy.requireSafeUrl(url, "attachments[0].url")).doesNotThrowAnyException();
    }
}
