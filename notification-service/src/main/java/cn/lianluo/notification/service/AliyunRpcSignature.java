package cn.lianluo.notification.service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Alibaba Cloud's signature of RPC-style API calls (SignatureMethod HMAC-SHA1, SignatureVersion 1.0), as its
 * "Signature mechanism" page describes it: every parameter but {@code Signature}, sorted by name, percent-encoded
 * name=value pairs joined with {@code &}; the string to sign is
 * {@code METHOD & percentEncode("/") & percentEncode(thatQuery)}; the signature is
 * {@code Base64(HMAC-SHA1(AccessKeySecret + "&", stringToSign))}.
 */
public final class AliyunRpcSignature {

    private AliyunRpcSignature() {
    }

    /**
     * The provider's percent-encoding: UTF-8, every byte but {@code A-Z a-z 0-9 - _ . ~} as {@code %XY} with upper-case
     * hex; a space is {@code %20} (never {@code +}), {@code *} is {@code %2A}, {@code ~} stays.
     */
    public static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length() * 3);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The canonicalized query string: the parameters but {@code Signature}, sorted by name, encoded, joined. */
    public static String canonicalQuery(Map<String, String> params) {
        SortedMap<String, String> sorted = new TreeMap<>(params);
        sorted.remove("Signature");
        return sorted.entrySet().stream()
                .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String stringToSign(String httpMethod, Map<String, String> params) {
        return httpMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(params));
    }

    public static String sign(String httpMethod, Map<String, String> params, String accessKeySecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(stringToSign(httpMethod, params).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
