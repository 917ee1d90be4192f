package cn.lianluo.station.domain;

import cn.lianluo.common.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A reception schedule (接待日): a rule of days, what happens on a day off, and the hours. The coming days
 * are computed from it with the working-day calendar as input.
 */
public record ReceptionSchedule(String label, ReceptionRule rule, HolidayPolicy holidayPolicy, String hours) {

    /** How far ahead a schedule is searched for its next day: two years. */
    public static final int HORIZON_DAYS = 731;

    public ReceptionSchedule {
        Objects.requireNonNull(rule, "rule");
        holidayPolicy = holidayPolicy == null ? HolidayPolicy.HELD : holidayPolicy;
        label = label == null || label.isBlank() ? "接待日" : label.strip();
    }

    /** The next {@code count} reception days on or after {@code from}. Empty when the rule yields none. */
    public List<ReceptionDay> next(LocalDate from, int count, WorkingCalendar calendar) {
        return nextAcross(List.of(this), from, count, calendar);
    }

    /** The next {@code count} reception days of a station with several schedules, earliest first. */
    public static List<ReceptionDay> nextAcross(List<ReceptionSchedule> schedules, LocalDate from, int count,
                                                WorkingCalendar calendar) {
        TreeMap<LocalDate, ReceptionDay> days = new TreeMap<>();
        if (count <= 0 || schedules.isEmpty()) {
            return List.of();
        }
        LocalDate last = from.plusDays(HORIZON_DAYS);
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            for (ReceptionSchedule schedule : schedules) {
                if (schedule.rule.matches(day)) {
                    schedule.held(day, calendar).ifPresent(d -> days.putIfAbsent(d.date(), d));
                }
            }
            // a moved day lies after its own date, so once `count` days lie on or before `day` we are done
            if (days.size() >= count && !new ArrayList<>(days.keySet()).get(count - 1).isAfter(day)) {
                break;
            }
        }
        return days.values().stream().sorted(Comparator.comparing(ReceptionDay::date)).limit(count).toList();
    }

    private java.util.Optional<ReceptionDay> held(LocalDate day, WorkingCalendar calendar) {
        if (holidayPolicy == HolidayPolicy.HELD || calendar.isWorkingDay(day)) {
            return java.util.Optional.of(new ReceptionDay(day, label, hours, false));
        }
        if (holidayPolicy == HolidayPolicy.SKIPPED) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ReceptionDay(calendar.nextWorkingDayOnOrAfter(day), label, hours, true));
    }
}
