package cn.lianluo.cases.livelihood.domain;

import cn.lianluo.cases.moderation.domain.ModerationState;
import cn.lianluo.common.problem.ProblemException;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a livelihood project (民生实事项目票决制) as pure rules: each step either gives the project's next
 * status and the event to publish ({@code lianluo.case.project-<event>.v1}) or refuses, naming why (409, or 422 for
 * progress going back without a reason). Who may take a step, and the vote's session, are the service's.
 */
public final class ProjectLoop {

    /** Where a project may report progress (政府解题). */
    public static final Set<ProjectStatus> IMPLEMENTABLE = EnumSet.of(ProjectStatus.SELECTED, ProjectStatus.IMPLEMENTING);
    /** Where deputies supervise (全过程监督): from selection on, until it is evaluated. */
    public static final Set<ProjectStatus> SUPERVISABLE = EnumSet.of(ProjectStatus.SELECTED, ProjectStatus.IMPLEMENTING,
            ProjectStatus.COMPLETED);
    /** Where citizens and deputies evaluate (群众评效果). */
    public static final Set<ProjectStatus> EVALUABLE = EnumSet.of(ProjectStatus.COMPLETED, ProjectStatus.EVALUATED);

    private ProjectLoop() {
    }

    /** A step's outcome: the project's next status and its event's action ({@code project-} is added on publishing). */
    public record Step(ProjectStatus next, String event) {
    }

    /** 群众点题. */
    public static Step propose() {
        return new Step(ProjectStatus.PROPOSED, "proposed");
    }

    /** Only a proposal that moderation approved goes to the vote. */
    public static Step shortlist(ProjectStatus status, ModerationState moderation) {
        if (status != ProjectStatus.PROPOSED) {
            throw ProblemException.conflict("illegal-transition", "the project is " + status + ", not " + ProjectStatus.PROPOSED);
        }
        if (moderation != ModerationState.APPROVED) {
            throw ProblemException.conflict("not-approved", "the proposal is " + moderation
                    + " in moderation: only an approved proposal goes to the vote");
        }
        return new Step(ProjectStatus.SHORTLISTED, "shortlisted");
    }

    /** 代表选题: a vote cast (whether the vote is open is the session's rule, checked before). */
    public static Step voteCast() {
        return new Step(ProjectStatus.VOTING, "vote-cast");
    }

    /** The tally's outcome for one candidate. */
    public static Step tallied(VoteRules.Outcome outcome) {
        ProjectStatus next = switch (outcome) {
            case SELECTED -> ProjectStatus.SELECTED;
            case REJECTED -> ProjectStatus.REJECTED;
            case TIED -> ProjectStatus.TIED;
        };
        return new Step(next, outcome.name().toLowerCase());
    }

    /** 政府解题: progress of a selected project; backwards only with a reason; 100 % completes it. */
    public static Step progress(ProjectStatus status, int from, int to, String reason) {
        if (!IMPLEMENTABLE.contains(status)) {
            throw ProblemException.conflict("not-implementing", "progress is reported on a selected project; this one is " + status);
        }
        if (to < from && (reason == null || reason.isBlank())) {
            throw ProblemException.unprocessable("progress-backwards", "reason",
                    "progress goes from " + from + " % back to " + to + " %: give the reason");
        }
        return to == 100 ? new Step(ProjectStatus.COMPLETED, "completed") : new Step(ProjectStatus.IMPLEMENTING, "progressed");
    }

    /** 全过程监督: recorded on a project from its selection on; its status stays. */
    public static Step supervise(ProjectStatus status) {
        if (!SUPERVISABLE.contains(status)) {
            throw ProblemException.conflict("not-implementing", "deputies supervise selected projects; this one is " + status);
        }
        return new Step(status, "supervised");
    }

    /**
     * 三评: once the project is completed. Citizens' and deputies' evaluations make it 群众已评效果; the unit's own
     * self-evaluation (部门自评) leaves its status as it is and is an event of its own.
     */
    public static Step evaluate(ProjectStatus status, EvaluationSource source) {
        if (!EVALUABLE.contains(status)) {
            throw ProblemException.conflict("not-completed", "a project is evaluated once it is completed; this one is " + status);
        }
        return source == EvaluationSource.UNIT ? new Step(status, "self-evaluated") : new Step(ProjectStatus.EVALUATED, "evaluated");
    }

    /**
     * 政府解题's plan and its record: the responsible unit, the budget, milestones and spending are set from selection
     * on, until the project is evaluated (a last payment may follow completion); the status stays.
     */
    public static void requireCarriedOut(ProjectStatus status) {
        if (!SUPERVISABLE.contains(status)) {
            throw ProblemException.conflict("not-implementing", "a project's unit, budget, milestones and spending are kept "
                    + "from its selection on; this one is " + status);
        }
    }

    /** A spending record (支出) on a project being carried out; its status stays. */
    public static Step recordSpending(ProjectStatus status) {
        requireCarriedOut(status);
        return new Step(status, "spending-recorded");
    }

    /** A milestone (节点) reached, once; its status stays. */
    public static Step reachMilestone(ProjectStatus status, boolean alreadyDone) {
        requireCarriedOut(status);
        if (alreadyDone) {
            throw ProblemException.conflict("milestone-already-done", "this milestone was marked done already");
        }
        return new Step(status, "milestone-reached");
    }
}
