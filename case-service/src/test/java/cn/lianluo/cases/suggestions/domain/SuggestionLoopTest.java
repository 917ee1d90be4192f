package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.suggestions.domain.SuggestionLoop.State;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuggestionLoopTest {

    static State at(SuggestionStatus s) {
        return new State(s, false, false);
    }

    @Test
    void every_state_and_command_is_a_transition_or_a_rejection() {
        for (SuggestionStatus status : SuggestionStatus.values()) {
            for (SuggestionCommand command : SuggestionCommand.values()) {
                State s = at(status);
                if (SuggestionLoop.allowed(s).contains(command)) {
                    assertThat(SuggestionLoop.next(s, command, Satisfaction.SATISFIED)).isNotNull();
                } else {
                    assertThatThrownBy(() -> SuggestionLoop.next(s, command, Satisfaction.SATISFIED))
                            .isInstanceOf(SuggestionLoop.Rejected.class).hasMessageContaining("allowed");
                }
            }
        }
        assertThat(SuggestionLoop.allowed(at(SuggestionStatus.CLOSED))).isEmpty();
    }

    @Test
    void a_suggestion_is_assigned_answered_and_closed_by_a_satisfied_deputy_or_sent_back() {
        State assigned = SuggestionLoop.next(at(SuggestionStatus.SUBMITTED), SuggestionCommand.ASSIGN, null);
        State coAnswered = SuggestionLoop.next(assigned, SuggestionCommand.CO_ANSWER, null);
        assertThat(coAnswered.status()).isEqualTo(SuggestionStatus.ASSIGNED);
        State answered = SuggestionLoop.next(coAnswered, SuggestionCommand.ANSWER, null);
        assertThat(SuggestionLoop.next(answered, SuggestionCommand.RATE, Satisfaction.SATISFIED).status())
                .isEqualTo(SuggestionStatus.CLOSED);
        assertThat(SuggestionLoop.next(answered, SuggestionCommand.RATE, Satisfaction.UNSATISFIED).status())
                .isEqualTo(SuggestionStatus.ASSIGNED);
    }

    @Test
    void one_extension_only() {
        State asked = SuggestionLoop.next(at(SuggestionStatus.ASSIGNED), SuggestionCommand.REQUEST_EXTENSION, null);
        State approved = SuggestionLoop.next(asked, SuggestionCommand.APPROVE_EXTENSION, null);
        assertThat(SuggestionLoop.allowed(approved)).doesNotContain(SuggestionCommand.REQUEST_EXTENSION);
    }

    @Test
    void replies_are_due_in_3_months_co_answers_in_1_and_an_extension_adds_at_most_3_asked_in_time() {
        LocalDate assigned = LocalDate.of(2026, 3, 31);
        assertThat(SuggestionLoop.replyDue(assigned)).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(SuggestionLoop.coAnswerDue(assigned)).isEqualTo(LocalDate.of(2026, 4, 30));
        LocalDate due = SuggestionLoop.replyDue(assigned);
        assertThat(SuggestionExtensionPolicy.extended(due, 3, LocalDate.of(2026, 6, 1))).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThatThrownBy(() -> SuggestionExtensionPolicy.extended(due, 4, LocalDate.of(2026, 6, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SuggestionExtensionPolicy.extended(due, 1, LocalDate.of(2026, 7, 1))).isInstanceOf(IllegalStateException.class);
    }
}
