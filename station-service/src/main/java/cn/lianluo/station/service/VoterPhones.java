package cn.lianluo.station.service;

import cn.lianluo.common.privacy.AesGcm;
import cn.lianluo.station.config.PrivacyConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/**
 * A voter's phone as station-service keeps it: a keyed hash {@code keyId:base64(HMAC-SHA256)}, enough to refuse a second
 * assessment from one phone and useless to call anyone. The label keeps these hashes apart from case-service's, so the
 * two databases cannot be joined on a phone.
 */
@ApplicationScoped
public class VoterPhones {

    private static final String LABEL = "report-assessment";

    private final String keyId;
    private final byte[] key;

    public VoterPhones(PrivacyConfig config) {
        Map<String, byte[]> keys = new HashMap<>();
        keyId = AesGcm.addKey(keys, config.hashKey(), "lianluo.privacy.hash-key");
        key = keys.get(keyId);
    }

    /** 0743-1234567 and 07431234567 are one phone. */
    public String hash(String phone) {
        return keyId + ":" + AesGcm.hmac(key, LABEL, phone.replaceAll("[\\s-]", ""));
    }
}
