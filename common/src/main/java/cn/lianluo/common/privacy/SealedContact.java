package cn.lianluo.common.privacy;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A contact (a phone, an e-mail address, a small JSON of them) that only case-service and notification-service can
 * read: sealed with AES-256-GCM under the key {@code lianluo.notify.key} and written {@code keyId:base64(nonce ‖
 * ciphertext ‖ tag)}. The key id travels with the value, so a key can be rotated: the new key seals, older keys
 * ({@code previousKeys}) still open. {@link #hash} gives a keyed hash of a phone, for lookups that must not hold it.
 */
public final class SealedContact {

    private static final Pattern KEY = Pattern.compile("([A-Za-z0-9-]{1,32}):([A-Za-z0-9+/=]+)");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The associated data: a value sealed for another purpose under the same key does not open here. */
    private static final byte[] AAD = "lianluo.notify".getBytes(StandardCharsets.US_ASCII);

    private final String keyId;
    private final Map<String, byte[]> keys = new HashMap<>();

    /**
     * @param key          {@code id:base64} of 32 random bytes ({@code openssl rand -base64 32})
     * @param previousKeys keys still opened, not used to seal
     */
    public SealedContact(String key, Iterable<String> previousKeys) {
        keyId = add(key);
        if (previousKeys != null) {
            previousKeys.forEach(k -> {
                if (k != null && !k.isBlank()) {
                    add(k.strip());
                }
            });
        }
    }

    public SealedContact(String key) {
        this(key, null);
    }

    private String add(String spec) {
        var m = KEY.matcher(spec == null ? "" : spec.strip());
        byte[] bytes;
        try {
            bytes = m.matches() ? Base64.getDecoder().decode(m.group(2)) : null;
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length != 32) {
            throw new IllegalStateException("lianluo.notify.key must be 'id:base64' of 32 random bytes (openssl rand -base64 32)");
        }
        keys.put(m.group(1), bytes);
        return m.group(1);
    }

    public String keyId() {
        return keyId;
    }

    /** The value sealed under the current key; null stays null. */
    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.get(keyId), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return keyId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain value; {@link IllegalArgumentException} when it was altered or sealed under a key not configured. */
    public String open(String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return null;
        }
        int colon = sealed.indexOf(':');
        String id = sealed.substring(0, Math.max(0, colon));
        byte[] key = keys.get(id);
        if (key == null) {
            throw new IllegalArgumentException("a contact is sealed with key '" + id + "', which is not configured");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(AAD);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a contact sealed with key '" + id + "' does not open: altered, or another key", e);
        }
    }

    /** A keyed hash of a phone (spaces and dashes dropped), under the current key: equal phones, equal hashes. */
    public String hash(String phone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.get(keyId), "HmacSHA256"));
            mac.update("phone-hash".getBytes(StandardCharsets.US_ASCII));
            byte[] h = mac.doFinal(phone.replaceAll("[\\s-]", "").getBytes(StandardCharsets.UTF_8));
            return keyId + ":" + Base64.getEncoder().withoutPadding().encodeToString(h);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
