package cn.lianluo.cases.moderation.domain;

import cn.lianluo.common.problem.ProblemException;

import java.util.Arrays;
import java.util.List;

/**
 * What staff may decide in each state: approve what is pending, hide what is pending or approved, restore what is
 * hidden (back to approved: restoring is a decision to show it). Hiding and restoring need a reason, approving not.
 */
public final class ModerationRules {

    /** A decision's change of state. */
    public record Transition(ModerationState from, ModerationState to) {
    }

    private ModerationRules() {
    }

    /** The state after {@code decision}, or a 409 naming the decisions the state allows (a 422 when a reason is missing). */
    public static Transition decide(ModerationState from, ModerationDecision decision, String reason) {
        ModerationState to = target(from, decision);
        if (to == null) {
            throw ProblemException.conflict("moderation-not-allowed", "content that is " + from + " cannot be "
                    + decision.path() + "d; allowed: " + allowed(from).stream().map(ModerationDecision::path).toList());
        }
        if (needsReason(decision) && (reason == null || reason.isBlank())) {
            throw ProblemException.unprocessable("reason-required", "reason", "a decision to " + decision.path() + " gives its reason");
        }
        return new Transition(from, to);
    }

    public static boolean needsReason(ModerationDecision decision) {
        return decision == ModerationDecision.HIDE || decision == ModerationDecision.RESTORE;
    }

    /** The staff decisions a state allows. */
    public static List<ModerationDecision> allowed(ModerationState from) {
        return Arrays.stream(ModerationDecision.values()).filter(d -> target(from, d) != null).toList();
    }

    private static ModerationState target(ModerationState from, ModerationDecision decision) {
        return switch (decision) {
            case APPROVE -> from == ModerationState.PENDING ? ModerationState.APPROVED : null;
            case HIDE -> from == ModerationState.HIDDEN ? null : ModerationState.HIDDEN;
            case RESTORE -> from == ModerationState.HIDDEN ? ModerationState.APPROVED : null;
            case AUTO_APPROVE, HOLD -> null; // the platform's, on arrival only
        };
    }
}
