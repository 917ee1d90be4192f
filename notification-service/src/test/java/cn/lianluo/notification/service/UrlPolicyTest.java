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
        // the same prefixes carrying a public IPv4 address are not internal (Teredo below is refused whatever it carries)
        for (String host : new String[]{"[64:ff9b::cb00:7107]", "[2002:cb00:7107::1]", "100.128.0.1"}) {
            assertThat(strict.refusal("https://" + host + "/hook")).as(host).isEmpty();
        }
    }

    @Test
    void a_teredo_address_is_refused_whatever_ipv4_address_it_carries() {
        // 2001:0::/32, the Teredo server 65.54.227.120 (4136:e378), the client 192.0.2.45 obfuscated in the last 32 bits
        for (String host : new String[]{"[2001:0:4136:e378:8000:63bf:3fff:fdd2]", "[2001::1]", "[2001:0:ffff:ffff::]"}) {
            assertThat(strict.refusal("https://" + host + "/hook")).as(host)
                    .hasValueSatisfying(r -> assertThat(r).contains("internal address"));
            assertThat(dev.refusal("https://" + host + "/hook")).as(host).isEmpty();
        }
        // the neighbours of 2001::/32 are public
        for (String host : new String[]{"[2001:200::1]", "[2001:4860:4860::8888]", "[2400:3200::1]"}) {
            assertThat(strict.refusal("https://" + host + "/hook")).as(host).isEmpty();
        }
    }
}
