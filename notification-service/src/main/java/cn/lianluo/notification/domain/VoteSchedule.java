package cn.lianluo.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When deputies hear of a vote (票决), from its window as case-service gives it (either end may be missing from an
 * event older than the window): "opened" when it opens; "closing" a day before it closes, except for a vote shorter
 * than a day, whose "opened" already names the close; and nothing once it has closed — no message is written then,
 * and an SMS still waiting is not sent.
 */
public record VoteSchedule(Instant opensAt, Instant closesAt) {

    /** How long before the close the "closing" reminder is due. */
    public static final Duration CLOSING_NOTICE = Duration.ofHours(24);

    /** Whether the vote has closed at {@code now}. */
    public boolean closed(Instant now) {
        return closesAt != null && !closesAt.isAfter(now);
    }

    /** When "opened" is due: when the vote opens, now if that is past or not given. */
    public Instant openedDue(Instant now) {
        return opensAt == null ? now : later(now, opensAt);
    }

    /**
     * When "closing" is due: {@link #CLOSING_NOTICE} before the close, now if that is past. None without a close, nor
     * for a vote that opens less than a day before it closes.
     */
    public Optional<Instant> closingDue(Instant now) {
        if (closesAt == null) {
            return Optional.empty();
        }
        Instant due = closesAt.minus(CLOSING_NOTICE);
        if (opensAt != null && !due.isAfter(opensAt)) {
            return Optional.empty();
        }
        return Optional.of(later(now, due));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
