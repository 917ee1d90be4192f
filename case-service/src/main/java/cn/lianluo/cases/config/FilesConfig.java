package cn.lianluo.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Uploaded files (POST /api/v1/files): how large, how long one no case took is kept, and where their bytes go. */
@ConfigMapping(prefix = "lianluo.files")
public interface FilesConfig {

    /** The largest file taken, in bytes (10 MiB): a phone's photo or a scanned letter. */
    @WithDefault("10485760")
    long maxBytes();

    /** How long an uploaded file waits for the submission that attaches it; afterwards it is refused and deleted. */
    @WithDefault("24h")
    Duration keepUnattached();

    /** How often files no case took in time are deleted (read by FileSweep's {@code @Scheduled}). */
    @WithDefault("1h")
    String sweepEvery();

    /**
     * The S3-compatible object store (MinIO, Ceph RGW, a cloud's OSS or COS through its S3 API, AWS S3) the bytes of new
     * files go to when {@code lianluo.files.s3.bucket} is set. Unset, they stay in PostgreSQL beside their description.
     */
    S3 s3();

    interface S3 {

        /** The bucket, which must exist (nothing here creates it); setting it turns the object store on. */
        Optional<String> bucket();

        /** The store's URL, e.g. {@code https://minio.example.gov.cn:9000}; unset: AWS S3 of {@link #region()}. */
        Optional<URI> endpoint();

        /** The region signed into every request (SigV4); MinIO and Ceph take any, often {@code us-east-1}. */
        @WithDefault("us-east-1")
        String region();

        /** With {@link #secretKey()}; both unset: the SDK's default chain (AWS_ACCESS_KEY_ID, a web identity, …). */
        Optional<String> accessKey();

        Optional<String> secretKey();

        /** {@code endpoint/bucket/key} (MinIO, Ceph, a store reached by IP) rather than {@code bucket.endpoint/key}. */
        @WithDefault("false")
        boolean pathStyle();

        /** How long a connection to the store may take to open. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long one call (a file of up to 10 MiB, retries included) may take before the caller hears 503. */
        @WithDefault("60s")
        Duration callTimeout();
    }
}
