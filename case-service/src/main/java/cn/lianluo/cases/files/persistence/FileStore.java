package cn.lianluo.cases.files.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * Where the bytes of uploaded files are kept. Their description is always a row of {@code case_file}; the bytes go in
 * that row ({@link DatabaseFileStore}, the default: a backup of the database is a backup of the evidence) or, when
 * {@code lianluo.files.s3.bucket} is set, into an S3-compatible object store under the file's id ({@link S3FileStore}).
 * {@link FileStores} chooses one at start.
 */
public interface FileStore {

    /** Stores a new file, its row and its bytes, in the caller's transaction: a rollback leaves neither. */
    void insert(FileEntity file, byte[] content);

    /** The bytes of a stored file. */
    byte[] content(UUID id);

    /** Deletes up to {@code batch} files no case took, uploaded before {@code before}, rows and bytes; how many. */
    int deleteUnattached(Instant before, int batch);
}
