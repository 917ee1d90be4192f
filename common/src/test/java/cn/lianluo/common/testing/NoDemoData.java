package cn.lianluo.common.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A service started as production starts it: no seeds folder ({@code LIANLUO_SEED_DIR} unset), so only the reference
 * data shipped in the jar loads. The test profile empties the database at every start (Flyway clean), so a test with
 * this profile meets a fresh database.
 */
public class NoDemoData implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("lianluo.seed.dir", "", "%test.lianluo.seed.dir", "");
    }
}
