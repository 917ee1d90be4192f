package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.time.Zones;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One stage's deadline: it is due at the end of the working day {@code span} working days after the stage began;
 * a warning (预警) falls at 80 % of the working time (only the hours of working days count, so it always falls on a
 * working day), overdue (超期) at 100 %, 催办 on the next working day after it, and 通报 once it is more than 5 working
 * days overdue. The visit stage counts from the day after the reply.
 */
public record Deadline(Stage stage, Instant startedAt, int span, LocalDate dueDate, Instant dueAt, Instant warnAt) {

    public static final int REPORT_AFTER_OVERDUE_DAYS = 5;

    public static Deadline start(Stage stage, Instant at, int span, WorkingCalendar calendar) {
        LocalDate startDay = at.atZone(Zones.CHINA).toLocalDate();
        LocalDate due = stage == Stage.VISIT
                ? calendar.addWorkingDays(calendar.nextWorkingDayOnOrAfter(startDay.plusDays(1)), Math.max(0, span - 1))
                : calendar.addWorkingDays(startDay, span);
        return of(stage, at, span, due, calendar);
    }

    static Deadline of(Stage stage, Instant startedAt, int span, LocalDate due, WorkingCalendar calendar) {
        Instant dueAt = due.plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
        return new Deadline(stage, startedAt, span, due, dueAt, warningPoint(startedAt, dueAt, calendar));
    }

    /**
     * 80 % of the working time from {@code from} to {@code to}: the time of each working day (midnight to midnight,
     * China time) inside the span is counted, days off are skipped. The point lies strictly inside a working day's
     * time, so its date is a working day; with no working time at all (never, for a due date that is a working day)
     * it is 80 % of the wall-clock time.
     */
    static Instant warningPoint(Instant from, Instant to, WorkingCalendar calendar) {
        List<Instant[]> working = new ArrayList<>();
        Duration total = Duration.ZERO;
        for (LocalDate day = from.atZone(Zones.CHINA).toLocalDate(); day.atStartOfDay(Zones.CHINA).toInstant().isBefore(to);
             day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            Instant start = max(from, day.atStartOfDay(Zones.CHINA).toInstant());
            Instant end = min(to, day.plusDays(1).atStartOfDay(Zones.CHINA).toInstant());
            if (start.isBefore(end)) {
                working.add(new Instant[] {start, end});
                total = total.plus(Duration.between(start, end));
            }
        }
        if (total.isZero()) {
            return from.plus(Duration.between(from, to).multipliedBy(4).dividedBy(5));
        }
        Duration left = total.multipliedBy(4).dividedBy(5);
        for (Instant[] span : working) {
            Duration length = Duration.between(span[0], span[1]);
            if (left.compareTo(length) < 0) {
                return span[0].plus(left);
            }
            left = left.minus(length);
        }
        throw new IllegalStateException("80 % of the working time lies inside it");
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The deadline moved by {@code days} working days (a pause that stopped the clock, or an approved extension). */
    public Deadline extendedBy(int days, WorkingCalendar calendar) {
        if (days <= 0) {
            return this;
        }
        return of(stage, startedAt, span + days, calendar.addWorkingDays(dueDate, days), calendar);
    }

    /**
     * This stage's clock taken over at {@code at} by another unit (上交 while the clock runs): the same due date and
     * warning point (a working moment already), its span the working days left after the day of the take-over (0 when
     * none are).
     */
    public Deadline takeOver(Instant at, WorkingCalendar calendar) {
        int left = workingDaysBetween(at.atZone(Zones.CHINA).toLocalDate(), dueDate, calendar);
        return new Deadline(stage, at, left, dueDate, dueAt, warnAt);
    }

    /**
     * The same stage counted again from its start and span on {@code calendar} (an official arrangement that replaced
     * the computed, provisional days it was counted on). When the due date stays, so does the warning while it still
     * falls on a working day (a clock taken over keeps its first holder's); a clock taken over after its due date has
     * nothing left to count and stays as it is.
     */
    public Deadline recountedOn(WorkingCalendar calendar) {
        if (dueDate.isBefore(startedAt.atZone(Zones.CHINA).toLocalDate())) {
            return this;
        }
        Deadline recounted = start(stage, startedAt, span, calendar);
        if (recounted.dueDate.equals(dueDate) && calendar.isWorkingDay(warnAt.atZone(Zones.CHINA).toLocalDate())) {
            return this;
        }
        return recounted;
    }

    /** 催办: the next working day after the due date. */
    public LocalDate urgeOn(WorkingCalendar calendar) {
        return calendar.addWorkingDays(dueDate, 1);
    }

    /** 通报: when it is more than 5 working days overdue. */
    public LocalDate reportOn(WorkingCalendar calendar) {
        return calendar.addWorkingDays(dueDate, REPORT_AFTER_OVERDUE_DAYS + 1);
    }

    /** Working days between two dates, the first not counted: how long a pause stopped the clock. */
    public static int workingDaysBetween(LocalDate from, LocalDate to, WorkingCalendar calendar) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }
}
