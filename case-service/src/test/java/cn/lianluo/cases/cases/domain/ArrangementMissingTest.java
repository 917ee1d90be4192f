package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.calendar.ReferenceCalendars;
import cn.lianluo.common.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Next year's arrangement is missing from 1 November (China time) until it is loaded; this year's at any time. */
class ArrangementMissingTest {

    static WorkingCalendar arranged(Integer... years) {
        List<CalendarDay> days = new ArrayList<>();
        ReferenceCalendars.all().values().forEach(days::addAll);
        return WorkingCalendar.withComputedYears(days, Set.of(years));
    }

    @Test
    void next_year_is_missing_from_1_november_and_no_longer_once_it_is_arranged() {
        WorkingCalendar through2026 = arranged(2025, 2026);
        assertThat(ArrangementMissing.on(LocalDate.of(2026, 10, 31), through2026)).isEmpty();
        assertThat(ArrangementMissing.on(LocalDate.of(2026, 11, 1), through2026))
                .containsExactly(new ArrangementMissing(2027, LocalDate.of(2026, 11, 1)));
        assertThat(ArrangementMissing.on(LocalDate.of(2026, 12, 31), through2026)).extracting(ArrangementMissing::year)
                .containsExactly(2027);
        assertThat(ArrangementMissing.on(LocalDate.of(2026, 11, 2), arranged(2025, 2026, 2027))).isEmpty();
    }

    @Test
    void a_year_already_begun_without_its_arrangement_is_missing_too() {
        WorkingCalendar through2026 = arranged(2025, 2026);
        assertThat(ArrangementMissing.on(LocalDate.of(2027, 3, 1), through2026))
                .containsExactly(new ArrangementMissing(2027, LocalDate.of(2026, 11, 1)));
        assertThat(ArrangementMissing.on(LocalDate.of(2027, 11, 1), through2026)).extracting(ArrangementMissing::year)
                .containsExactly(2027, 2028);
        assertThat(ArrangementMissing.on(LocalDate.of(2027, 11, 1), through2026).get(1).message())
                .contains("2028年节假日安排", "尚未导入", "PUT /api/v1/calendar/2028");
    }
}
