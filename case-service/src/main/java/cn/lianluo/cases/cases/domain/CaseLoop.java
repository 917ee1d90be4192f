package cn.lianluo.cases.cases.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The 五环五时 case loop as a pure state machine (DESIGN §6). {@link #decide} either gives the next state of a
 * (state, command) pair or rejects it naming the commands that state allows.
 */
public final class CaseLoop {

    /** How many reopenings a case gets before a supervisor decides instead. */
    public static final int REOPENINGS_BEFORE_SUPERVISOR = 2;

    private CaseLoop() {
    }

    /** What the loop needs to know of a case. */
    public record State(CaseStatus status, boolean paused, boolean hasUnit, int reopenCount,
                        boolean extensionPending, boolean extensionUsed) {

        public static State received() {
            return new State(CaseStatus.RECEIVED, false, false, 0, false, false);
        }

        State with(CaseStatus next) {
            return new State(next, paused, hasUnit, reopenCount, extensionPending, extensionUsed);
        }
    }

    /** A command the state does not allow. */
    public static final class Rejected extends RuntimeException {
        private final CaseCommand command;
        private final CaseStatus status;
        private final Set<CaseCommand> allowed;

        Rejected(CaseCommand command, State state) {
            super(command + " is not allowed when the case is " + state.status() + (state.paused() ? " (paused)" : "")
                    + "; allowed: " + CaseLoop.allowed(state));
            this.command = command;
            this.status = state.status();
            this.allowed = CaseLoop.allowed(state);
        }

        public CaseCommand command() {
            return command;
        }

        public CaseStatus status() {
            return status;
        }

        public Set<CaseCommand> allowed() {
            return allowed;
        }
    }

    public static Set<CaseCommand> allowed(State s) {
        if (s.paused()) {
            return EnumSet.of(CaseCommand.RESUME, CaseCommand.SUPERVISE);
        }
        EnumSet<CaseCommand> allowed = switch (s.status()) {
            case RECEIVED -> EnumSet.of(CaseCommand.ANSWER, CaseCommand.ASSIGN, CaseCommand.SUPERVISE);
            case ASSIGNED -> EnumSet.of(CaseCommand.ACCEPT, CaseCommand.ESCALATE, CaseCommand.PAUSE, CaseCommand.SUPERVISE);
            case IN_PROGRESS -> EnumSet.of(CaseCommand.COMPLETE, CaseCommand.ESCALATE, CaseCommand.PAUSE, CaseCommand.SUPERVISE);
            case HANDLED -> EnumSet.of(CaseCommand.REPLY, CaseCommand.SUPERVISE);
            case REPLIED -> EnumSet.of(CaseCommand.VISIT, CaseCommand.CLOSE, CaseCommand.SUPERVISE);
            case SUPERVISOR_REVIEW -> EnumSet.of(CaseCommand.ASSIGN, CaseCommand.CLOSE, CaseCommand.SUPERVISE);
            case CLOSED -> EnumSet.of(CaseCommand.REOPEN);
        };
        if (s.status() == CaseStatus.ASSIGNED || s.status() == CaseStatus.IN_PROGRESS) {
            if (s.extensionPending()) {
                allowed.add(CaseCommand.APPROVE_EXTENSION);
                allowed.add(CaseCommand.DENY_EXTENSION);
            } else if (!s.extensionUsed()) {
                allowed.add(CaseCommand.REQUEST_EXTENSION);
            }
        }
        return allowed;
    }

    /**
     * The state after {@code command}. {@code satisfaction} is read by VISIT only: satisfied or basically
     * satisfied closes the case, unsatisfied reopens it (or, after two reopenings, sends it to a supervisor).
     */
    public static State decide(State s, CaseCommand command, Satisfaction satisfaction) {
        if (!allowed(s).contains(command)) {
            throw new Rejected(command, s);
        }
        return switch (command) {
            case ANSWER, REPLY -> s.with(CaseStatus.REPLIED);
            case ASSIGN, ESCALATE -> new State(CaseStatus.ASSIGNED, false, true, s.reopenCount(), false, s.extensionUsed());
            case ACCEPT -> s.with(CaseStatus.IN_PROGRESS);
            case COMPLETE -> new State(CaseStatus.HANDLED, false, s.hasUnit(), s.reopenCount(), false, s.extensionUsed());
            case VISIT -> {
                if (satisfaction == null) {
                    throw new IllegalArgumentException("a visit records the citizen's satisfaction");
                }
                yield satisfaction.closes() ? s.with(CaseStatus.CLOSED) : reopened(s);
            }
            case REOPEN -> reopened(s);
            case CLOSE -> s.with(CaseStatus.CLOSED);
            case PAUSE -> new State(s.status(), true, s.hasUnit(), s.reopenCount(), s.extensionPending(), s.extensionUsed());
            case RESUME -> new State(s.status(), false, s.hasUnit(), s.reopenCount(), s.extensionPending(), s.extensionUsed());
            case REQUEST_EXTENSION -> new State(s.status(), false, s.hasUnit(), s.reopenCount(), true, false);
            case APPROVE_EXTENSION -> new State(s.status(), false, s.hasUnit(), s.reopenCount(), false, true);
            case DENY_EXTENSION -> new State(s.status(), false, s.hasUnit(), s.reopenCount(), false, s.extensionUsed());
            case SUPERVISE -> s;
        };
    }

    private static State reopened(State s) {
        if (s.reopenCount() >= REOPENINGS_BEFORE_SUPERVISOR) {
            return new State(CaseStatus.SUPERVISOR_REVIEW, false, s.hasUnit(), s.reopenCount(), false, s.extensionUsed());
        }
        // a case answered on the spot has no unit yet: it goes back to be assigned
        CaseStatus next = s.hasUnit() ? CaseStatus.ASSIGNED : CaseStatus.RECEIVED;
        return new State(next, false, s.hasUnit(), s.reopenCount() + 1, false, false);
    }
}
