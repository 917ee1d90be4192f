package cn.lianluo.station.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Which days a station holds its reception (接待日). */
public sealed interface ReceptionRule {

    boolean matches(LocalDate day);

    /** Days of every month, e.g. {8} for 8号接待日 or {3,6,9,13,16,19,23,26,29} for 逢三六九 market days. */
    record MonthlyDays(SortedSet<Integer> days) implements ReceptionRule {
        public MonthlyDays {
            if (days == null || days.isEmpty()) {
                throw new IllegalArgumentException("name at least one day of the month");
            }
            if (days.first() < 1 || days.last() > 31) {
                throw new IllegalArgumentException("days of the month are 1 to 31");
            }
            days = new TreeSet<>(days);
        }

        @Override
        public boolean matches(LocalDate day) {
            return days.contains(day.getDayOfMonth());
        }
    }

    /** Weekdays, e.g. every Wednesday. */
    record Weekly(Set<DayOfWeek> weekdays) implements ReceptionRule {
        public Weekly {
            if (weekdays == null || weekdays.isEmpty()) {
                throw new IllegalArgumentException("name at least one weekday");
            }
            weekdays = Set.copyOf(weekdays);
        }

        @Override
        public boolean matches(LocalDate day) {
            return weekdays.contains(day.getDayOfWeek());
        }
    }

    /** Every N days from an anchor day: market days (赶集日) that come round every 3 or 5 days. */
    record EveryNDays(LocalDate anchor, int every) implements ReceptionRule {
        public EveryNDays {
            if (anchor == null) {
                throw new IllegalArgumentException("name the first day (startDate)");
            }
            if (every < 1 || every > 366) {
                throw new IllegalArgumentException("every must be 1 to 366 days");
            }
        }

        @Override
        public boolean matches(LocalDate day) {
            long since = ChronoUnit.DAYS.between(anchor, day);
            return since >= 0 && since % every == 0;
        }
    }

    /** Explicitly announced days. */
    record Dates(SortedSet<LocalDate> dates) implements ReceptionRule {
        public Dates {
            if (dates == null || dates.isEmpty()) {
                throw new IllegalArgumentException("name at least one date");
            }
            dates = new TreeSet<>(dates);
        }

        @Override
        public boolean matches(LocalDate day) {
            return dates.contains(day);
        }
    }
}
