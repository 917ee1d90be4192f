package cn.lianluo.notification.service;

import java.util.Map;

/**
 * An SMS provider's API: one message to one phone, by the provider's template code and the template's variables
 * (providers in China send only approved templates under an approved 短信签名). Implementations map the provider's
 * answers to {@link Outcome}: whether trying again later can help.
 */
public interface SmsProvider {

    /**
     * @param phone         the whole phone, decrypted just for this call
     * @param signName      the 短信签名 the provider approved
     * @param templateCode  the provider's code of the approved template
     * @param params        the template's variables by name
     * @param outId         our id of the message, which the provider echoes in its reports
     */
    record Sms(String phone, String signName, String templateCode, Map<String, String> params, String outId) {
    }

    enum Outcome {
        /** The provider accepted the message. */
        SENT,
        /** Written to the log only, sent to no one (the log adapter). */
        LOG_ONLY,
        /**
         * A failure that may pass and that surely sent nothing (throttled, refused with a code, no connection): try
         * again later.
         */
        RETRY,
        /** The provider's limit for the hour is reached (the phone's 小时级流控): try again when the next hour begins. */
        HOUR_LIMIT,
        /** The provider's limit for the day is reached: try again the next day (after the quiet hours). */
        DAY_LIMIT,
        /**
         * The request may have reached the provider but the answer did not say what became of it (no answer in time,
         * a 5xx without a code, the connection lost after sending): not tried again, lest the phone get it twice.
         */
        UNKNOWN,
        /** A failure that will not pass (bad phone, template not approved, account not allowed): record and stop. */
        GIVE_UP
    }

    /** What the provider said: the outcome, its own code and message, and its id of the message when accepted. */
    record Result(Outcome outcome, String code, String detail, String providerMessageId) {
    }

    /** The provider's name as configured ({@code log}, {@code aliyun}); recorded with each attempt. */
    String name();

    Result send(Sms sms);
}
