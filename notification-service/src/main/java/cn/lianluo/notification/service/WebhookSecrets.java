package cn.lianluo.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The signing secrets of webhook subscriptions at rest: the service needs them in clear to sign, so they are sealed
 * (AES-256-GCM, written {@code keyId:base64(nonce ‖ ciphertext ‖ tag)}) with {@code lianluo.notify.webhook-key}, and
 * never returned by the API.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Pattern KEY = Pattern.compile("([A-Za-z0-9-]{1,32}):([A-Za-z0-9+/=]+)");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD = "webhook_secret".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final byte[] key;

    public WebhookSecrets(@ConfigProperty(name = "lianluo.notify.webhook-key") String spec) {
        var m = KEY.matcher(spec == null ? "" : spec.strip());
        byte[] bytes;
        try {
            bytes = m.matches() ? Base64.getDecoder().decode(m.group(2)) : null;
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length != 32) {
            throw new IllegalStateException(
                    "lianluo.notify.webhook-key must be 'id:base64' of 32 random bytes (openssl rand -base64 32)");
        }
        this.keyId = m.group(1);
        this.key = bytes;
    }

    public String seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return keyId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String open(String sealed) {
        int colon = sealed.indexOf(':');
        String id = sealed.substring(0, Math.max(0, colon));
        if (!keyId.equals(id)) {
            throw new IllegalStateException("a webhook secret is sealed with key " + id
                    + ", which is not lianluo.notify.webhook-key");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(AAD);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a webhook secret sealed with key " + id + " does not open", e);
        }
    }
}
