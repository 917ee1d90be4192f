package cn.lianluo.cases.livelihood.domain;

import cn.lianluo.cases.moderation.domain.ModerationState;
import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The livelihood project's lifecycle: each step's next status and event, and the steps a status refuses. */
class ProjectLoopTest {

    @Test
    void an_approved_proposal_is_shortlisted() {
        assertThat(ProjectLoop.propose()).isEqualTo(new ProjectLoop.Step(ProjectStatus.PROPOSED, "proposed"));
        assertThat(ProjectLoop.shortlist(ProjectStatus.PROPOSED, ModerationState.APPROVED))
                .isEqualTo(new ProjectLoop.Step(ProjectStatus.SHORTLISTED, "shortlisted"));
    }

    @Test
    void a_proposal_waiting_in_moderation_or_already_shortlisted_is_not() {
        assertThatThrownBy(() -> ProjectLoop.shortlist(ProjectStatus.PROPOSED, ModerationState.PENDING))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.kind()).isEqualTo("not-approved");
                    assertThat(p.getMessage()).startsWith("the proposal is PENDING in moderation");
                });
        assertThatThrownBy(() -> ProjectLoop.shortlist(ProjectStatus.SHORTLISTED, ModerationState.APPROVED))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.kind()).isEqualTo("illegal-transition");
                    assertThat(p.getMessage()).isEqualTo("the project is SHORTLISTED, not PROPOSED");
                });
    }

    @Test
    void a_vote_puts_the_project_to_the_vote_and_the_tally_decides_it() {
        assertThat(ProjectLoop.voteCast()).isEqualTo(new ProjectLoop.Step(ProjectStatus.VOTING, "vote-cast"));
        assertThat(ProjectLoop.tallied(VoteRules.Outcome.SELECTED)).isEqualTo(new ProjectLoop.Step(ProjectStatus.SELECTED, "selected"));
        assertThat(ProjectLoop.tallied(VoteRules.Outcome.REJECTED)).isEqualTo(new ProjectLoop.Step(ProjectStatus.REJECTED, "rejected"));
        assertThat(ProjectLoop.tallied(VoteRules.Outcome.TIED)).isEqualTo(new ProjectLoop.Step(ProjectStatus.TIED, "tied"));
    }

    @Test
    void progress_implements_a_selected_project_and_a_hundred_percent_completes_it() {
        assertThat(ProjectLoop.progress(ProjectStatus.SELECTED, 0, 40, null))
                .isEqualTo(new ProjectLoop.Step(ProjectStatus.IMPLEMENTING, "progressed"));
        assertThat(ProjectLoop.progress(ProjectStatus.IMPLEMENTING, 40, 100, null))
                .isEqualTo(new ProjectLoop.Step(ProjectStatus.COMPLETED, "completed"));
        assertThat(ProjectLoop.progress(ProjectStatus.IMPLEMENTING, 60, 50, "验收未通过").next())
                .isEqualTo(ProjectStatus.IMPLEMENTING);
    }

    @Test
    void progress_going_back_needs_a_reason_and_progress_needs_a_selected_project() {
        assertThatThrownBy(() -> ProjectLoop.progress(ProjectStatus.IMPLEMENTING, 60, 50, " "))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.kind()).isEqualTo("progress-backwards");
                });
        for (ProjectStatus status : ProjectStatus.values()) {
            if (!ProjectLoop.IMPLEMENTABLE.contains(status)) {
                assertThatThrownBy(() -> ProjectLoop.progress(status, 0, 10, null))
                        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo("not-implementing"));
            }
        }
    }

    @Test
    void deputies_supervise_from_selection_until_evaluation_and_the_status_stays() {
        for (ProjectStatus status : ProjectStatus.values()) {
            if (ProjectLoop.SUPERVISABLE.contains(status)) {
                assertThat(ProjectLoop.supervise(status)).isEqualTo(new ProjectLoop.Step(status, "supervised"));
            } else {
                assertThatThrownBy(() -> ProjectLoop.supervise(status))
                        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo("not-implementing"));
            }
        }
        assertThat(ProjectLoop.SUPERVISABLE).doesNotContain(ProjectStatus.EVALUATED, ProjectStatus.PROPOSED);
    }

    @Test
    void a_completed_project_is_evaluated_again_and_again_and_no_other() {
        assertThat(ProjectLoop.evaluate(ProjectStatus.COMPLETED, EvaluationSource.CITIZEN))
                .isEqualTo(new ProjectLoop.Step(ProjectStatus.EVALUATED, "evaluated"));
        assertThat(ProjectLoop.evaluate(ProjectStatus.COMPLETED, EvaluationSource.DEPUTY).next()).isEqualTo(ProjectStatus.EVALUATED);
        assertThat(ProjectLoop.evaluate(ProjectStatus.EVALUATED, EvaluationSource.CITIZEN).next()).isEqualTo(ProjectStatus.EVALUATED);
        assertThatThrownBy(() -> ProjectLoop.evaluate(ProjectStatus.IMPLEMENTING, EvaluationSource.DEPUTY))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.kind()).isEqualTo("not-completed");
                    assertThat(p.getMessage()).isEqualTo("a project is evaluated once it is completed; this one is IMPLEMENTING");
                });
    }

    @Test
    void the_units_self_evaluation_does_not_count_as_the_citizens() {
        assertThat(ProjectLoop.evaluate(ProjectStatus.COMPLETED, EvaluationSource.UNIT))
                .isEqualTo(new ProjectLoop.Step(ProjectStatus.COMPLETED, "self-evaluated"));
        assertThat(ProjectLoop.evaluate(ProjectStatus.EVALUATED, EvaluationSource.UNIT).next()).isEqualTo(ProjectStatus.EVALUATED);
        assertThatThrownBy(() -> ProjectLoop.evaluate(ProjectStatus.SELECTED, EvaluationSource.UNIT)).isInstanceOf(ProblemException.class);
    }

    @Test
    void spending_and_milestones_are_kept_from_selection_until_evaluation_and_leave_the_status() {
        for (ProjectStatus status : ProjectStatus.values()) {
            if (ProjectLoop.SUPERVISABLE.contains(status)) {
                assertThat(ProjectLoop.recordSpending(status)).isEqualTo(new ProjectLoop.Step(status, "spending-recorded"));
                assertThat(ProjectLoop.reachMilestone(status, false)).isEqualTo(new ProjectLoop.Step(status, "milestone-reached"));
            } else {
                assertThatThrownBy(() -> ProjectLoop.recordSpending(status))
                        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo("not-implementing"));
                assertThatThrownBy(() -> ProjectLoop.reachMilestone(status, false))
                        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo("not-implementing"));
            }
        }
    }

    @Test
    void a_milestone_is_reached_once() {
        assertThatThrownBy(() -> ProjectLoop.reachMilestone(ProjectStatus.IMPLEMENTING, true))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.kind()).isEqualTo("milestone-already-done");
                });
    }

    @Test
    void spending_beyond_the_budget_is_flagged_not_refused() {
        assertThat(new ProjectBudget(100_000L, 60_000L)).satisfies(b -> {
            assertThat(b.remainingFen()).isEqualTo(40_000L);
            assertThat(b.overBudget()).isFalse();
        });
        assertThat(new ProjectBudget(100_000L, 100_000L).overBudget()).isFalse();
        assertThat(new ProjectBudget(100_000L, 100_001L)).satisfies(b -> {
            assertThat(b.remainingFen()).isEqualTo(-1L);
            assertThat(b.overBudget()).isTrue();
        });
        assertThat(new ProjectBudget(null, 5_000L)).satisfies(b -> {
            assertThat(b.remainingFen()).isNull();
            assertThat(b.overBudget()).isFalse();
        });
    }
}
