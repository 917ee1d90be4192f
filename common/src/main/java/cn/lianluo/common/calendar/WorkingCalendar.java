package cn.lianluo.common.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Chinese working-day calendar: weekends off, statutory holidays off, make-up days on. Pure: the
 * exceptions to the weekday rule are its input, and, for a calendar made {@link #withComputedYears}, the
 * {@link StatutoryHolidays} of every year whose official arrangement is not among them.
 */
public final class WorkingCalendar {

    private final Map<LocalDate, CalendarDay> exceptions;
    /** null: only the exceptions count; else the years whose arrangement is loaded (the others are computed). */
    private final Set<Integer> arrangedYears;
    private final Map<Integer, Map<LocalDate, CalendarDay>> computed = new ConcurrentHashMap<>();

    public WorkingCalendar(Collection<CalendarDay> exceptions) {
        this(exceptions, null);
    }

    private WorkingCalendar(Collection<CalendarDay> exceptions, Set<Integer> arrangedYears) {
        this.exceptions = exceptions.stream()
                .collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity(), (a, b) -> b));
        this.arrangedYears = arrangedYears == null ? null : Set.copyOf(arrangedYears);
    }

    /**
     * A calendar that never runs out: the stored days, and for every year not in {@code arrangedYears} the computed
     * statutory days off ({@code provisional}) where no stored day says otherwise.
     */
    public static WorkingCalendar withComputedYears(Collection<CalendarDay> stored, Set<Integer> arrangedYears) {
        return new WorkingCalendar(stored, arrangedYears);
    }

    /** Whether the days of {@code year} are the official arrangement, not computed ones. */
    public boolean isArranged(int year) {
        return arrangedYears == null || arrangedYears.contains(year);
    }

    /** The days of {@code year} that differ from the weekday rule, by date. */
    public List<CalendarDay> year(int year) {
        Stream<CalendarDay> stored = exceptions.values().stream().filter(d -> d.date().getYear() == year);
        Stream<CalendarDay> days = isArranged(year) ? stored
                : Stream.concat(stored, computed(year).values().stream().filter(d -> !exceptions.containsKey(d.date())));
        return days.sorted(Comparator.comparing(CalendarDay::date)).toList();
    }

    private Map<LocalDate, CalendarDay> computed(int year) {
        return computed.computeIfAbsent(year, y -> StatutoryHolidays.of(y).stream()
                .collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity())));
    }

    private CalendarDay lookup(LocalDate date) {
        CalendarDay stored = exceptions.get(date);
        if (stored != null || isArranged(date.getYear())) {
            return stored;
        }
        return computed(date.getYear()).get(date);
    }

    public static WorkingCalendar weekdaysOnly() {
        return new WorkingCalendar(java.util.List.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDay exception = lookup(date);
        if (exception != null) {
            return exception.working();
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** A statutory day off (not an ordinary weekend). */
    public boolean isHoliday(LocalDate date) {
        CalendarDay exception = lookup(date);
        return exception != null && !exception.working();
    }

    public Optional<CalendarDay> exception(LocalDate date) {
        return Optional.ofNullable(lookup(date));
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
