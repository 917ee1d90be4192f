package cn.lianluo.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Webhooks for other government systems (docs/notifications.md, "Webhooks"). The production defaults take only
 * {@code https:} URLs of public addresses; the dev and test profiles allow {@code http://127.0.0.1} receivers. The
 * signing secrets are sealed with {@code lianluo.notify.webhook-key} (read by {@code WebhookSecrets}).
 */
@ConfigMapping(prefix = "lianluo.notify.webhooks")
public interface WebhookConfig {

    /** Whether plain {@code http:} URLs are accepted ({@code LIANLUO_NOTIFY_WEBHOOKS_ALLOW_HTTP}). */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Whether URLs whose host resolves to a private, loopback, link-local or otherwise internal address are accepted
     * ({@code LIANLUO_NOTIFY_WEBHOOKS_ALLOW_PRIVATE}).
     */
    @WithDefault("false")
    boolean allowPrivate();

    /** How long after its first attempt a delivery is retried before it becomes a dead letter. */
    @WithDefault("24h")
    Duration giveUpAfter();

    /** The pause after the first failed attempt; each further failure doubles it, up to {@link #maxRetryDelay()}. */
    @WithDefault("10s")
    Duration firstRetryDelay();

    @WithDefault("1h")
    Duration maxRetryDelay();

    /** How often the delivery worker looks for due deliveries (read by its {@code @Scheduled}). */
    @WithDefault("2s")
    String pollEvery();

    /** Deliveries one pass of the worker takes. */
    @WithDefault("20")
    int batchSize();

    /**
     * How long a delivery taken by a worker is left to it before another pass may take it again: longer than the
     * connect and answer timeouts together, so only a worker that died mid-delivery (kill -9) leaves one to retry.
     */
    @WithDefault("60s")
    Duration lease();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration answerTimeout();
}
