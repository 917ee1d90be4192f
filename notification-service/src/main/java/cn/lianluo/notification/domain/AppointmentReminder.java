package cn.lianluo.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a citizen who booked a deputy (代表有约) is reminded: at {@link #AT} China time on the calendar day before the
 * meeting, early enough to cancel and late enough to be remembered; at once when that time has passed by the booking
 * (a slot booked for today or tomorrow evening); and never once the meeting has begun — the reminder is no use then,
 * so it is written to expire at the meeting's start.
 */
public record AppointmentReminder(Instant startsAt) {

    /** The hour of the reminder on the day before the meeting. */
    public static final LocalTime AT = LocalTime.of(18, 0);

    /** When the reminder is due, seen at {@code now}; none when the meeting has begun or passed. */
    public Optional<Instant> due(Instant now, ZoneId zone) {
        if (startsAt == null || !startsAt.isAfter(now)) {
            return Optional.empty();
        }
        Instant dayBefore = startsAt.atZone(zone).toLocalDate().minusDays(1).atTime(AT).atZone(zone).toInstant();
        return Optional.of(dayBefore.isAfter(now) ? dayBefore : now);
    }
}
