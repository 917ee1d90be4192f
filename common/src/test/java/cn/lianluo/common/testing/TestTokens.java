package cn.lianluo.common.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Tokens signed with the dev key, as {@code ./suite token ROLE REGION} mints them (aud lianluo, 5 minutes). */
public final class TestTokens {

    private TestTokens() {
    }

    public static String token(String role, String region) {
        return Jwt.issuer("lianluo").audience("lianluo").subject("test-" + role.toLowerCase() + "-" + region)
                .groups(Set.of(role)).claim("region", region).sign();
    }

    public static String bearer(String role, String region) {
        return "Bearer " + token(role, region);
    }

    /** A handling unit's (承办单位) token. */
    public static String handler(String region, String unitId) {
        return "Bearer " + Jwt.issuer("lianluo").audience("lianluo").subject("test-handler-" + unitId).groups(Set.of("HANDLER"))
                .claim("region", region).claim("unitId", unitId).sign();
    }

    public static String deputy(String region, String deputyId) {
        return "Bearer " + Jwt.issuer("lianluo").audience("lianluo").subject("test-deputy-" + deputyId).groups(Set.of("DEPUTY"))
                .claim("region", region).claim("deputyId", deputyId).sign();
    }
}
