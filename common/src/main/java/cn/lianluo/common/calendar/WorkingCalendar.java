package cn.lianluo.common.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Chinese working-day calendar: weekends off, statutory holidays off, make-up days on. Pure: the
 * exceptions to the weekday rule are its only input.
 */
public final class WorkingCalendar {

    private final Map<LocalDate, CalendarDay> exceptions;

    public WorkingCalendar(Collection<CalendarDay> exceptions) {
        this.exceptions = exceptions.stream()
                .collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity(), (a, b) -> b));
    }

    public static WorkingCalendar weekdaysOnly() {
        return new WorkingCalendar(java.util.List.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDay exception = exceptions.get(date);
        if (exception != null) {
            return exception.working();
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** A statutory day off (not an ordinary weekend). */
    public boolean isHoliday(LocalDate date) {
        CalendarDay exception = exceptions.get(date);
        return exception != null && !exception.working();
    }

    public Optional<CalendarDay> exception(LocalDate date) {
        return Optional.ofNullable(exceptions.get(date));
    }

    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The day {@code days} working days after {@code start} (start itself not counted); 0 gives the end of
     * {@code start} if it is a working day, else the next working day.
     */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = start;
        if (days == 0) {
            return nextWorkingDayOnOrAfter(day);
        }
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
