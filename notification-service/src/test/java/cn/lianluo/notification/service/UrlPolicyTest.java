package cn.lianluo.notification.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Literal addresses only: no name resolution is needed. */
class UrlPolicyTest {

    private final UrlPolicy strict = new UrlPolicy(false, false);
    private final UrlPolicy dev = new UrlPolicy(true, true);

    @Test
    void only_https_unless_http_is_allowed() {
        assertThat(strict.refusal("http://203.0.113.7/hook")).hasValueSatisfying(r -> assertThat(r).contains("https"));
        assertThat(strict.refusal("ftp://203.0.113.7/hook")).isPresent();
        assertThat(strict.refusal("https://203.0.113.7/hook")).isEmpty();
        assertThat(dev.refusal("http://127.0.0.1:8099/hook")).isEmpty();
    }

    @Test
    void internal_addresses_are_refused_unless_allowed() {
        for (String host : new String[]{"127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "[::1]", "[fd00::1]", "[fe80::1]", "[::ffff:10.0.0.1]"}) {
            assertThat(strict.refusal("https://" + host + "/hook")).as(host)
                    .hasValueSatisfying(r -> assertThat(r).contains("internal address"));
            assertThat(dev.refusal("https://" + host + "/hook")).as(host).isEmpty();
        }
    }

    @Test
    void a_url_without_host_or_with_credentials_is_refused() {
        assertThat(strict.refusal("https:///hook")).isPresent();
        assertThat(strict.refusal("https://user:pw@203.0.113.7/hook")).isPresent();
        assertThat(strict.refusal("not a url")).isPresent();
    }
}
