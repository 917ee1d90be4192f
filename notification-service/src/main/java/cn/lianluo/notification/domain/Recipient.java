package cn.lianluo.notification.domain;

import java.util.Objects;

/** One recipient of messages: a kind and the id of the case, unit, station or deputy it stands for. */
public record Recipient(RecipientKind kind, String id) {

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a recipient needs an id");
        }
    }

    /** The recipient as one word, stored with each message: {@code unit:3f2a…}. */
    public String key() {
        return kind.name().toLowerCase() + ":" + id;
    }

    /** The recipient a {@link #key()} names. */
    public static Recipient parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not a recipient key: " + key);
        }
        return new Recipient(RecipientKind.valueOf(key.substring(0, colon).toUpperCase()), key.substring(colon + 1));
    }
}
