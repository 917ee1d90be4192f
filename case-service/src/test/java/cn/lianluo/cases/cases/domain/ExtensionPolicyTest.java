package cn.lianluo.cases.cases.domain;

import cn.lianluo.cases.cases.domain.CaseContext.OpenDeadline;
import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static cn.lianluo.cases.cases.domain.TestCase.NOW;
import static cn.lianluo.cases.cases.domain.TestCase.handlingDueIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtensionPolicyTest {

    @Test
    void an_extension_up_to_the_original_limit_is_asked_before_the_deadline() {
        assertThat(ExtensionPolicy.requireAllowed(Optional.of(handlingDueIn(1)), NOW, 15, 15)).isEqualTo(15);
    }

    @Test
    void one_day_may_be_asked_even_of_a_limit_of_none() {
        assertThat(ExtensionPolicy.longest(0)).isEqualTo(1);
        assertThat(ExtensionPolicy.requireAllowed(Optional.of(handlingDueIn(1)), NOW, 1, 0)).isEqualTo(1);
    }

    @Test
    void longer_than_the_original_limit_is_refused() {
        assertThatThrownBy(() -> ExtensionPolicy.requireAllowed(Optional.of(handlingDueIn(1)), NOW, 16, 15))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.getMessage()).isEqualTo("days: an extension is at most the original time limit (15 working days)");
                });
    }

    @Test
    void at_or_after_the_deadline_is_too_late() {
        assertThatThrownBy(() -> ExtensionPolicy.requireAllowed(Optional.of(handlingDueIn(0)), NOW, 1, 15))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.kind()).isEqualTo("extension-too-late");
                    assertThat(p.getMessage()).contains("(2026-03-10)");
                });
    }

    @Test
    void only_the_handling_deadline_is_extended() {
        OpenDeadline reply = new OpenDeadline(Stage.REPLY, handlingDueIn(3).dueDate(), handlingDueIn(3).dueAt());
        for (Optional<OpenDeadline> open : java.util.List.of(Optional.<OpenDeadline>empty(), Optional.of(reply))) {
            assertThatThrownBy(() -> ExtensionPolicy.requireAllowed(open, NOW, 1, 15))
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.status()).isEqualTo(409);
                        assertThat(p.kind()).isEqualTo("no-handling-deadline");
                    });
        }
    }
}
