package cn.lianluo.station.domain;

import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceptionScheduleTest {

    /** 2026: 国庆 1–7 Oct off, 10 Oct a make-up Saturday; 劳动节 1–5 May off, 9 May a make-up Saturday. */
    private final WorkingCalendar calendar = new WorkingCalendar(List.of(
            off("2026-05-01"), off("2026-05-02"), off("2026-05-03"), off("2026-05-04"), off("2026-05-05"),
            new CalendarDay(LocalDate.parse("2026-05-09"), true, "劳动节调休上班"),
            off("2026-10-01"), off("2026-10-02"), off("2026-10-03"), off("2026-10-04"), off("2026-10-05"),
            off("2026-10-06"), off("2026-10-07"),
            new CalendarDay(LocalDate.parse("2026-10-10"), true, "国庆节调休上班")));

    private static CalendarDay off(String day) {
        return new CalendarDay(LocalDate.parse(day), false, "假日");
    }

    private static ReceptionSchedule monthly8(HolidayPolicy policy) {
        return new ReceptionSchedule("8号接待日", new ReceptionRule.MonthlyDays(new TreeSet<>(Set.of(8))), policy, "09:00-12:00");
    }

    private static List<LocalDate> dates(List<ReceptionDay> days) {
        return days.stream().map(ReceptionDay::date).toList();
    }

    @Test
    void the_8th_of_every_month_is_held_whatever_the_day_when_so_ruled() {
        var days = monthly8(HolidayPolicy.HELD).next(LocalDate.parse("2026-07-09"), 4, calendar);
        assertThat(dates(days)).containsExactly(LocalDate.parse("2026-08-08"), LocalDate.parse("2026-09-08"),
                LocalDate.parse("2026-10-08"), LocalDate.parse("2026-11-08"));
    }

    @Test
    void a_reception_day_on_a_day_off_moves_to_the_next_working_day() {
        // 8 Aug 2026 is a Saturday → Monday 10 Aug; 8 Nov is a Sunday → Monday 9 Nov
        var days = monthly8(HolidayPolicy.NEXT_WORKING_DAY).next(LocalDate.parse("2026-07-09"), 4, calendar);
        assertThat(dates(days)).containsExactly(LocalDate.parse("2026-08-10"), LocalDate.parse("2026-09-08"),
                LocalDate.parse("2026-10-08"), LocalDate.parse("2026-11-09"));
        assertThat(days.get(0).moved()).isTrue();
        assertThat(days.get(1).moved()).isFalse();
    }

    @Test
    void a_reception_day_on_a_day_off_is_dropped_when_so_ruled() {
        var days = monthly8(HolidayPolicy.SKIPPED).next(LocalDate.parse("2026-07-09"), 3, calendar);
        assertThat(dates(days)).containsExactly(LocalDate.parse("2026-09-08"), LocalDate.parse("2026-10-08"),
                LocalDate.parse("2026-12-08"));
    }

    @Test
    void a_weekly_day_inside_the_national_day_week_moves_past_it_and_a_make_up_saturday_counts() {
        var friday = new ReceptionSchedule("周五接待", new ReceptionRule.Weekly(Set.of(DayOfWeek.FRIDAY)),
                HolidayPolicy.NEXT_WORKING_DAY, null);
        // Friday 2 Oct is off → Thursday 8 Oct; Friday 9 Oct held
        assertThat(dates(friday.next(LocalDate.parse("2026-10-01"), 2, calendar)))
                .containsExactly(LocalDate.parse("2026-10-08"), LocalDate.parse("2026-10-09"));
        var saturday = new ReceptionSchedule("周六接待", new ReceptionRule.Weekly(Set.of(DayOfWeek.SATURDAY)),
                HolidayPolicy.SKIPPED, null);
        // only the make-up Saturday 10 Oct is a working Saturday in October
        assertThat(dates(saturday.next(LocalDate.parse("2026-10-01"), 1, calendar)))
                .containsExactly(LocalDate.parse("2026-10-10"));
    }

    @Test
    void market_days_come_round_every_five_days_holidays_or_not() {
        var market = new ReceptionSchedule("赶集日坐班", new ReceptionRule.EveryNDays(LocalDate.parse("2026-01-03"), 5),
                HolidayPolicy.HELD, "08:00-12:00");
        assertThat(dates(market.next(LocalDate.parse("2026-04-30"), 3, calendar))).containsExactly(
                LocalDate.parse("2026-05-03"), LocalDate.parse("2026-05-08"), LocalDate.parse("2026-05-13"));
        // nothing before the anchor day
        assertThat(dates(market.next(LocalDate.parse("2025-12-01"), 1, calendar))).containsExactly(LocalDate.parse("2026-01-03"));
    }

    @Test
    void several_schedules_merge_into_one_calendar_without_duplicates() {
        var monthly = monthly8(HolidayPolicy.HELD);
        var dates = new ReceptionSchedule("公示日", new ReceptionRule.Dates(new TreeSet<>(Set.of(
                LocalDate.parse("2026-09-08"), LocalDate.parse("2026-09-20")))), HolidayPolicy.HELD, null);
        var days = ReceptionSchedule.nextAcross(List.of(monthly, dates), LocalDate.parse("2026-09-01"), 3, calendar);
        assertThat(dates(days)).containsExactly(LocalDate.parse("2026-09-08"), LocalDate.parse("2026-09-20"),
                LocalDate.parse("2026-10-08"));
    }

    @Test
    void explicit_dates_all_in_the_past_yield_no_day() {
        var past = new ReceptionSchedule(null, new ReceptionRule.Dates(new TreeSet<>(Set.of(LocalDate.parse("2025-01-01")))),
                null, null);
        assertThat(past.next(LocalDate.parse("2026-01-01"), 1, calendar)).isEmpty();
        assertThat(past.label()).isEqualTo("接待日");
        assertThat(past.holidayPolicy()).isEqualTo(HolidayPolicy.HELD);
    }

    @Test
    void the_31st_only_comes_in_long_months() {
        var last = new ReceptionSchedule("月末", new ReceptionRule.MonthlyDays(new TreeSet<>(Set.of(31))), HolidayPolicy.HELD, null);
        assertThat(dates(last.next(LocalDate.parse("2026-04-01"), 2, calendar)))
                .containsExactly(LocalDate.parse("2026-05-31"), LocalDate.parse("2026-07-31"));
    }

    @Test
    void rules_without_days_are_refused() {
        assertThatThrownBy(() -> new ReceptionRule.MonthlyDays(new TreeSet<>())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceptionRule.MonthlyDays(new TreeSet<>(Set.of(0)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceptionRule.MonthlyDays(new TreeSet<>(Set.of(32)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceptionRule.Weekly(Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceptionRule.EveryNDays(null, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceptionRule.EveryNDays(LocalDate.parse("2026-01-01"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceptionRule.Dates(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
