package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.config.PrivacyConfig;
import cn.lianluo.common.privacy.AesGcm;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Citizens' names and phones at rest (PIPL, DESIGN §4): sealed with AES-256-GCM, written {@code keyId:base64(nonce ‖
 * ciphertext ‖ tag)}, and the phone also kept as a keyed hash {@code keyId:base64(HMAC-SHA256(normalised phone))} that
 * tracking compares, so a database dump shows neither whole. The key id names the key of each value: rows sealed under a
 * previous key stay readable until {@link PlainTextSweep} re-seals them.
 */
@ApplicationScoped
public class CitizenCipher {

    /** The name and phone as the case's handlers see them. */
    public record Citizen(String name, String phone) {
    }

    private final String keyId;
    private final String hashKeyId;
    private final Map<String, byte[]> keys = new HashMap<>();

    public CitizenCipher(PrivacyConfig config) {
        keyId = add(config.key(), "lianluo.privacy.key");
        hashKeyId = add(config.hashKey(), "lianluo.privacy.hash-key");
        if (keyId.equals(hashKeyId) || MessageDigest.isEqual(keys.get(keyId), keys.get(hashKeyId))) {
            throw new IllegalStateException("lianluo.privacy.hash-key must be a key of its own, not lianluo.privacy.key");
        }
        config.previousKeys().ifPresent(list -> list.stream().filter(k -> !k.isBlank())
                .forEach(k -> add(k.strip(), "lianluo.privacy.previous-keys")));
    }

    /** Whether keys being rotated out are configured: only then can a row be sealed under another key than the current. */
    public boolean rotating() {
        return keys.size() > 2;
    }

    private String add(String spec, String setting) {
        return AesGcm.addKey(keys, spec, setting);
    }

    public String keyId() {
        return keyId;
    }

    public String hashKeyId() {
        return hashKeyId;
    }

    /** Seals the citizen of a new (or a plain-text) case and forgets the plain text. */
    public void seal(CaseEntity c, String name, String phone) {
        c.citizenNameSealed = seal(name, "citizen_name");
        c.citizenPhoneSealed = seal(phone, "citizen_phone");
        c.citizenPhoneHash = phone == null ? null : phoneHash(phone);
        c.citizenName = null;
        c.citizenPhone = null;
    }

    /** The citizen of a case, whole: for those who handle it, and for masking. Rows not yet sealed are read as they are. */
    public Citizen open(CaseEntity c) {
        if (c.citizenPhoneSealed == null) {
            return new Citizen(c.citizenName, c.citizenPhone);
        }
        return new Citizen(open(c.citizenNameSealed, "citizen_name"), open(c.citizenPhoneSealed, "citizen_phone"));
    }

    /** Whether a phone someone typed is the case's citizen's: the keyed hashes compared in constant time. */
    public boolean phoneMatches(CaseEntity c, String phone) {
        if (phone == null || phone.isBlank()) {
            return false;
        }
        if (c.citizenPhoneHash == null) {
            return c.citizenPhone != null && MessageDigest.isEqual(normalised(c.citizenPhone).getBytes(StandardCharsets.UTF_8),
                    normalised(phone).getBytes(StandardCharsets.UTF_8));
        }
        int colon = c.citizenPhoneHash.indexOf(':');
        byte[] key = keys.get(c.citizenPhoneHash.substring(0, Math.max(0, colon)));
        if (key == null) {
            throw new IllegalStateException("a phone hash is keyed by " + c.citizenPhoneHash.substring(0, Math.max(0, colon))
                    + ", which is not configured (lianluo.privacy.previous-keys)");
        }
        return MessageDigest.isEqual(c.citizenPhoneHash.substring(colon + 1).getBytes(StandardCharsets.US_ASCII),
                hmac(key, phone).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether the case's citizen is sealed under the current keys (else the sweep re-seals it). */
    public boolean current(CaseEntity c) {
        return c.citizenPhoneSealed != null && c.citizenPhoneSealed.startsWith(keyId + ":")
                && (c.citizenNameSealed == null || c.citizenNameSealed.startsWith(keyId + ":"))
                && c.citizenPhoneHash != null && c.citizenPhoneHash.startsWith(hashKeyId + ":");
    }

    /** The keyed hash of a phone, as stored where a phone is only compared (a project's evaluations, once per phone). */
    public String phoneHash(String phone) {
        return hashKeyId + ":" + hmac(keys.get(hashKeyId), phone);
    }

    /** 0743-1234567 and 07431234567 are one phone. */
    static String normalised(String phone) {
        return phone.replaceAll("[\\s-]", "");
    }

    private static String hmac(byte[] key, String phone) {
        return AesGcm.hmac(key, null, normalised(phone));
    }

    /** Whether a stored value is sealed under a key this service knows (plain names and phones hold no colon). */
    public boolean sealed(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        return colon > 0 && keys.containsKey(value.substring(0, colon));
    }

    /** The field's name is the associated data: a name's ciphertext cannot be passed off as a phone's. */
    public String seal(String plain, String field) {
        if (plain == null) {
            return null;
        }
        return AesGcm.seal(keyId, keys.get(keyId), field.getBytes(StandardCharsets.US_ASCII), plain);
    }

    public String open(String sealed, String field) {
        if (sealed == null || sealed.isEmpty()) {
            return null;
        }
        int colon = sealed.indexOf(':');
        String id = sealed.substring(0, Math.max(0, colon));
        byte[] key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("citizen data is sealed with key " + id
                    + ", which is not configured (lianluo.privacy.key or previous-keys)");
        }
        try {
            return AesGcm.open(key, field.getBytes(StandardCharsets.US_ASCII), sealed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("citizen data sealed with key " + id + " does not open: altered, or another key", e);
        }
    }
}
