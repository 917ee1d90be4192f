package cn.lianluo.cases.livelihood.domain;

import cn.lianluo.cases.livelihood.domain.VoteRules.Count;
import cn.lianluo.cases.livelihood.domain.VoteRules.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoteRulesTest {

    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();
    final UUID d = UUID.randomUUID();

    @Test
    void the_quorum_is_two_thirds_of_the_deputies_rounded_up() {
        assertThat(VoteRules.of(1).quorum(30)).isEqualTo(20);
        assertThat(VoteRules.of(1).quorum(31)).isEqualTo(21);
        assertThat(VoteRules.of(1).quorum(1)).isEqualTo(1);
        assertThatThrownBy(() -> VoteRules.of(2).tally(30, 19, List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("19 of 30");
    }

    @Test
    void a_project_needs_the_votes_of_a_majority_of_all_deputies_not_of_those_who_voted() {
        assertThat(VoteRules.majority(30)).isEqualTo(16);
        assertThat(VoteRules.majority(31)).isEqualTo(16);
        // 21 of 30 voted; 15 for is a majority of the voters but not of all 30
        var tally = VoteRules.of(2).tally(30, 21, List.of(new Count(a, 15, 3, 3), new Count(b, 16, 4, 1)));
        assertThat(tally.outcomes()).containsEntry(a, Outcome.REJECTED).containsEntry(b, Outcome.SELECTED);
    }

    @Test
    void at_most_the_places_pass_the_most_votes_first() {
        var tally = VoteRules.of(2).tally(30, 30, List.of(new Count(a, 20, 5, 5), new Count(b, 25, 3, 2),
                new Count(c, 18, 10, 2), new Count(d, 5, 20, 5)));
        assertThat(tally.outcomes()).containsEntry(b, Outcome.SELECTED).containsEntry(a, Outcome.SELECTED)
                .containsEntry(c, Outcome.REJECTED).containsEntry(d, Outcome.REJECTED);
    }

    @Test
    void candidates_tied_across_the_last_place_are_voted_again_and_a_tie_above_it_passes() {
        var acrossCut = VoteRules.of(2).tally(30, 30, List.of(new Count(a, 25, 5, 0), new Count(b, 20, 5, 5),
                new Count(c, 20, 8, 2)));
        assertThat(acrossCut.outcomes()).containsEntry(a, Outcome.SELECTED).containsEntry(b, Outcome.TIED)
                .containsEntry(c, Outcome.TIED);
        var aboveCut = VoteRules.of(2).tally(30, 30, List.of(new Count(a, 22, 5, 3), new Count(b, 22, 8, 0),
                new Count(c, 17, 8, 5)));
        assertThat(aboveCut.outcomes()).containsEntry(a, Outcome.SELECTED).containsEntry(b, Outcome.SELECTED)
                .containsEntry(c, Outcome.REJECTED);
    }

    @Test
    void a_shortlist_is_contested_only_with_more_candidates_than_places() {
        assertThat(VoteRules.of(3).contested(4)).isTrue();
        assertThat(VoteRules.of(3).contested(3)).isFalse();
        assertThatThrownBy(() -> VoteRules.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_vote_is_counted_once_it_closes_or_earlier_when_no_vote_is_left_to_cast() {
        java.time.Instant closes = java.time.Instant.parse("2026-06-30T10:00:00Z");
        java.time.Instant before = closes.minusSeconds(1);
        // 12 deputies, 3 projects: 36 votes in all
        assertThat(VoteRules.mayTally(before, closes, 12, 3, 27)).isFalse();
        assertThat(VoteRules.mayTally(before, closes, 12, 3, 35)).isFalse();
        assertThat(VoteRules.mayTally(before, closes, 12, 3, 36)).isTrue();
        assertThat(VoteRules.mayTally(closes, closes, 12, 3, 0)).isTrue();
        assertThat(VoteRules.mayTally(closes.plusSeconds(3600), closes, 12, 3, 9)).isTrue();
    }
}
