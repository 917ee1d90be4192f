package cn.lianluo.notification.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The signature of a webhook delivery: HMAC-SHA256, keyed with the subscription's secret (its UTF-8 bytes), over
 * {@code timestamp + "." + body}, where the timestamp is the Unix time in seconds sent in {@link #TIMESTAMP_HEADER} and
 * the body is the exact bytes of the request. Sent as {@code v1=<lower-case hex>} in {@link #SIGNATURE_HEADER}.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-Lianluo-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Lianluo-Signature";
    public static final String VERSION = "v1=";

    private WebhookSignature() {
    }

    /** The header value: {@code v1=} and the hex HMAC-SHA256 of {@code timestamp.body}. */
    public static String sign(String secret, long timestamp, String body) {
        return VERSION + hmacHex(secret.getBytes(StandardCharsets.UTF_8),
                (timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of {@code data} under {@code key}, lower-case hex. */
    public static String hmacHex(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
