package cn.lianluo.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentReminderTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** 2026-12-10 09:30 China time. */
    private static final AppointmentReminder MEETING = new AppointmentReminder(Instant.parse("2026-12-10T01:30:00Z"));

    @Test
    void a_booking_days_ahead_is_reminded_at_six_in_the_evening_china_time_the_day_before() {
        assertThat(MEETING.due(Instant.parse("2026-12-03T02:00:00Z"), CHINA)).contains(Instant.parse("2026-12-09T10:00:00Z"));
    }

    @Test
    void a_booking_made_after_that_hour_is_reminded_at_once() {
        Instant lateEvening = Instant.parse("2026-12-09T13:00:00Z"); // 21:00 the day before
        assertThat(MEETING.due(lateEvening, CHINA)).contains(lateEvening);
        Instant sameMorning = Instant.parse("2026-12-10T00:10:00Z"); // 08:10 the same day
        assertThat(MEETING.due(sameMorning, CHINA)).contains(sameMorning);
    }

    @Test
    void a_meeting_that_has_begun_gets_no_reminder() {
        assertThat(MEETING.due(Instant.parse("2026-12-10T01:30:00Z"), CHINA)).isEmpty();
        assertThat(MEETING.due(Instant.parse("2026-12-11T00:00:00Z"), CHINA)).isEmpty();
        assertThat(new AppointmentReminder(null).due(Instant.parse("2026-12-03T02:00:00Z"), CHINA)).isEmpty();
    }

    @Test
    void the_day_before_is_the_china_day_before_not_the_utc_one() {
        // 2026-12-10 07:00 China time is still 2026-12-09 in UTC: the reminder is on the 9th China time all the same
        AppointmentReminder early = new AppointmentReminder(Instant.parse("2026-12-09T23:00:00Z"));
        assertThat(early.due(Instant.parse("2026-12-01T00:00:00Z"), CHINA)).contains(Instant.parse("2026-12-09T10:00:00Z"));
    }
}
