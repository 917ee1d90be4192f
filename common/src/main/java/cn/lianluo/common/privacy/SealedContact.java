package cn.lianluo.common.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A contact (a phone, an e-mail address, a small JSON of them) that only case-service and notification-service can
 * read: sealed with AES-256-GCM under the key {@code lianluo.notify.key} and written {@code keyId:base64(nonce ‖
 * ciphertext ‖ tag)}. The key id travels with the value, so a key can be rotated: the new key seals, older keys
 * ({@code previousKeys}) still open. {@link #hash} gives a keyed hash of a phone, for lookups that must not hold it,
 * under a separate key that does not rotate.
 */
public final class SealedContact {

    /** The associated data: a value sealed for another purpose under the same key does not open here. */
    private static final byte[] AAD = "lianluo.notify".getBytes(StandardCharsets.US_ASCII);
    private static final String HASH_LABEL = "phone-hash";

    /**
     * A value's hash under the hash key, and the hashes releases before that key made of it ({@link #legacyHashes}):
     * a row stored under one of those is found by it and rewritten to {@code current}.
     */
    public record Hashes(String current, List<String> legacy) {

        public Hashes {
            legacy = List.copyOf(legacy);
        }

        /** The current hash first, then the legacy ones. */
        public List<String> all() {
            List<String> all = new ArrayList<>(legacy.size() + 1);
            all.add(current);
            all.addAll(legacy);
            return all;
        }
    }

    private final String keyId;
    private final String hashKeyId;
    private final Map<String, byte[]> keys = new HashMap<>();
    private final byte[] hashKey;

    /**
     * @param key          {@code id:base64} of 32 random bytes ({@code openssl rand -base64 32})
     * @param previousKeys keys still opened, not used to seal
     * @param hashKey      the key of {@link #hash} ({@code lianluo.notify.hash-key}), a key of its own that is never
     *                     rotated: hashes stored for lookups (opt-outs, a citizen's case) must stay equal when the sealing
     *                     key changes; null when the holder never hashes
     */
    public SealedContact(String key, Iterable<String> previousKeys, String hashKey) {
        keyId = AesGcm.addKey(keys, key, "lianluo.notify.key");
        if (previousKeys != null) {
            previousKeys.forEach(k -> {
                if (k != null && !k.isBlank()) {
                    AesGcm.addKey(keys, k.strip(), "lianluo.notify.previous-keys");
                }
            });
        }
        if (hashKey == null) {
            hashKeyId = null;
            this.hashKey = null;
        } else {
            Map<String, byte[]> hk = new HashMap<>();
            hashKeyId = AesGcm.addKey(hk, hashKey, "lianluo.notify.hash-key");
            this.hashKey = hk.get(hashKeyId);
            if (keys.values().stream().anyMatch(k -> MessageDigest.isEqual(k, this.hashKey))) {
                throw new IllegalStateException("lianluo.notify.hash-key must be a key of its own, not a sealing key");
            }
        }
    }

    public SealedContact(String key, Iterable<String> previousKeys) {
        this(key, previousKeys, null);
    }

    public SealedContact(String key) {
        this(key, null, null);
    }

    public String keyId() {
        return keyId;
    }

    /** The value sealed under the current key; null stays null. */
    public String seal(String plain) {
        return plain == null ? null : AesGcm.seal(keyId, keys.get(keyId), AAD, plain);
    }

    /** The plain value; {@link IllegalArgumentException} when it was altered or sealed under a key not configured. */
    public String open(String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return null;
        }
        String id = AesGcm.keyIdOf(sealed);
        byte[] key = keys.get(id);
        if (key == null) {
            throw new IllegalArgumentException("a contact is sealed with key '" + id + "', which is not configured");
        }
        try {
            return AesGcm.open(key, AAD, sealed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a contact sealed with key '" + id + "' does not open: altered, or another key", e);
        }
    }

    /**
     * A keyed hash of a phone or a tracking code (spaces and dashes dropped) under the hash key, which does not rotate
     * with the sealing key: equal values, equal hashes, before and after a rotation.
     */
    public String hash(String phone) {
        if (hashKey == null) {
            throw new IllegalStateException("lianluo.notify.hash-key is not configured");
        }
        return hashKeyId + ":" + AesGcm.hmac(hashKey, HASH_LABEL, normalised(phone));
    }

    /**
     * The hashes of a value as releases before {@code lianluo.notify.hash-key} made them: under the sealing key,
     * written {@code keyId:…}, one for the current key and one for each previous key (the key that was current when
     * such a row was stored may have been rotated since).
     */
    public List<String> legacyHashes(String value) {
        String normalised = normalised(value);
        return keys.entrySet().stream().map(k -> k.getKey() + ":" + AesGcm.hmac(k.getValue(), HASH_LABEL, normalised))
                .toList();
    }

    /** {@link #hash} and {@link #legacyHashes} of one value. */
    public Hashes hashes(String value) {
        return new Hashes(hash(value), legacyHashes(value));
    }

    private static String normalised(String value) {
        return value.replaceAll("[\\s-]", "");
    }
}
