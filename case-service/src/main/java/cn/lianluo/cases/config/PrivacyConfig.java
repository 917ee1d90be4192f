package cn.lianluo.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * Keys that protect citizens' names and phones at rest (PIPL). Each key is written {@code id:base64} (32 random bytes,
 * e.g. {@code openssl rand -base64 32}); the id is stored with every ciphertext and keyed hash, so a key can be rotated:
 * put the new key in {@code key} (or {@code hash-key}), move the old one to {@code previous-keys}, restart (start-up
 * re-seals every row under the new keys), then drop the old key from {@code previous-keys}.
 */
@ConfigMapping(prefix = "lianluo.privacy")
public interface PrivacyConfig {

    /** The AES-256-GCM key new ciphertexts are sealed with ({@code LIANLUO_PRIVACY_KEY}). */
    String key();

    /** The HMAC-SHA256 key of the phone's lookup hash ({@code LIANLUO_PRIVACY_HASH_KEY}); never the same as {@code key}. */
    String hashKey();

    /** Older keys (either kind) still read while rows are re-sealed ({@code LIANLUO_PRIVACY_PREVIOUS_KEYS}, comma-separated). */
    Optional<List<String>> previousKeys();

    /** How often PlainTextSweep looks for rows in plain text (read by its {@code @Scheduled}). */
    @WithDefault("30s")
    String sweepEvery();

    /** Rows a sweep seals per transaction (rows written in plain text by bulk SQL, or under a previous key). */
    @WithDefault("500")
    int sweepBatch();
}
