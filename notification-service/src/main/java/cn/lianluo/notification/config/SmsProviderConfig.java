package cn.lianluo.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Which SMS provider sends the SMS (docs/notifications.md, "SMS"): {@code log} writes them to the log (the local
 * default), {@code aliyun} sends them through Alibaba Cloud SMS (阿里云短信, Dysmsapi {@code SendSms}).
 */
@ConfigMapping(prefix = "lianluo.notify.sms")
public interface SmsProviderConfig {

    /** {@code log} or {@code aliyun}. */
    @WithDefault("log")
    String provider();

    Aliyun aliyun();

    interface Aliyun {

        /** Dysmsapi's endpoint; a county inside a government cloud may reach it through its own address. */
        @WithDefault("https://dysmsapi.aliyuncs.com/")
        URI endpoint();

        /** The RAM user's AccessKey ID ({@code LIANLUO_SMS_ACCESS_KEY_ID}); required when the provider is aliyun. */
        Optional<String> accessKeyId();

        /** Its AccessKey secret ({@code LIANLUO_SMS_ACCESS_KEY_SECRET}); there is no default. */
        Optional<String> accessKeySecret();

        /** The {@code RegionId} sent with every call; SMS is served from cn-hangzhou. */
        @WithDefault("cn-hangzhou")
        String regionId();

        /**
         * The approved template's code per template name of docs/notifications.md, e.g. {@code case-received=SMS_123}.
         * A template without a code is not sent (GIVE_UP, saying which template lacks one).
         */
        Map<String, String> templateCodes();

        /** How long opening the connection may take. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long one call may take in all; no answer by then is a RETRY. */
        @WithDefault("10s")
        Duration timeout();
    }
}
