package cn.lianluo.cases.files.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes the uploads no submission took within {@code lianluo.files.keep-unattached} (24 h): anyone may upload, so
 * what is never attached must not stay. Batches of their own transactions, rows claimed {@code FOR UPDATE SKIP
 * LOCKED}: replicas share the work, and a file being attached right now is left to its submission.
 */
@ApplicationScoped
public class FileSweep {

    private static final Logger LOG = Logger.getLogger(FileSweep.class);
    private static final int BATCH = 100;

    private final FileService files;

    public FileSweep(FileService files) {
        this.files = files;
    }

    @Scheduled(every = "${lianluo.files.sweep-every:1h}", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void tick() {
        try {
            int total = 0;
            for (int n = files.deleteUnattached(BATCH); n > 0; n = files.deleteUnattached(BATCH)) {
                total += n;
            }
            if (total > 0) {
                LOG.infof("deleted %d uploaded files that no case took in time", total);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "deleting unattached uploads failed; it runs again on the next tick");
        }
    }
}
