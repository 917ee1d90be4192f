package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.calendar.ReferenceCalendars;
import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.time.Zones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Working-day deadlines around every 2026 holiday and make-up day (the official arrangement shipped in common), and across the 2026/2027 New Year and Spring
 * Festival on 2027's computed days. */
class DeadlineTest {

    static final WorkingCalendar Y2026 = load();

    /** The official 2025 and 2026 arrangements shipped in the jar; every later year computed (provisional). */
    static WorkingCalendar load() {
        Map<Integer, List<CalendarDay>> official = ReferenceCalendars.all();
        return WorkingCalendar.withComputedYears(official.values().stream().flatMap(List::stream).toList(), official.keySet());
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Zones.CHINA).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // 元旦 1–3 Jan off, Sunday 4 Jan a make-up day
            "2025-12-31, 1, 2026-01-04",
            "2026-01-02, 1, 2026-01-04",
            "2026-01-02, 2, 2026-01-05",
            // 春节 15–23 Feb off, Saturdays 14 and 28 Feb make-up days
            "2026-02-13, 1, 2026-02-14",
            "2026-02-13, 2, 2026-02-24",
            "2026-02-14, 13, 2026-03-11",
            "2026-02-27, 1, 2026-02-28",
            // 清明 4–6 Apr off
            "2026-04-03, 1, 2026-04-07",
            // 劳动节 1–5 May off, Saturday 9 May a make-up day
            "2026-04-30, 1, 2026-05-06",
            "2026-05-08, 1, 2026-05-09",
            "2026-04-30, 3, 2026-05-08",
            // 端午 19–21 Jun off
            "2026-06-18, 1, 2026-06-22",
            // 中秋 25–27 Sep off, Sunday 20 Sep a make-up day
            "2026-09-18, 1, 2026-09-20",
            "2026-09-24, 1, 2026-09-28",
            // 国庆 1–7 Oct off, Saturday 10 Oct a make-up day
            "2026-09-30, 1, 2026-10-08",
            "2026-09-30, 3, 2026-10-10",
            "2026-09-30, 13, 2026-10-23"})
    void working_days_skip_every_2026_holiday_and_count_every_make_up_day(LocalDate start, int days, LocalDate due) {
        assertThat(Y2026.addWorkingDays(start, days)).isEqualTo(due);
        assertThat(Deadline.start(Stage.HANDLE, start.atTime(10, 0).atZone(Zones.CHINA).toInstant(), days, Y2026).dueDate())
                .isEqualTo(due);
    }

    /** 2027 has no arrangement loaded: its computed days off (元旦 1 Jan, 春节 5–8 Feb, 清明 5 Apr) still count. */
    @ParameterizedTest
    @CsvSource({
            "2026-12-31, 1, 2027-01-04, 2027-01-01",   // 元旦 2027 is a Friday
            "2026-12-30, 2, 2027-01-04, 2027-01-01",
            "2027-02-04, 1, 2027-02-09, 2027-02-05",   // 除夕 Fri 5 Feb to 初三 Mon 8 Feb
            "2027-01-29, 10, 2027-02-16, 2027-02-08",
            "2027-04-02, 1, 2027-04-06, 2027-04-05"})  // 清明 Monday 5 April
    void deadlines_across_the_2027_new_year_and_spring_festival_skip_the_computed_days_off(LocalDate start, int days,
                                                                                           LocalDate due, LocalDate skipped) {
        assertThat(Y2026.addWorkingDays(start, days)).isEqualTo(due);
        assertThat(Y2026.exception(skipped)).get().extracting(CalendarDay::provisional).isEqualTo(true);
    }

    @Test
    void the_deadline_is_the_end_of_the_due_day_and_the_warning_at_80_percent() {
        Deadline d = Deadline.start(Stage.HANDLE, at("2026-03-02T09:00"), 3, Y2026); // Monday → Thursday 5 Mar
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(d.dueAt()).isEqualTo(at("2026-03-06T00:00"));
        // 87 hours from Mon 09:00 to Fri 00:00; 80 % is 69.6 h → Thu 5 Mar 06:36
        assertThat(d.warnAt()).isEqualTo(at("2026-03-05T06:36"));
    }

    @Test
    void the_warning_counts_only_working_time_so_a_weekend_or_holiday_is_skipped() {
        // Friday 6 Mar 09:00, 1 working day: due Monday 9 Mar. Working time: Friday 15 h + Monday 24 h = 39 h;
        // 80 % is 31 h 12 min → Monday 16:12 (wall-clock time would have put it on Sunday 06:36)
        Deadline weekend = Deadline.start(Stage.HANDLE, at("2026-03-06T09:00"), 1, Y2026);
        assertThat(weekend.dueDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(weekend.warnAt()).isEqualTo(at("2026-03-09T16:12"));
        // Thursday 4 Feb 2027 10:00, 1 working day over the computed 春节 (5–8 Feb off): due Tuesday 9 Feb.
        // Thursday 14 h + Tuesday 24 h = 38 h; 80 % is 30 h 24 min → Tuesday 16:24 (not 初三, Monday 8 Feb)
        Deadline springFestival = Deadline.start(Stage.HANDLE, at("2027-02-04T10:00"), 1, Y2026);
        assertThat(springFestival.dueDate()).isEqualTo(LocalDate.of(2027, 2, 9));
        assertThat(springFestival.warnAt()).isEqualTo(at("2027-02-09T16:24"));
        // received on a day off: the clock's working time begins with the next working day
        Deadline onAHoliday = Deadline.start(Stage.HANDLE, at("2026-10-03T09:00"), 1, Y2026); // due Thursday 8 Oct
        assertThat(onAHoliday.dueDate()).isEqualTo(LocalDate.of(2026, 10, 8));
        // only 8 Oct counts: 24 h; 80 % is 19 h 12 min → Thursday 8 Oct 19:12
        assertThat(onAHoliday.warnAt()).isEqualTo(at("2026-10-08T19:12"));
    }

    /** Every 5 hours from mid-December 2026 to March 2027, every stage and span: 预警 is never on a day off. */
    @Test
    void the_warning_never_falls_on_a_day_off_across_the_2027_new_year_and_spring_festival() {
        int checked = 0;
        for (Instant start = at("2026-12-15T00:00"); start.isBefore(at("2027-03-01T00:00")); start = start.plusSeconds(5 * 3600)) {
            for (Stage stage : Stage.values()) {
                for (int span : new int[] {0, 1, 2, 3, 5, 13}) {
                    if (stage == Stage.VISIT && span == 0) {
                        continue;
                    }
                    Deadline d = Deadline.start(stage, start, span, Y2026);
                    for (Deadline each : List.of(d, d.extendedBy(3, Y2026), d.takeOver(start.plusSeconds(86_400), Y2026))) {
                        LocalDate warnDay = each.warnAt().atZone(Zones.CHINA).toLocalDate();
                        assertThat(Y2026.isWorkingDay(warnDay)).as("%s %s from %s: 预警 on %s", stage, span, start, warnDay).isTrue();
                        assertThat(each.warnAt()).isBefore(each.dueAt()).isAfterOrEqualTo(d.startedAt());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void recounted_on_the_official_arrangement_a_deadline_over_the_computed_spring_festival_moves() {
        // computed 2027: 春节 5–8 Feb; an official arrangement with 6–14 Feb off and Saturday 20 Feb a make-up day
        Deadline computed = Deadline.start(Stage.HANDLE, at("2027-02-04T10:00"), 3, Y2026);
        assertThat(computed.dueDate()).isEqualTo(LocalDate.of(2027, 2, 11));
        List<CalendarDay> official = new ArrayList<>(ReferenceCalendars.all().values().stream().flatMap(List::stream).toList());
        official.add(new CalendarDay(LocalDate.of(2027, 1, 1), false, "元旦"));
        for (int d = 6; d <= 14; d++) {
            official.add(new CalendarDay(LocalDate.of(2027, 2, d), false, "春节"));
        }
        official.add(new CalendarDay(LocalDate.of(2027, 2, 20), true, "春节调休上班"));
        WorkingCalendar arranged = WorkingCalendar.withComputedYears(official, Set.of(2025, 2026, 2027));
        // Friday 5 Feb, Monday 15, Tuesday 16 Feb
        Deadline recounted = computed.recountedOn(arranged);
        assertThat(recounted.dueDate()).isEqualTo(LocalDate.of(2027, 2, 16));
        assertThat(recounted.startedAt()).isEqualTo(computed.startedAt());
        assertThat(recounted.span()).isEqualTo(3);
        assertThat(arranged.isWorkingDay(recounted.warnAt().atZone(Zones.CHINA).toLocalDate())).isTrue();
        // the same calendar gives the same deadline; a clock taken over after its due date stays as it is
        assertThat(computed.recountedOn(Y2026)).isEqualTo(computed);
        Deadline late = computed.takeOver(at("2027-02-12T10:00"), Y2026);
        assertThat(late.recountedOn(arranged)).isEqualTo(late);
    }

    @Test
    void an_urgent_case_is_due_the_same_day() {
        Deadline d = Deadline.start(Stage.HANDLE, at("2026-03-02T09:00"), 0, Y2026);
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        Deadline onAHoliday = Deadline.start(Stage.HANDLE, at("2026-10-03T09:00"), 0, Y2026);
        assertThat(onAHoliday.dueDate()).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void the_visit_window_opens_the_day_after_the_reply_and_lasts_5_working_days() {
        // replied Wednesday 30 Sep: the window opens on 8 Oct (1–7 Oct off): 8, 9, 10 (make-up), 12, 13
        Deadline d = Deadline.start(Stage.VISIT, at("2026-09-30T16:00"), 5, Y2026);
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 10, 13));
    }

    @Test
    void urging_comes_the_next_working_day_and_reporting_after_5_working_days_overdue() {
        Deadline d = Deadline.start(Stage.HANDLE, at("2026-09-24T09:00"), 1, Y2026); // due Monday 28 Sep
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(d.urgeOn(Y2026)).isEqualTo(LocalDate.of(2026, 9, 29));
        // 29, 30 Sep, 8, 9, 10 Oct are the 5 working days overdue; reported on the 6th, 12 Oct
        assertThat(d.reportOn(Y2026)).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void a_pause_or_an_extension_moves_the_due_day_by_working_days() {
        Deadline d = Deadline.start(Stage.HANDLE, at("2026-09-21T09:00"), 3, Y2026); // due Thursday 24 Sep
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 9, 24));
        Deadline moved = d.extendedBy(2, Y2026); // 25–27 Sep off → 28, 29
        assertThat(moved.dueDate()).isEqualTo(LocalDate.of(2026, 9, 29));
        assertThat(moved.span()).isEqualTo(5);
        assertThat(Deadline.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10), Y2026)).isEqualTo(3);
        assertThat(d.extendedBy(0, Y2026)).isEqualTo(d);
    }

    @Test
    void the_default_policy_follows_the_hotline_practice() {
        DeadlinePolicy p = DeadlinePolicy.DEFAULT;
        assertThat(p.span(Stage.ASSIGN, CaseKind.COMPLAINT, false)).isEqualTo(1);
        assertThat(p.span(Stage.HANDLE, CaseKind.COMPLAINT, false)).isEqualTo(13);
        assertThat(p.span(Stage.HANDLE, CaseKind.SUGGESTION, false)).isEqualTo(13);
        assertThat(p.span(Stage.HANDLE, CaseKind.ENQUIRY, false)).isEqualTo(3);
        assertThat(p.span(Stage.HANDLE, CaseKind.HELP, false)).isEqualTo(3);
        assertThat(p.span(Stage.HANDLE, CaseKind.COMPLAINT, true)).isZero();
        assertThat(p.span(Stage.REPLY, CaseKind.HELP, false)).isEqualTo(2);
        assertThat(p.span(Stage.VISIT, CaseKind.HELP, false)).isEqualTo(5);
    }

    @Test
    void a_handling_clock_taken_over_keeps_its_due_date_and_warning_and_counts_the_days_left() {
        Deadline first = Deadline.start(Stage.HANDLE, at("2026-03-10T09:00"), 13, Y2026);
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 3, 27));
        // escalated on Monday 16 March, four working days in: nine are left (17–20, 23–27 March)
        Deadline taken = first.takeOver(at("2026-03-16T10:00"), Y2026);
        assertThat(taken.startedAt()).isEqualTo(at("2026-03-16T10:00"));
        assertThat(taken.span()).isEqualTo(9);
        assertThat(taken.dueDate()).isEqualTo(first.dueDate());
        assertThat(taken.dueAt()).isEqualTo(first.dueAt());
        assertThat(taken.warnAt()).isEqualTo(first.warnAt());
        // taken over after the due date: nothing is left, and it stays overdue
        assertThat(first.takeOver(at("2026-03-30T10:00"), Y2026).span()).isZero();
    }
}
