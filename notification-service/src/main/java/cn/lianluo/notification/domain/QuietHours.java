package cn.lianluo.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * No SMS from {@code from} to {@code until} (22:00–08:00 China time by default) unless the case is urgent: a message
 * due in those hours waits until {@code until}. A window may cross midnight; {@code from} equal to {@code until} is
 * no quiet hours at all.
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    /** When a message due {@code now} may go, if not now. */
    public Optional<Instant> holdUntil(Instant now, boolean urgent) {
        if (urgent || from.equals(until)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean crossesMidnight = from.isAfter(until);
        boolean quiet = crossesMidnight ? !t.isBefore(from) || t.isBefore(until) : !t.isBefore(from) && t.isBefore(until);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(until).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return Optional.of(end.toInstant());
    }
}
