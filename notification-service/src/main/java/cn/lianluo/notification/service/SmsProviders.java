package cn.lianluo.notification.service;

import cn.lianluo.notification.config.SmsProviderConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one place that picks the {@link SmsProvider}: {@code lianluo.notify.sms.provider=log} (the default) or
 * {@code aliyun}. A wrong choice or an aliyun provider without its keys stops the service at start, not at the
 * first SMS.
 */
@ApplicationScoped
public class SmsProviders {

    private final SmsProviderConfig config;

    public SmsProviders(SmsProviderConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    SmsProvider smsProvider() {
        return create(config);
    }

    void checkAtStart(@Observes StartupEvent start, SmsProvider provider) {
        // injecting it is the check: the producer above refuses a configuration it cannot send with
        provider.name();
    }

    static SmsProvider create(SmsProviderConfig config) {
        return switch (config.provider().trim().toLowerCase()) {
            case "log" -> new LogSmsProvider();
            case "aliyun" -> {
                SmsProviderConfig.Aliyun aliyun = config.aliyun();
                yield new AliyunSmsProvider(new AliyunSmsProvider.Settings(aliyun.endpoint(),
                        aliyun.accessKeyId().orElse(null), aliyun.accessKeySecret().orElse(null), aliyun.regionId(),
                        aliyun.templateCodes(), aliyun.connectTimeout(), aliyun.timeout()), Clock.systemUTC());
            }
            default -> throw new IllegalArgumentException("lianluo.notify.sms.provider must be log or aliyun, not "
                    + config.provider());
        };
    }
}
