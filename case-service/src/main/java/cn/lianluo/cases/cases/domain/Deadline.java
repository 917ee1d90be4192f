package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.time.Zones;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One stage's deadline: it is due at the end of the working day {@code span} working days after the stage began;
 * a warning (预警) falls at 80 % of the time, overdue (超期) at 100 %, 催办 on the next working day after it, and
 * 通报 once it is more than 5 working days overdue. The visit stage counts from the day after the reply.
 */
public record Deadline(Stage stage, Instant startedAt, int span, LocalDate dueDate, Instant dueAt, Instant warnAt) {

    public static final int REPORT_AFTER_OVERDUE_DAYS = 5;

    public static Deadline start(Stage stage, Instant at, int span, WorkingCalendar calendar) {
        LocalDate startDay = at.atZone(Zones.CHINA).toLocalDate();
        LocalDate due = stage == Stage.VISIT
                ? calendar.addWorkingDays(calendar.nextWorkingDayOnOrAfter(startDay.plusDays(1)), Math.max(0, span - 1))
                : calendar.addWorkingDays(startDay, span);
        return of(stage, at, span, due);
    }

    static Deadline of(Stage stage, Instant startedAt, int span, LocalDate due) {
        Instant dueAt = due.plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
        Instant warnAt = startedAt.plus(Duration.between(startedAt, dueAt).multipliedBy(4).dividedBy(5));
        return new Deadline(stage, startedAt, span, due, dueAt, warnAt);
    }

    /** The deadline moved by {@code days} working days (a pause that stopped the clock, or an approved extension). */
    public Deadline extendedBy(int days, WorkingCalendar calendar) {
        if (days <= 0) {
            return this;
        }
        return of(stage, startedAt, span + days, calendar.addWorkingDays(dueDate, days));
    }

    /**
     * This stage's clock taken over at {@code at} by another unit (上交 while the clock runs): the same due date and
     * warning point, its span the working days left after the day of the take-over (0 when none are).
     */
    public Deadline takeOver(Instant at, WorkingCalendar calendar) {
        int left = workingDaysBetween(at.atZone(Zones.CHINA).toLocalDate(), dueDate, calendar);
        return new Deadline(stage, at, left, dueDate, dueAt, warnAt);
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
