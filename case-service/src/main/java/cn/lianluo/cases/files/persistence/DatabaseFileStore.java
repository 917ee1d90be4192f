package cn.lianluo.cases.files.persistence;

import java.time.Instant;
import java.util.UUID;

/** The bytes in the file's own row ({@code case_file.content}): the default. */
final class DatabaseFileStore implements FileStore {

    private final FileRepository files;

    DatabaseFileStore(FileRepository files) {
        this.files = files;
    }

    @Override
    public void insert(FileEntity file, byte[] content) {
        files.insert(file, content);
    }

    @Override
    public byte[] content(UUID id) {
        byte[] content = files.content(id);
        if (content == null) {
            // stored while an object store was configured, which it no longer is
            throw S3FileStore.unavailable("the file's bytes are in the object store, and lianluo.files.s3 is not "
                    + "configured", null);
        }
        return content;
    }

    @Override
    public int deleteUnattached(Instant before, int batch) {
        return files.deleteUnattached(before, batch);
    }
}
