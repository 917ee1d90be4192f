package cn.lianluo.common.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingCalendarTest {

    /** A slice of 2026: 国庆 1–7 Oct off, 10 Oct (Sat) a make-up day; 春节 15–23 Feb off, 14 and 28 Feb on. */
    private final WorkingCalendar calendar = new WorkingCalendar(List.of(
            new CalendarDay(LocalDate.of(2026, 2, 14), true, "春节调休上班"),
            off(2026, 2, 15), off(2026, 2, 16), off(2026, 2, 17), off(2026, 2, 18), off(2026, 2, 19),
            off(2026, 2, 20), off(2026, 2, 21), off(2026, 2, 22), off(2026, 2, 23),
            new CalendarDay(LocalDate.of(2026, 2, 28), true, "春节调休上班"),
            off(2026, 10, 1), off(2026, 10, 2), off(2026, 10, 3), off(2026, 10, 4), off(2026, 10, 5),
            off(2026, 10, 6), off(2026, 10, 7),
            new CalendarDay(LocalDate.of(2026, 10, 10), true, "国庆节调休上班")));

    private static CalendarDay off(int y, int m, int d) {
        return new CalendarDay(LocalDate.of(y, m, d), false, "假日");
    }

    @ParameterizedTest
    @CsvSource({
            "2026-02-13, true",   // Friday
            "2026-02-14, true",   // Saturday, make-up day
            "2026-02-16, false",  // Monday in the Spring Festival
            "2026-02-24, true",
            "2026-02-28, true",   // Saturday, make-up day
            "2026-03-01, false",  // Sunday
            "2026-10-05, false",
            "2026-10-10, true",   // Saturday, make-up day
            "2026-10-11, false"})
    void working_days_follow_weekends_holidays_and_make_up_days(LocalDate day, boolean working) {
        assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void a_holiday_is_a_statutory_day_off_not_a_weekend() {
        assertThat(calendar.isHoliday(LocalDate.of(2026, 10, 3))).isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2026, 10, 11))).isFalse();
    }

    @Test
    void adding_working_days_jumps_the_national_day_week_and_counts_the_make_up_saturday() {
        // Wednesday 30 Sep + 1 working day: 1–7 Oct off, Thursday 8 Oct
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        // + 3: 8 (Thu), 9 (Fri), 10 (Sat, make-up)
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        // + 4: then Monday 12 Oct
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 4)).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void zero_working_days_is_the_same_day_or_the_next_working_day() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 9), 0)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void negative_spans_are_refused() {
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 1, 5), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_year_without_its_arrangement_takes_the_computed_days_off_and_an_arranged_one_does_not() {
        WorkingCalendar never = WorkingCalendar.withComputedYears(ReferenceCalendars.all().get(2026), java.util.Set.of(2026));

        // 2027: 元旦 on a Friday, 春节 5–8 February (Friday to Monday), all provisional
        assertThat(never.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(never.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
        assertThat(never.isWorkingDay(LocalDate.of(2027, 2, 9))).isTrue();
        assertThat(never.exception(LocalDate.of(2027, 2, 5))).get().extracting(CalendarDay::provisional).isEqualTo(true);
        assertThat(never.isArranged(2027)).isFalse();
        // an extension of 1 working day approved on 31 December 2026 falls due on 4 January 2027, not on 元旦
        assertThat(never.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
        // 2026 is the official arrangement: 4 January (a Sunday) is a make-up day, 5 April a day off, nothing computed
        assertThat(never.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();
        assertThat(never.year(2026)).noneMatch(CalendarDay::provisional).hasSize(39);
        assertThat(never.year(2027)).hasSize(13).allMatch(CalendarDay::provisional);
    }

    @Test
    void a_day_stored_for_an_unarranged_year_wins_over_the_computed_one() {
        WorkingCalendar calendar = WorkingCalendar.withComputedYears(List.of(
                new CalendarDay(LocalDate.of(2027, 2, 5), true, "上班"),
                new CalendarDay(LocalDate.of(2027, 2, 10), false, "春节")), java.util.Set.of());

        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 5))).isTrue();
        assertThat(calendar.year(2027)).hasSize(14)
                .filteredOn(d -> !d.provisional()).extracting(CalendarDay::date)
                .containsExactly(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 10));
    }
}
