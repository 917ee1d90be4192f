package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fields each suggestion command requires, as the API spells them. */
class SuggestionCommandTest {

    @Test
    void each_command_names_the_fields_it_requires_in_order() {
        assertThat(SuggestionCommand.ASSIGN.required()).containsExactly(SuggestionField.LEAD_UNIT_ID);
        assertThat(SuggestionCommand.ANSWER.required()).containsExactly(SuggestionField.GRADE, SuggestionField.CONTENT);
        assertThat(SuggestionCommand.CO_ANSWER.required()).containsExactly(SuggestionField.CONTENT);
        assertThat(SuggestionCommand.RATE.required()).containsExactly(SuggestionField.SATISFACTION);
        assertThat(SuggestionCommand.REQUEST_EXTENSION.required()).containsExactly(SuggestionField.MONTHS);
        assertThat(SuggestionCommand.SUPERVISE.required()).containsExactly(SuggestionField.NOTE);
        assertThat(SuggestionCommand.APPROVE_EXTENSION.required()).isEmpty();
        assertThat(SuggestionCommand.MARK_KEY.required()).isEmpty();
    }

    @Test
    void blank_text_is_missing_and_the_first_missing_field_is_named() {
        SuggestionInput blank = new SuggestionInput(null, null, "  ", null, null, null, null);
        assertThat(SuggestionCommand.ANSWER.missingIn(blank)).contains(SuggestionField.GRADE);
        assertThat(SuggestionCommand.ANSWER.missingIn(TestSuggestion.answer("  ", Grade.C))).contains(SuggestionField.CONTENT);
        assertThatThrownBy(() -> SuggestionCommand.CO_ANSWER.requireFields(blank))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors().get(0).field()).isEqualTo("content");
                });
        assertThatCode(() -> SuggestionCommand.MARK_KEY.requireFields(SuggestionInput.empty())).doesNotThrowAnyException();
    }
}
