package cn.lianluo.common.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long the answer to a create that carried an {@code Idempotency-Key} is kept for a retry. */
@ConfigMapping(prefix = "lianluo.idempotency")
public interface IdempotencyConfig {

    /**
     * A retry with the same key within this time gets the first answer; after it the key is free again (and the stored
     * answer is deleted by the hourly cleanup). Environment: {@code LIANLUO_IDEMPOTENCY_KEEP}.
     */
    @WithDefault("24h")
    Duration keep();
}
