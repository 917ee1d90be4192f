package cn.lianluo.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VoteScheduleTest {

    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    static Instant hours(long h) {
        return NOW.plus(Duration.ofHours(h));
    }

    @Test
    void a_vote_of_three_days_is_announced_when_it_opens_and_recalled_a_day_before_it_closes() {
        VoteSchedule vote = new VoteSchedule(hours(2), hours(74));
        assertThat(vote.closed(NOW)).isFalse();
        assertThat(vote.openedDue(NOW)).isEqualTo(hours(2));
        assertThat(vote.closingDue(NOW)).contains(hours(50));
    }

    @Test
    void a_vote_already_open_is_announced_now_and_one_closing_within_a_day_is_recalled_now() {
        VoteSchedule vote = new VoteSchedule(hours(-48), hours(2));
        assertThat(vote.openedDue(NOW)).isEqualTo(NOW);
        assertThat(vote.closingDue(NOW)).contains(NOW);
    }

    @Test
    void a_vote_shorter_than_a_day_has_no_closing_reminder() {
        assertThat(new VoteSchedule(hours(1), hours(13)).closingDue(NOW)).isEmpty();
        assertThat(new VoteSchedule(hours(-1), hours(12)).closingDue(NOW)).isEmpty();
        // exactly a day: the reminder would fall on the opening, beside the announcement
        assertThat(new VoteSchedule(hours(1), hours(25)).closingDue(NOW)).isEmpty();
        assertThat(new VoteSchedule(hours(1), hours(25).plusSeconds(1)).closingDue(NOW)).contains(hours(1).plusSeconds(1));
    }

    @Test
    void a_vote_without_its_close_has_no_reminder_and_one_without_its_opening_is_announced_now() {
        assertThat(new VoteSchedule(hours(1), null).closingDue(NOW)).isEmpty();
        assertThat(new VoteSchedule(hours(1), null).closed(NOW)).isFalse();
        VoteSchedule noOpening = new VoteSchedule(null, hours(10));
        assertThat(noOpening.openedDue(NOW)).isEqualTo(NOW);
        assertThat(noOpening.closingDue(NOW)).contains(NOW);
    }

    @Test
    void a_vote_is_closed_from_its_close_on() {
        assertThat(new VoteSchedule(hours(-48), NOW).closed(NOW)).isTrue();
        assertThat(new VoteSchedule(hours(-48), hours(-1)).closed(NOW)).isTrue();
        assertThat(new VoteSchedule(hours(-48), NOW.plusSeconds(1)).closed(NOW)).isFalse();
    }
}
