package cn.lianluo.common.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one minter of dev tokens (RS256, signed with {@code deploy/dev-keys/dev-private-key.pem}): {@code ./suite token}
 * runs its {@link #main}, the tests' {@link TestTokens} and the benchmark harness call {@link #mint}. Plain JDK on
 * purpose — {@code ./suite} launches this file from source, before anything is built.
 *
 * <pre>java DevTokens.java ROLE REGION [--deputy ID] [--unit ID] [--sub NAME] [--ttl SECONDS]</pre>
 * The environment's {@code JWT_AUDIENCE} (default lianluo) and {@code JWT_MAX_LIFETIME_SECONDS} (default 43,200, what
 * the services accept) apply as they do to the services; {@code LIANLUO_DEV_PRIVATE_KEY} names another key file.
 */
public final class DevTokens {

    public static final List<String> ROLES = List.of("ADMIN", "SUPERVISOR", "STATION_STAFF", "DEPUTY", "HANDLER");

    private static final Pattern REGION = Pattern.compile("[1-9][0-9]([0-9]{2}|[0-9]{4}|[0-9]{7}|[0-9]{10})?");

    private DevTokens() {
    }

    /**
     * What a token says about its bearer; {@code deputyId} and {@code unitId} may be null. Not checked here: a test may
     * want a token the services refuse; the command line's arguments are checked by {@link #parse}.
     */
    public record Claims(String role, String region, String subject, String deputyId, String unitId, long ttlSeconds) {

        /** The subject {@code ./suite token} gives when none is named: dev-station-staff-433124 and the like. */
        public static String defaultSubject(String role, String region) {
            return "dev-" + role.toLowerCase().replace('_', '-') + "-" + region;
        }
    }

    /** A signed compact JWT with the claims the services read (iss, aud, sub, upn, groups, region, iat, exp, jti). */
    public static String mint(PrivateKey key, String audience, Claims claims) {
        return mint(key, audience, claims, Map.of());
    }

    /** The same with more claims, such as the person's {@code name} an identity provider adds. */
    public static String mint(PrivateKey key, String audience, Claims claims, Map<String, Object> more) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", "lianluo");
        payload.put("aud", audience);
        payload.put("sub", claims.subject());
        payload.put("upn", claims.subject());
        payload.put("groups", List.of(claims.role()));
        payload.put("region", claims.region());
        payload.put("iat", now);
        payload.put("exp", now + claims.ttlSeconds());
        payload.put("jti", UUID.randomUUID().toString());
        if (claims.deputyId() != null) {
            payload.put("deputyId", claims.deputyId());
        }
        if (claims.unitId() != null) {
            payload.put("unitId", claims.unitId());
        }
        payload.putAll(more);
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(json(payload));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the dev key cannot sign", e);
        }
    }

    /** The dev key of this checkout, found from the working directory upwards (modules run their tests in theirs). */
    public static PrivateKey devKey() {
        String named = System.getenv("LIANLUO_DEV_PRIVATE_KEY");
        if (named != null && !named.isBlank()) {
            return privateKey(Path.of(named));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pem = dir.resolve("deploy/dev-keys/dev-private-key.pem");
            if (Files.isRegularFile(pem)) {
                return privateKey(pem);
            }
        }
        throw new IllegalStateException("deploy/dev-keys/dev-private-key.pem not found above " + Path.of("").toAbsolutePath());
    }

    /** A PKCS#8 PEM private key. */
    public static PrivateKey privateKey(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the private key " + pem, e);
        }
    }

    /** {@code ./suite token}: prints the token alone on the last line; a usage error exits with 1, as the script's errors do. */
    public static void main(String[] args) {
        try {
            System.out.println(mint(devKey(), env("JWT_AUDIENCE", "lianluo"), parse(args)));
        } catch (IllegalArgumentException e) {
            System.err.println("[suite] error: " + e.getMessage());
            System.exit(1);
        }
    }

    static Claims parse(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ./suite token ROLE REGION [--deputy ID] [--unit ID] [--sub NAME] [--ttl SECONDS]");
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args).subList(2, args.length));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            if (!List.of("--deputy", "--unit", "--sub", "--ttl").contains(option) || rest.isEmpty()) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            options.put(option, rest.remove(0));
        }
        long max = Long.parseLong(env("JWT_MAX_LIFETIME_SECONDS", "43200"));
        String ttl = options.getOrDefault("--ttl", "43200");
        if (!ttl.matches("[1-9][0-9]{0,9}") || Long.parseLong(ttl) > max) {
            throw new IllegalArgumentException("--ttl must be 1 to " + max + " seconds: the services refuse a longer lifetime");
        }
        String role = args[0];
        String region = args[1];
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be " + String.join(", ", ROLES));
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("REGION must be a region code such as 43, 4308, 430822 or 430822207");
        }
        String subject = options.get("--sub");
        return new Claims(role, region, subject == null || subject.isEmpty() ? Claims.defaultSubject(role, region) : subject,
                options.get("--deputy"), options.get("--unit"), Long.parseLong(ttl));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** JSON for strings, numbers and lists of strings: all a token's claims need. */
    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> json(e.getKey()) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DevTokens::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Number) {
            return value.toString();
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
