package cn.lianluo.station.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/**
 * station-service's own keys for the citizens who book an appointment with a deputy (代表有约): their names and phones
 * are sealed at rest and the phone (and the booking code) found by a keyed hash; a voter's phone (述职评议: once per
 * phone) is kept only as such a hash. Keys of their own, not case-service's:
 * a leaked key of one service opens nothing of the other. Each key is {@code id:base64} of 32 random bytes.
 */
@ConfigMapping(prefix = "lianluo.privacy")
public interface PrivacyConfig {

    /** The AES-256-GCM sealing key ({@code LIANLUO_STATION_PRIVACY_KEY}). */
    String key();

    /** The HMAC key of phone and code lookups ({@code LIANLUO_STATION_PRIVACY_HASH_KEY}); never the sealing key. */
    String hashKey();

    /** Older sealing keys still opened ({@code LIANLUO_STATION_PRIVACY_PREVIOUS_KEYS}, comma-separated). */
    Optional<List<String>> previousKeys();
}
