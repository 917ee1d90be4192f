package cn.lianluo.common.testing;

import cn.lianluo.common.testing.DevTokens.Claims;

import java.security.PrivateKey;
import java.util.Map;

/**
 * The tests' tokens: {@link DevTokens}, as {@code ./suite token ROLE REGION} mints them. They live two hours, not the
 * five minutes a person's token gets: test classes keep tokens in constants, and one test JVM (the gateway's runs every
 * IT of the suite in one start) can outlast five minutes on a slow machine, so a constant minted early expired before a
 * late test used it (a 401 in ReplicasIT). Expiry itself is tested with tokens minted for the purpose.
 */
public final class TestTokens {

    private static final long LIFETIME_SECONDS = 2 * 60 * 60;

    private static final PrivateKey KEY = DevTokens.devKey();

    private TestTokens() {
    }

    public static String token(String role, String region) {
        return mint(new Claims(role, region, "test-" + role.toLowerCase() + "-" + region, null, null, LIFETIME_SECONDS));
    }

    public static String bearer(String role, String region) {
        return "Bearer " + token(role, region);
    }

    /** A handling unit's (承办单位) token. */
    public static String handler(String region, String unitId) {
        return "Bearer " + mint(new Claims("HANDLER", region, "test-handler-" + unitId, null, unitId, LIFETIME_SECONDS));
    }

    /** A token that also names the person ({@code name}), as Keycloak's profile scope does. */
    public static String named(String role, String region, String unitId, String name) {
        Claims claims = new Claims(role, region, "test-" + role.toLowerCase() + "-" + region, null, unitId, LIFETIME_SECONDS);
        return "Bearer " + DevTokens.mint(KEY, "lianluo", claims, Map.of("name", name));
    }

    /** A grid worker's (网格员) token: station staff of a township whose token names the grid they serve. */
    public static String gridWorker(String township, String gridId) {
        Claims claims = new Claims("STATION_STAFF", township, "test-grid-" + gridId, null, null, LIFETIME_SECONDS);
        return "Bearer " + DevTokens.mint(KEY, "lianluo", claims, Map.of("gridId", gridId));
    }

    public static String deputy(String region, String deputyId) {
        return "Bearer " + mint(new Claims("DEPUTY", region, "test-deputy-" + deputyId, deputyId, null, LIFETIME_SECONDS));
    }

    private static String mint(Claims claims) {
        return DevTokens.mint(KEY, "lianluo", claims);
    }
}
