package cn.lianluo.notification.service;

import cn.lianluo.common.time.Zones;
import cn.lianluo.notification.config.NotifyConfig;
import cn.lianluo.notification.persistence.Retention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.IntSupplier;

/**
 * Retention (docs/notifications.md, "Retention"): final messages and finished webhook events older than
 * {@code lianluo.notify.retention.keep-days} (400) are deleted with their attempts, the daily SMS counts after a few
 * days. Replicas may run it at once: each deletes what the other did not.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final Retention retention;
    private final NotifyConfig.Retention config;

    public RetentionJob(Retention retention, NotifyConfig config) {
        this.retention = retention;
        this.config = config.retention();
    }

    @Scheduled(every = "${lianluo.notify.retention.every:6h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            purge(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf(e, "the retention job failed; it runs again later");
        }
    }

    /** Deletes what is older than the retention allows at {@code now}; how many rows of each kind. */
    public Purged purge(Instant now) {
        Instant before = now.minus(Duration.ofDays(config.keepDays()));
        LocalDate today = now.atZone(Zones.CHINA).toLocalDate();
        int messages = repeat(() -> retention.messages(before, config.chunk()));
        int events = repeat(() -> retention.webhookEvents(before, config.chunk()));
        int counts = repeat(() -> retention.smsDaily(today.minusDays(config.smsDailyKeepDays()), config.chunk()));
        if (messages + events + counts > 0) {
            LOG.infof("retention: deleted %d message(s), %d webhook event(s), %d daily SMS count(s)", messages, events, counts);
        }
        return new Purged(messages, events, counts);
    }

    /** How many rows one run deleted. */
    public record Purged(int messages, int webhookEvents, int smsDaily) {
    }

    private int repeat(IntSupplier chunk) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(chunk::getAsInt);
            total += deleted;
        } while (deleted >= config.chunk());
        return total;
    }
}
