package cn.lianluo.notification.domain;

/** Where a message stands; each attempt to send it is recorded beside it with its outcome. */
public enum MessageStatus {
    /** Waiting to be sent (an SMS held for quiet hours waits until its {@code not_before}). */
    PENDING,
    /** Taken by one replica, which is sending it now. */
    SENDING,
    /** Accepted by the provider or the mail server, or put in the inbox. */
    SENT,
    /**
     * Written to the log by the log-only SMS adapter ({@code lianluo.notify.sms.provider=log}) and not sent to anyone:
     * the local default, and what a production installation without an SMS account does.
     */
    LOG_ONLY,
    /** Not sent on purpose: opted out, over the daily cap, no address; the reason is in its last attempt. */
    SKIPPED,
    /**
     * Given up: the provider refused it for good, the retries ran out, the sending replica stopped in the middle
     * (INTERRUPTED), or the provider's answer left open whether it was sent (UNKNOWN_OUTCOME: not sent again).
     */
    FAILED
}
