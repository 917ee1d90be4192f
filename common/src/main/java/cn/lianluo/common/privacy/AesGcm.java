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
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one AES-256-GCM primitive of the platform's sealed values ({@link SealedContact}, case-service's citizen cipher):
 * keys written {@code id:base64(32 bytes)}, values written {@code keyId:base64(nonce ‖ ciphertext ‖ tag)}, and a keyed
 * HMAC-SHA256 for values that are only compared. Callers wrap its exceptions in their own.
 */
public final class AesGcm {

    private static final Pattern KEY = Pattern.compile("([A-Za-z0-9-]{1,32}):([A-Za-z0-9+/=]+)");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    /**
     * Parses {@code id:base64} of 32 bytes into {@code keys} and gives its id; {@link IllegalStateException} naming
     * {@code setting} when it is not one.
     */
    public static String addKey(Map<String, byte[]> keys, String spec, String setting) {
        var m = KEY.matcher(spec == null ? "" : spec.strip());
        byte[] bytes;
        try {
            bytes = m.matches() ? Base64.getDecoder().decode(m.group(2)) : null;
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 'id:base64' of 32 random bytes (openssl rand -base64 32)");
        }
        keys.put(m.group(1), bytes);
        return m.group(1);
    }

    /** The key id a sealed value names ("" when it names none). */
    public static String keyIdOf(String sealed) {
        return sealed.substring(0, Math.max(0, sealed.indexOf(':')));
    }

    /** {@code keyId:base64(nonce ‖ ciphertext ‖ tag)} of {@code plain} with {@code aad} as associated data. */
    public static String seal(String keyId, byte[] key, byte[] aad, String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return keyId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plain text of a value sealed under {@code key} (its key id already checked by the caller); a
     * {@link GeneralSecurityException} or {@link IllegalArgumentException} when it was altered or is another key's.
     */
    public static String open(byte[] key, byte[] aad, String sealed) throws GeneralSecurityException {
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(sealed.indexOf(':') + 1));
        if (bytes.length < NONCE_BYTES) {
            throw new IllegalArgumentException("too short to be sealed");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
        cipher.updateAAD(aad);
        return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    /** base64 (no padding) of HMAC-SHA256 under {@code key} of {@code label} followed by {@code value}. */
    public static String hmac(byte[] key, String label, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            if (label != null) {
                mac.update(label.getBytes(StandardCharsets.US_ASCII));
            }
            return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
