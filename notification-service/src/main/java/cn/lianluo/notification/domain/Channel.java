package cn.lianluo.notification.domain;

/** How a message reaches its recipient. */
public enum Channel {
    /** 短信, through the configured provider (a log-only adapter locally). */
    SMS,
    /** 电子邮件, over SMTP. */
    EMAIL,
    /** 站内信: the in-app inbox of the recipient's accounts, read through the gateway. */
    INBOX
}
