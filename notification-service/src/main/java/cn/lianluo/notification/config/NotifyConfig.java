package cn.lianluo.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** The rules' and the dispatch worker's settings (docs/notifications.md, "SMS" and "E-mail"). */
@ConfigMapping(prefix = "lianluo.notify")
public interface NotifyConfig {

    /**
     * The AES-256-GCM key ({@code id:base64} of 32 bytes, {@code LIANLUO_NOTIFY_KEY}) case-service seals the citizen's
     * phone with; this service opens it only to send, and seals contacts' phones with it too.
     */
    String key();

    /** Older keys still opened while sealed values under them remain ({@code LIANLUO_NOTIFY_PREVIOUS_KEYS}). */
    Optional<List<String>> previousKeys();

    /**
     * The HMAC key of the phone and tracking-code hashes kept for lookups (opt-outs, a citizen's case), {@code id:base64}
     * of 32 bytes ({@code LIANLUO_NOTIFY_HASH_KEY}): a key of its own that is not rotated with {@link #key()}, so a
     * stored hash still matches after a rotation.
     */
    String hashKey();

    /**
     * The AES-256-GCM key the webhook subscriptions' signing secrets are sealed with ({@code LIANLUO_NOTIFY_WEBHOOK_KEY}),
     * a key of its own: case-service, which holds {@link #key()}, cannot open them.
     */
    String webhookKey();

    /**
     * How old an event may be and still be told (3 days): older ones — a new install reading a topic's history, a
     * consumer group moved back — are recorded SKIPPED with the attempt TOO_OLD and sent to no one.
     */
    @WithDefault("3d")
    Duration maxEventAge();

    Sms sms();

    Dispatch dispatch();

    Retention retention();

    interface Sms {
        /** The 短信签名 every SMS is sent under, as the provider approved it. */
        @WithDefault("联络站")
        String signName();

        /** SMS one phone gets in a China day at most; the next are SKIPPED (DAILY_CAP). */
        @WithDefault("5")
        int dailyCap();

        /** Quiet hours, China time: no SMS from … */
        @WithDefault("22:00")
        LocalTime quietFrom();

        /** … until (an SMS due then waits until this time, unless its case is urgent). */
        @WithDefault("08:00")
        LocalTime quietUntil();
    }

    interface Dispatch {
        /** How often the worker looks for due messages (read by its {@code @Scheduled}). */
        @WithDefault("2s")
        String every();

        /** How many due messages one pass of the worker takes. */
        @WithDefault("50")
        int batch();

        /** Attempts (calls to the provider or the mail server) before a message that keeps failing is FAILED. */
        @WithDefault("6")
        int maxAttempts();

        /** The wait after the first failed attempt; it doubles with each further one. */
        @WithDefault("30s")
        Duration backoff();

        /** A message SENDING longer than this was taken by a replica that died: FAILED "interrupted", never resent. */
        @WithDefault("10m")
        Duration interruptedAfter();

        /**
         * At shutdown, how long the worker may take to finish the message it is sending (the provider's connect and
         * answer timeouts); it takes no further one. Keep it under the pod's terminationGracePeriodSeconds.
         */
        @WithDefault("16s")
        Duration shutdownWait();
    }

    /** How long final messages, webhook events and daily SMS counts are kept (docs/notifications.md, "Retention"). */
    interface Retention {
        /** How often the retention job runs (read by its {@code @Scheduled}). */
        @WithDefault("6h")
        String every();

        /**
         * Days a final message (SENT, LOG_ONLY, SKIPPED, FAILED) with its attempts, and a webhook event none of whose
         * deliveries is still pending, with its deliveries and attempts, are kept after they were written.
         */
        @WithDefault("400")
        int keepDays();

        /** Days the per-phone daily SMS counts are kept (only today's is read). */
        @WithDefault("3")
        int smsDailyKeepDays();

        /** Rows one delete statement removes at most; the job repeats it until less are left. */
        @WithDefault("5000")
        int chunk();
    }
}
