package cn.lianluo.cases.files.persistence;

import cn.lianluo.cases.config.FilesConfig;
import cn.lianluo.common.problem.ProblemException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The bytes in an S3-compatible object store, one object per file, its key the file's id; the row keeps the description
 * with a null {@code content}. A file stored in its row before the store was configured is still read from there.
 * <p>
 * A row never stands without its object: the object is written first, and deleted again when the transaction that
 * inserts the row does not commit; the sweep deletes the objects before the rows it holds locked (a failure leaves the
 * rows, expired and no longer attachable, for the next sweep). The store out of reach is a 503 problem, never a 500.
 */
final class S3FileStore implements FileStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(S3FileStore.class);

    private final S3Client s3;
    private final String bucket;
    private final String where;
    private final FileRepository files;
    private final TransactionSynchronizationRegistry transactions;

    S3FileStore(FilesConfig.S3 config, FileRepository files, TransactionSynchronizationRegistry transactions) {
        this.s3 = client(config);
        this.bucket = config.bucket().orElseThrow();
        this.where = "bucket " + bucket + " at " + config.endpoint().map(Object::toString).orElse("AWS S3")
                + " (region " + config.region() + (config.pathStyle() ? ", path-style" : "") + ")";
        this.files = files;
        this.transactions = transactions;
    }

    static S3Client client(FilesConfig.S3 config) {
        var builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .forcePathStyle(config.pathStyle())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.connectTimeout())
                        .socketTimeout(config.callTimeout()))
                // S3-compatible stores do not all take the newer trailing checksums or aws-chunked bodies: a whole body
                // whose SHA-256 is signed (x-amz-content-sha256) is what every one of them takes
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(s -> s.chunkedEncodingEnabled(false))
                .overrideConfiguration(o -> o.apiCallTimeout(config.callTimeout()));
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(FilesConfig.S3 config) {
        if (config.accessKey().isPresent() != config.secretKey().isPresent()) {
            throw new IllegalStateException("lianluo.files.s3.access-key and lianluo.files.s3.secret-key are set together "
                    + "(or neither, for the SDK's default credentials)");
        }
        if (config.accessKey().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey().get(), config.secretKey().get()));
    }

    @Override
    public void insert(FileEntity file, byte[] content) {
        String key = file.id.toString();
        // registered before the object is written: whatever fails after it, up to the commit, deletes it again
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    deleteQuietly(key);
                }
            }
        });
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(file.contentType).contentLength((long) content.length),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw unavailable("the file could not be stored; nothing was kept, send it again later", e);
        }
        files.insert(file, null);
    }

    @Override
    public byte[] content(UUID id) {
        byte[] inRow = files.content(id);
        if (inRow != null) {
            return inRow;
        }
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(id.toString())).asByteArray();
        } catch (NoSuchKeyException e) {
            // the sweep deleting an expired upload right now
            throw ProblemException.notFound("file", id);
        } catch (SdkException e) {
            throw unavailable("the file could not be read; try again later", e);
        }
    }

    @Override
    public int deleteUnattached(Instant before, int batch) {
        Map<UUID, Boolean> claimed = files.claimUnattached(before, batch);
        claimed.forEach((id, inStore) -> {
            if (inStore) {
                s3.deleteObject(b -> b.bucket(bucket).key(id.toString()));
            }
        });
        files.deleteAll(claimed.keySet());
        return claimed.size();
    }

    private void deleteQuietly(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            LOG.warnf(e, "the object %s of a file whose row was not written stays in %s; delete it by hand", key, where);
        }
    }

    /** The 503 problem of a store out of reach; the cause is logged, not shown. */
    static ProblemException unavailable(String detail, Exception cause) {
        if (cause != null) {
            LOG.errorf(cause, "the object store of the files cannot be reached: %s", cause.getMessage());
        } else {
            LOG.error(detail);
        }
        return new ProblemException(503, "file-store-unavailable", "Service unavailable 文件存储暂不可用",
                "the store that keeps the files cannot be reached: " + detail);
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return where;
    }
}
