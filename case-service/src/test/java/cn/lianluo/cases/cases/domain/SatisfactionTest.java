package cn.lianluo.cases.cases.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule the visited event's {@code satisfied} carries: closed by 满意 or 基本满意. */
class SatisfactionTest {

    @Test
    void a_case_stands_closed_satisfied_only_when_closed_by_a_satisfied_or_basically_satisfied_rating() {
        assertThat(Satisfaction.closedSatisfied(CaseStatus.CLOSED, Satisfaction.SATISFIED)).isTrue();
        assertThat(Satisfaction.closedSatisfied(CaseStatus.CLOSED, Satisfaction.BASICALLY_SATISFIED)).isTrue();
        assertThat(Satisfaction.closedSatisfied(CaseStatus.CLOSED, Satisfaction.UNSATISFIED)).isFalse();
        assertThat(Satisfaction.closedSatisfied(CaseStatus.CLOSED, null)).as("closed without a rating").isFalse();
        for (CaseStatus open : CaseStatus.values()) {
            if (open != CaseStatus.CLOSED) {
                assertThat(Satisfaction.closedSatisfied(open, Satisfaction.SATISFIED)).as(open.name()).isFalse();
            }
        }
    }

    @Test
    void the_satisfactions_that_close_a_visited_case_are_those_that_leave_it_closed_satisfied() {
        CaseLoop.State replied = new CaseLoop.State(CaseStatus.REPLIED, false, true, 0, false, false);
        for (Satisfaction s : Satisfaction.values()) {
            CaseStatus after = CaseLoop.next(replied, CaseCommand.VISIT, s).status();
            assertThat(Satisfaction.closedSatisfied(after, s)).as(s.name()).isEqualTo(s.closes());
        }
    }
}
