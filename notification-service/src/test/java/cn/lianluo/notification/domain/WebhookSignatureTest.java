package cn.lianluo.notification.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void hmac_sha256_gives_the_rfc_4231_vector() {
        // RFC 4231, test case 2
        assertThat(WebhookSignature.hmacHex("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void the_signature_is_v1_and_the_hmac_of_timestamp_dot_body() {
        // computed apart: printf '1767225600.<body>' | openssl dgst -sha256 -hmac 'whsec-test-0123456789'
        String body = "{\"id\":\"0b7a1c1e-3f2a-4d5e-9c8b-1a2b3c4d5e6f\",\"type\":\"lianluo.case.received.v1\"}";
        assertThat(WebhookSignature.sign("whsec-test-0123456789", 1767225600L, body))
                .isEqualTo("v1=fed2f8c042e4a272a3d9165f9539a7f33366ba90066b8e7e45f69ae416d8a64f");
    }

    @Test
    void another_timestamp_or_body_gives_another_signature() {
        String body = "{\"id\":\"0b7a1c1e-3f2a-4d5e-9c8b-1a2b3c4d5e6f\",\"type\":\"lianluo.case.received.v1\"}";
        String signed = WebhookSignature.sign("whsec-test-0123456789", 1767225600L, body);
        assertThat(WebhookSignature.sign("whsec-test-0123456789", 1767225601L, body)).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign("whsec-test-0123456789", 1767225600L, body + " ")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign("whsec-test-0123456780", 1767225600L, body)).isNotEqualTo(signed);
    }
}
