package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuggestionExtensionPolicyTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 30);

    @Test
    void an_extension_may_be_asked_up_to_the_due_day() {
        assertThat(SuggestionExtensionPolicy.requireAllowed(DUE, DUE, 3)).isEqualTo(3);
        assertThat(SuggestionExtensionPolicy.requireAllowed(DUE, DUE.minusMonths(2), 1)).isEqualTo(1);
    }

    @Test
    void an_extension_asked_after_the_due_day_is_too_late() {
        assertThatThrownBy(() -> SuggestionExtensionPolicy.requireAllowed(DUE, DUE.plusDays(1), 1))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.kind()).isEqualTo("extension-too-late");
                    assertThat(p.errors()).extracting(FieldError::field).containsExactly("months");
                });
    }

    @Test
    void an_extension_is_one_to_three_months() {
        assertThatThrownBy(() -> SuggestionExtensionPolicy.requireAllowed(DUE, DUE, 4))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThatThrownBy(() -> SuggestionExtensionPolicy.requireAllowed(DUE, DUE, 0))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThat(SuggestionExtensionPolicy.extended(DUE, 3, DUE)).isEqualTo(LocalDate.of(2026, 9, 30));
    }
}
