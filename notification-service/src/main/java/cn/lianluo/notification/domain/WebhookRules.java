package cn.lianluo.notification.domain;

import java.util.Collection;

/** Which events a subscription takes (when a failed delivery is tried again: {@link Backoff}). */
public final class WebhookRules {

    private WebhookRules() {
    }

    /** A pattern is an exact event type, or a prefix ending in {@code *} ({@code lianluo.case.*}). */
    public static boolean typeMatches(String pattern, String type) {
        return pattern.endsWith("*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
    }

    /** Whether the event's type matches one of the patterns and its region lies inside the prefix. */
    public static boolean matches(Collection<String> patterns, String regionPrefix, String type, String regionCode) {
        return regionCode != null && regionCode.startsWith(regionPrefix)
                && patterns.stream().anyMatch(p -> typeMatches(p, type));
    }
}
