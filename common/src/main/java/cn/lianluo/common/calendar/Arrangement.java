package cn.lianluo.common.calendar;

import cn.lianluo.common.problem.ProblemException;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The State Council's arrangement of a year's public holidays (国务院办公厅关于某年部分节假日安排的通知): every day off
 * and every make-up working day (调休上班) of the year, replacing whatever the year held. A list with no day off, a
 * day outside the year or a date given twice is refused (422, naming the item).
 */
public record Arrangement(int year, List<CalendarDay> days) {

    public Arrangement {
        if (days.stream().allMatch(CalendarDay::working)) {
            throw ProblemException.unprocessable("arrangement-without-days-off", "days",
                    "an arrangement names the year's days off (and its make-up days); this one has no day off");
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            LocalDate date = days.get(i).date();
            if (date.getYear() != year) {
                throw ProblemException.unprocessable("date-outside-year", "days[" + i + "].date",
                        date + " is not in " + year);
            }
            if (!seen.add(date)) {
                throw ProblemException.unprocessable("duplicate-day", "days[" + i + "].date", date + " is given twice");
            }
        }
        days = days.stream().map(d -> new CalendarDay(d.date(), d.working(), d.name().strip()))
                .sorted(Comparator.comparing(CalendarDay::date)).toList();
    }
}
