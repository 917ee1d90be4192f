package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.cases.cases.domain.Satisfaction;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The event each suggestion command publishes. */
class SuggestionEventsTest {

    private static final SuggestionLoop.State ANSWERED = new SuggestionLoop.State(SuggestionStatus.ANSWERED, false, false);

    @Test
    void a_satisfied_rating_is_rated_and_an_unsatisfied_one_reopens() {
        SuggestionLoop.State closed = SuggestionLoop.next(ANSWERED, SuggestionCommand.RATE, Satisfaction.SATISFIED);
        assertThat(SuggestionLoop.event(SuggestionCommand.RATE, closed)).isEqualTo("rated");
        SuggestionLoop.State back = SuggestionLoop.next(ANSWERED, SuggestionCommand.RATE, Satisfaction.UNSATISFIED);
        assertThat(SuggestionLoop.event(SuggestionCommand.RATE, back)).isEqualTo("reopened");
    }

    @Test
    void every_other_command_publishes_its_own_event() {
        SuggestionLoop.State assigned = new SuggestionLoop.State(SuggestionStatus.ASSIGNED, false, false);
        assertThat(SuggestionLoop.event(SuggestionCommand.CO_ANSWER, assigned)).isEqualTo("co-answered");
        assertThat(SuggestionLoop.event(SuggestionCommand.MARK_KEY, assigned)).isEqualTo("marked-key");
        assertThat(Arrays.stream(SuggestionCommand.values()).map(SuggestionCommand::event).distinct())
                .hasSize(SuggestionCommand.values().length)
                .allSatisfy(e -> assertThat(e).matches("[a-z]+(-[a-z]+)*"));
    }
}
