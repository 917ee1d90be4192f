package cn.lianluo.cases.files.persistence;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a request's AWS Signature Version 4 (Authorization header, payload in one piece) the way S3 does, written from
 * AWS's description of it and sharing no code with the SDK: the canonical request (method, URI-encoded path, sorted
 * query, the signed headers' trimmed values, their names, the payload's hash), the string to sign over its SHA-256, the
 * key derived from the secret through date, region, service and {@code aws4_request}, and the HMAC of the two.
 */
final class SigV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/,]+)/(\\d{8})/([^/,]+)/([^/,]+)/([^/,]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})");
    private static final Duration SKEW = Duration.ofMinutes(15);

    /** A request as the server received it: header names in any case, the path and query still percent-encoded. */
    record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            List<String> values = values(name);
            return values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
        }

        List<String> values(String name) {
            List<String> all = new ArrayList<>();
            headers.forEach((k, v) -> {
                if (k.equalsIgnoreCase(name)) {
                    all.addAll(v);
                }
            });
            return all;
        }
    }

    /** Why a request is refused, as S3 answers it. */
    record Refusal(int status, String code, String message) {
    }

    private final Map<String, String> secrets;
    private final String region;
    private final Supplier<Instant> now;

    /**
     * @param secrets the secret key of each access key
     * @param region  the region the requests must be signed for
     * @param now     the server's clock, for the 15 minutes a signature holds
     */
    SigV4Verifier(Map<String, String> secrets, String region, Supplier<Instant> now) {
        this.secrets = Map.copyOf(secrets);
        this.region = region;
        this.now = now;
    }

    /** Empty when the request is signed right, else the refusal. */
    Optional<Refusal> check(Request request) {
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isEmpty()) {
            return refuse(403, "AccessDenied", "no Authorization header");
        }
        Matcher m = AUTHORIZATION.matcher(authorization.get().strip());
        if (!m.matches()) {
            return refuse(400, "AuthorizationHeaderMalformed", "not an AWS4-HMAC-SHA256 Authorization header");
        }
        String accessKey = m.group(1);
        String date = m.group(2);
        String scopeRegion = m.group(3);
        String service = m.group(4);
        String terminator = m.group(5);
        List<String> signedHeaders = Arrays.asList(m.group(6).split(";"));
        String signature = m.group(7);

        String secret = secrets.get(accessKey);
        if (secret == null) {
            return refuse(403, "InvalidAccessKeyId", "unknown access key " + accessKey);
        }
        if (!scopeRegion.equals(region) || !"s3".equals(service) || !"aws4_request".equals(terminator)) {
            return refuse(400, "AuthorizationHeaderMalformed", "the credential scope must be <date>/" + region + "/s3/aws4_request");
        }
        Optional<String> amzDate = request.header("x-amz-date");
        if (amzDate.isEmpty()) {
            return refuse(403, "AccessDenied", "no x-amz-date header");
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate.get(), AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return refuse(403, "AccessDenied", "x-amz-date is not yyyyMMddTHHmmssZ");
        }
        if (!amzDate.get().startsWith(date)) {
            return refuse(403, "SignatureDoesNotMatch", "the credential's date is not x-amz-date's");
        }
        if (Duration.between(signedAt, now.get()).abs().compareTo(SKEW) > 0) {
            return refuse(403, "RequestTimeTooSkewed", "signed more than 15 minutes from the server's time");
        }

        // the names are lower-case and sorted; host and every x-amz-* header sent are among them
        List<String> sorted = signedHeaders.stream().sorted().toList();
        if (!signedHeaders.equals(sorted) || signedHeaders.stream().anyMatch(h -> !h.equals(h.toLowerCase(Locale.ROOT)))) {
            return refuse(400, "AuthorizationHeaderMalformed", "SignedHeaders are lower-case names in sorted order");
        }
        if (!signedHeaders.contains("host")) {
            return refuse(403, "AccessDenied", "host is not signed");
        }
        for (String name : request.headers().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-") && !signedHeaders.contains(lower)) {
                return refuse(403, "AccessDenied", "the header " + lower + " is not signed");
            }
        }
        for (String name : signedHeaders) {
            if (request.values(name).isEmpty()) {
                return refuse(403, "SignatureDoesNotMatch", "the signed header " + name + " is not in the request");
            }
        }

        Optional<String> payloadHash = request.header("x-amz-content-sha256");
        if (payloadHash.isEmpty()) {
            return refuse(400, "InvalidRequest", "x-amz-content-sha256 is required");
        }
        if (!UNSIGNED_PAYLOAD.equals(payloadHash.get())) {
            if (!payloadHash.get().matches("[0-9a-f]{64}")) {
                return refuse(501, "NotImplemented", "only a payload in one piece, signed or UNSIGNED-PAYLOAD, is taken here");
            }
            if (!payloadHash.get().equals(hex(sha256(request.body())))) {
                return refuse(400, "XAmzContentSHA256Mismatch", "the body's SHA-256 is not x-amz-content-sha256");
            }
        }

        String expected = signature(secret, date, amzDate.get(), canonicalRequest(request, signedHeaders, payloadHash.get()));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            return refuse(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided");
        }
        return Optional.empty();
    }

    String canonicalRequest(Request request, List<String> signedHeaders, String payloadHash) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            headers.append(name).append(':')
                    .append(String.join(",", request.values(name).stream().map(SigV4Verifier::trimAll).toList()))
                    .append('\n');
        }
        return request.method() + '\n'
                + canonicalUri(request.rawPath()) + '\n'
                + canonicalQuery(request.rawQuery()) + '\n'
                + headers + '\n'
                + String.join(";", signedHeaders) + '\n'
                + payloadHash;
    }

    String signature(String secret, String date, String amzDate, String canonicalRequest) {
        String scope = date + "/" + region + "/s3/aws4_request";
        String stringToSign = ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    /** S3's canonical URI: each segment of the decoded path encoded once; the slashes stay. */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String[] segments = rawPath.split("/", -1);
        List<String> encoded = new ArrayList<>();
        for (String segment : segments) {
            encoded.add(uriEncode(percentDecode(segment)));
        }
        return String.join("/", encoded);
    }

    /** Every parameter as encoded name=value (an empty value keeps its =), sorted by name, then value. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> params = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = uriEncode(percentDecode(eq < 0 ? pair : pair.substring(0, eq)));
            String value = eq < 0 ? "" : uriEncode(percentDecode(pair.substring(eq + 1)));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        List<String> out = new ArrayList<>();
        params.forEach((name, values) -> values.stream().sorted().forEach(v -> out.add(name + "=" + v)));
        return String.join("&", out);
    }

    /** AWS's UriEncode: A-Z a-z 0-9 - _ . ~ as they are, every other UTF-8 byte as %XY in upper-case hex. */
    static String uriEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String percentDecode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A header value without the spaces around it, and runs of spaces inside made one. */
    private static String trimAll(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static Optional<Refusal> refuse(int status, String code, String message) {
        return Optional.of(new Refusal(status, code, message));
    }
}
