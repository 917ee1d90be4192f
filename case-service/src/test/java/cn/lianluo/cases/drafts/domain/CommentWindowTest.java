package cn.lianluo.cases.drafts.domain;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommentWindowTest {

    static final CommentWindow DECEMBER = new CommentWindow(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));

    @Test
    void both_the_opening_and_the_closing_day_take_comments() {
        assertThat(DECEMBER.isOpen(LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(DECEMBER.isOpen(LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(DECEMBER.isOpen(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(DECEMBER.isOpen(LocalDate.of(2027, 1, 1))).isFalse();
        assertThatCode(() -> DECEMBER.requireOpen(LocalDate.of(2026, 12, 31))).doesNotThrowAnyException();
    }

    @Test
    void a_comment_before_or_after_the_window_is_a_conflict_naming_which() {
        assertThatThrownBy(() -> DECEMBER.requireOpen(LocalDate.of(2026, 11, 30))).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).kind()).isEqualTo("draft-not-open"))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(409));
        assertThatThrownBy(() -> DECEMBER.requireOpen(LocalDate.of(2027, 1, 1)))
                .satisfies(e -> assertThat(((ProblemException) e).kind()).isEqualTo("draft-closed"));
    }

    @Test
    void a_window_that_closes_before_it_opens_is_refused() {
        assertThatThrownBy(() -> new CommentWindow(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1)))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400));
    }
}
