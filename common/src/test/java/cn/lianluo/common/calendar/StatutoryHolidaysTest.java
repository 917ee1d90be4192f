package cn.lianluo.common.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The computed statutory days off, against dates taken from published calendars (not from the code under test). */
class StatutoryHolidaysTest {

    /**
     * Per year: 除夕 (the first of the 4 春节 days), 清明, 端午, 中秋 — 元旦, 劳动节 and 国庆 are fixed. 2027's 春节 is on
     * 6 February (the new moon at 23:56 Beijing time) and 2030's on 3 February (00:07): ICU4J alone says 7 and 2.
     */
    @ParameterizedTest
    @CsvSource({
            "2025, 2025-01-28, 2025-04-04, 2025-05-31, 2025-10-06",
            "2026, 2026-02-16, 2026-04-05, 2026-06-19, 2026-09-25",
            "2027, 2027-02-05, 2027-04-05, 2027-06-09, 2027-09-15",
            "2028, 2028-01-25, 2028-04-04, 2028-05-28, 2028-10-03",
            "2029, 2029-02-12, 2029-04-04, 2029-06-16, 2029-09-22",
            "2030, 2030-02-02, 2030-04-05, 2030-06-05, 2030-09-12"})
    void the_days_off_of_2025_to_2030_are_those_of_the_published_calendars(int year, LocalDate chuxi, LocalDate qingming,
                                                                          LocalDate duanwu, LocalDate zhongqiu) {
        List<LocalDate> expected = new ArrayList<>(List.of(LocalDate.of(year, 1, 1),
                chuxi, chuxi.plusDays(1), chuxi.plusDays(2), chuxi.plusDays(3), qingming,
                LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 2), duanwu, zhongqiu,
                LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 2), LocalDate.of(year, 10, 3)));
        List<CalendarDay> days = StatutoryHolidays.of(year);

        assertThat(days).extracting(CalendarDay::date).containsExactlyElementsOf(expected.stream().distinct().sorted().toList());
        assertThat(days).allSatisfy(d -> {
            assertThat(d.working()).isFalse();
            assertThat(d.provisional()).isTrue();
        });
        assertThat(days).filteredOn(d -> d.date().equals(chuxi.plusDays(1))).extracting(CalendarDay::name).containsExactly("春节");
        assertThat(days).filteredOn(d -> d.date().equals(duanwu)).extracting(CalendarDay::name).containsExactly("端午节");
    }

    @Test
    void a_day_that_is_two_holidays_is_one_day_off_named_after_both() {
        // 2028: 中秋 (八月十五) on 3 October, the third day of 国庆
        assertThat(StatutoryHolidays.of(2028)).filteredOn(d -> d.date().equals(LocalDate.of(2028, 10, 3)))
                .extracting(CalendarDay::name).containsExactly("中秋节、国庆节");
        assertThat(StatutoryHolidays.of(2028)).hasSize(12);
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void the_official_arrangements_give_every_computed_day_off(int year) {
        Set<LocalDate> official = ReferenceCalendars.all().get(year).stream().filter(d -> !d.working())
                .map(CalendarDay::date).collect(Collectors.toSet());

        assertThat(official).containsAll(StatutoryHolidays.of(year).stream().map(CalendarDay::date).toList());
    }

    @Test
    void the_shipped_arrangements_are_2025_and_2026_with_their_make_up_days() {
        var years = ReferenceCalendars.all();

        assertThat(years).containsKeys(2025, 2026);
        assertThat(years.get(2025)).filteredOn(CalendarDay::working).extracting(CalendarDay::date).containsExactly(
                LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
                LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
        assertThat(years.get(2026)).filteredOn(d -> !d.working()).hasSize(33);
        assertThat(years.values()).allSatisfy(days -> assertThat(days).noneMatch(CalendarDay::provisional));
    }

    @Test
    void outside_2000_to_2099_nothing_is_computed() {
        assertThat(StatutoryHolidays.of(1999)).isEmpty();
        assertThat(StatutoryHolidays.of(2100)).isEmpty();
        assertThat(StatutoryHolidays.of(2000)).isNotEmpty();
        assertThat(StatutoryHolidays.of(2099)).isNotEmpty();
    }

    /** Qingming of the years whose solar term fell within half an hour of Beijing midnight. */
    @ParameterizedTest
    @CsvSource({"2005, 2005-04-05", "2009, 2009-04-04", "2038, 2038-04-05", "2042, 2042-04-04"})
    void qingming_near_midnight_falls_on_its_published_date(int year, LocalDate date) {
        assertThat(StatutoryHolidays.qingming(year)).isEqualTo(date);
    }

    @Test
    void qingming_is_more_than_15_minutes_from_midnight_in_every_year_but_2071() {
        List<Integer> close = new ArrayList<>();
        for (int year = StatutoryHolidays.FIRST_YEAR; year <= StatutoryHolidays.LAST_YEAR; year++) {
            LocalTime time = Astronomy.instant(Astronomy.sunReachesTt(year, 15)).atOffset(Astronomy.BEIJING).toLocalTime();
            int minutes = time.toSecondOfDay() / 60;
            if (Math.min(minutes, 24 * 60 - minutes) <= 15) {
                close.add(year);
            }
        }
        assertThat(close).containsExactly(2071);
    }

    @Test
    void the_new_moon_series_gives_meeus_example_49a_and_the_eclipse_of_february_2027() {
        // Astronomical Algorithms, example 49.a: the new moon of February 1977, k = -283
        assertThat(Astronomy.newMoonTt(-283)).isCloseTo(2443192.65118, org.assertj.core.data.Offset.offset(0.00001));
        // the annular eclipse of 6 February 2027 (greatest at about 16:00 UT)
        OffsetDateTime newMoon = Astronomy.instant(Astronomy.newMoonTt(335)).atOffset(ZoneOffset.UTC);
        assertThat(newMoon.toLocalDate()).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(newMoon.getHour()).isEqualTo(15);
    }
}
