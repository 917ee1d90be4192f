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

    @Test
    void in_production_only_port_443_and_in_dev_any_port() {
        assertThat(strict.refusal("https://203.0.113.7:443/hook")).isEmpty();
        assertThat(strict.refusal("https://203.0.113.7:8443/hook")).hasValueSatisfying(r -> assertThat(r).contains("443"));
        assertThat(strict.refusal("https://203.0.113.7:22/hook")).isPresent();
        assertThat(new UrlPolicy(false, true).refusal("https://127.0.0.1:5432/hook")).isPresent();
        assertThat(dev.refusal("https://127.0.0.1:5432/hook")).isEmpty();
    }

    @Test
    void an_internal_ipv4_address_inside_an_ipv6_one_is_refused() {
        for (String host : new String[]{"[64:ff9b::a9fe:a9fe]", "[64:ff9b::7f00:1]", "[64:ff9b::a00:1]", "[64:ff9b:1::1]",
                "[::10.0.0.1]", "[::127.0.0.1]", "[2002:a00:1::1]", "[2002:a9fe:a9fe::1]", "[fec0::1]", "[ff02::1]",
                "[100::1]", "224.0.0.1", "255.255.255.255", "100.127.255.254"}) {
            assertThat(strict.refusal("https://" + host + "/hook")).as(host)
                    .hasValueSatisfying(r -> assertThat(r).contains("internal address"));
        }
        // the same prefixes carrying a public IPv4 address are not internal
        for (String host : new String[]{"[64:ff9b::cb00:7107]", "[2002:cb00:7107::1]", "100.128.0.1"}) {
            assertThat(strict.refusal("https://" + host + "/hook")).as(host).isEmpty();
        }
    }
}
