package cn.lianluo.notification.domain;

/** Where a message stands; each attempt to send it is recorded beside it with its outcome. */
public enum MessageStatus {
    /** Waiting to be sent (an SMS held for quiet hours waits until its {@code not_before}). */
    PENDING,
    /** Taken by one replica, which is sending it now. */
    SENDING,
    /** Accepted by the provider or the mail server, or put in the inbox. */
    SENT,
    /** Not sent on purpose: opted out, over the daily cap, no address; the reason is in its last attempt. */
    SKIPPED,
    /** Given up: the provider refused it for good, or the retries ran out. */
    FAILED
}
