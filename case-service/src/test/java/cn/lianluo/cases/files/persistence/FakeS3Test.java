package cn.lianluo.cases.files.persistence;

import cn.lianluo.cases.config.FilesConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test store checks signatures as S3 does: AWS's own published examples pass, any change to them fails, and the
 * client S3FileStore builds puts, reads and deletes with a right key and is refused with a wrong one.
 */
class FakeS3Test {

    /** The example credentials and time of AWS's "Signature Calculations for the Authorization Header" page. */
    static final String EXAMPLE_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant EXAMPLE_TIME = Instant.parse("2013-05-24T00:00:00Z");
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    FakeS3 store;

    @BeforeEach
    void start() throws Exception {
        store = new FakeS3("lianluo-files").start(0);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    static SigV4Verifier exampleVerifier(String secret) {
        return new SigV4Verifier(Map.of(EXAMPLE_KEY, secret), "us-east-1", () -> EXAMPLE_TIME);
    }

    /** AWS's example GET Object: the first 10 bytes of test.txt in examplebucket. */
    static SigV4Verifier.Request exampleGet(Map<String, List<String>> changed) {
        Map<String, List<String>> headers = new HashMap<>(Map.of(
                "Host", List.of("examplebucket.s3.amazonaws.com"),
                "Range", List.of("bytes=0-9"),
                "x-amz-content-sha256", List.of(EMPTY_SHA256),
                "x-amz-date", List.of("20130524T000000Z"),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")));
        headers.putAll(changed);
        return new SigV4Verifier.Request("GET", "/test.txt", null, headers, new byte[0]);
    }

    /** AWS's example PUT Object: "Welcome to Amazon S3." as test$file.text, its payload signed. */
    static SigV4Verifier.Request examplePut(String body) {
        Map<String, List<String>> headers = Map.of(
                "Host", List.of("examplebucket.s3.amazonaws.com"),
                "Date", List.of("Fri, 24 May 2013 00:00:00 GMT"),
                "x-amz-date", List.of("20130524T000000Z"),
                "x-amz-storage-class", List.of("REDUCED_REDUNDANCY"),
                "x-amz-content-sha256", List.of("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
                        + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"));
        return new SigV4Verifier.Request("PUT", "/test%24file.text", null, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_published_examples_are_signed_right() {
        assertThat(exampleVerifier(EXAMPLE_SECRET).check(exampleGet(Map.of()))).isEmpty();
        assertThat(exampleVerifier(EXAMPLE_SECRET).check(examplePut("Welcome to Amazon S3."))).isEmpty();
    }

    @Test
    void another_secret_another_header_value_or_another_body_is_refused() {
        assertThat(exampleVerifier(EXAMPLE_SECRET.replace('K', 'k')).check(exampleGet(Map.of())))
                .map(SigV4Verifier.Refusal::code).contains("SignatureDoesNotMatch");
        assertThat(exampleVerifier(EXAMPLE_SECRET).check(exampleGet(Map.of("Range", List.of("bytes=0-99")))))
                .map(SigV4Verifier.Refusal::code).contains("SignatureDoesNotMatch");
        assertThat(exampleVerifier(EXAMPLE_SECRET).check(examplePut("Welcome to Amazon S3!")))
                .map(SigV4Verifier.Refusal::code).contains("XAmzContentSHA256Mismatch");
        // an x-amz-* header added after signing
        assertThat(exampleVerifier(EXAMPLE_SECRET).check(exampleGet(Map.of("x-amz-acl", List.of("public-read")))))
                .map(SigV4Verifier.Refusal::code).contains("AccessDenied");
        assertThat(exampleVerifier(EXAMPLE_SECRET).check(exampleGet(Map.of("Authorization", List.of())))).isPresent();
        // a signature older than 15 minutes
        var later = new SigV4Verifier(Map.of(EXAMPLE_KEY, EXAMPLE_SECRET), "us-east-1", () -> EXAMPLE_TIME.plus(Duration.ofMinutes(16)));
        assertThat(later.check(exampleGet(Map.of()))).map(SigV4Verifier.Refusal::code).contains("RequestTimeTooSkewed");
    }

    @Test
    void the_canonical_forms_encode_as_aws_describes() {
        assertThat(SigV4Verifier.canonicalUri("/b/%E8%B7%AF%20x~y")).isEqualTo("/b/%E8%B7%AF%20x~y");
        assertThat(SigV4Verifier.canonicalUri("/test%24file.text")).isEqualTo("/test%24file.text");
        assertThat(SigV4Verifier.canonicalQuery("x-id=GetObject&acl&b=2&a=%2F")).isEqualTo("a=%2F&acl=&b=2&x-id=GetObject");
    }

    record S3Settings(Optional<String> bucket, Optional<URI> endpoint, String region, Optional<String> accessKey,
                      Optional<String> secretKey, boolean pathStyle, Duration connectTimeout, Duration callTimeout)
            implements FilesConfig.S3 {
        static S3Settings of(FakeS3 store, String secret) {
            return new S3Settings(Optional.of("lianluo-files"), Optional.of(store.endpoint()), FakeS3.REGION,
                    Optional.of(FakeS3.ACCESS_KEY), Optional.of(secret), true, Duration.ofSeconds(2), Duration.ofSeconds(10));
        }
    }

    @Test
    void the_client_of_the_file_store_puts_reads_and_deletes_with_signed_requests() {
        byte[] photo = "not really a photo, but bytes".getBytes(StandardCharsets.UTF_8);
        try (S3Client s3 = S3FileStore.client(S3Settings.of(store, FakeS3.SECRET_KEY))) {
            s3.putObject(b -> b.bucket("lianluo-files").key("a3f1").contentType("image/png"), RequestBody.fromBytes(photo));
            assertThat(store.objects()).containsKey("a3f1");
            assertThat(store.objects().get("a3f1").content()).isEqualTo(photo);
            assertThat(store.objects().get("a3f1").contentType()).isEqualTo("image/png");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("lianluo-files").key("a3f1")).asByteArray()).isEqualTo(photo);
            s3.deleteObject(b -> b.bucket("lianluo-files").key("a3f1"));
            assertThat(store.objects()).isEmpty();
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("lianluo-files").key("a3f1")))
                    .isInstanceOf(NoSuchKeyException.class);
        }
        assertThat(store.exchanges()).extracting(FakeS3.Exchange::method, FakeS3.Exchange::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PUT", 200), org.assertj.core.groups.Tuple.tuple("GET", 200),
                org.assertj.core.groups.Tuple.tuple("DELETE", 204), org.assertj.core.groups.Tuple.tuple("GET", 404));
    }

    @Test
    void a_request_signed_with_a_wrong_secret_is_refused_and_stores_nothing() {
        try (S3Client s3 = S3FileStore.client(S3Settings.of(store, FakeS3.SECRET_KEY + "x"))) {
            assertThatThrownBy(() -> s3.putObject(b -> b.bucket("lianluo-files").key("b7"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    });
        }
        assertThat(store.objects()).isEmpty();
        assertThat(store.exchanges()).extracting(FakeS3.Exchange::error).containsOnly("SignatureDoesNotMatch");
    }
}
