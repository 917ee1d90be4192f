package cn.lianluo.station.service;

import cn.lianluo.common.privacy.AesGcm;
import cn.lianluo.station.config.PrivacyConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * The citizen of an appointment at rest (PIPL): name and phone sealed with AES-256-GCM (the column's name is the
 * associated data), phone and booking code kept as keyed hashes so a booking is found and compared without them.
 */
@ApplicationScoped
public class AppointmentCipher {

    private final String keyId;
    private final String hashKeyId;
    private final Map<String, byte[]> keys = new HashMap<>();
    /** Kept apart from the sealing keys: a value that names the hash key's id opens nothing. */
    private final byte[] hashKey;

    public AppointmentCipher(PrivacyConfig config) {
        keyId = AesGcm.addKey(keys, config.key(), "lianluo.privacy.key");
        Map<String, byte[]> hashKeys = new HashMap<>();
        hashKeyId = AesGcm.addKey(hashKeys, config.hashKey(), "lianluo.privacy.hash-key");
        hashKey = hashKeys.get(hashKeyId);
        if (keyId.equals(hashKeyId) || MessageDigest.isEqual(keys.get(keyId), hashKey)) {
            throw new IllegalStateException("lianluo.privacy.hash-key must be a key of its own, not lianluo.privacy.key");
        }
        config.previousKeys().ifPresent(list -> list.stream().filter(k -> !k.isBlank())
                .forEach(k -> AesGcm.addKey(keys, k.strip(), "lianluo.privacy.previous-keys")));
    }

    public String seal(String plain, String field) {
        return AesGcm.seal(keyId, keys.get(keyId), field.getBytes(StandardCharsets.US_ASCII), plain);
    }

    public String open(String sealed, String field) {
        String id = AesGcm.keyIdOf(sealed);
        byte[] key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("an appointment's citizen is sealed with key '" + id + "', which is not configured");
        }
        try {
            return AesGcm.open(key, field.getBytes(StandardCharsets.US_ASCII), sealed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("an appointment's " + field + " does not open: altered, or another key", e);
        }
    }

    /** 0743-1234567 and 07431234567 are one phone; a code is read without case or spaces. */
    public String phoneHash(String phone) {
        return hashKeyId + ":" + AesGcm.hmac(hashKey, "appointment-phone", phone.replaceAll("[\\s-]", ""));
    }

    public String codeHash(String code) {
        return hashKeyId + ":" + AesGcm.hmac(hashKey, "appointment-code",
                code.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT));
    }
}
