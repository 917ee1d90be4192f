package cn.lianluo.cases.files.persistence;

import cn.lianluo.cases.config.FilesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

/** The {@link FileStore} the configuration names: the object store when {@code lianluo.files.s3.bucket} is set. */
@ApplicationScoped
public class FileStores {

    private static final Logger LOG = Logger.getLogger(FileStores.class);

    @Produces
    @ApplicationScoped
    FileStore fileStore(FilesConfig config, FileRepository files, TransactionSynchronizationRegistry transactions) {
        if (config.s3().bucket().isEmpty()) {
            LOG.info("files are stored in PostgreSQL (case_file.content); set lianluo.files.s3.bucket for an object store");
            return new DatabaseFileStore(files);
        }
        S3FileStore store = new S3FileStore(config.s3(), files, transactions);
        LOG.infof("files are stored in the object store: %s", store);
        return store;
    }

    void close(@Disposes FileStore store) {
        if (store instanceof S3FileStore s3) {
            s3.close();
        }
    }
}
