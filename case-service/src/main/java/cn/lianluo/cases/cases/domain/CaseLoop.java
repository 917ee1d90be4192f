package cn.lianluo.cases.cases.domain;

import cn.lianluo.cases.cases.domain.CaseContext.HandlingUnit;
import cn.lianluo.cases.cases.domain.CaseEffect.AnsweredOnTheSpot;
import cn.lianluo.cases.cases.domain.CaseEffect.AskExtension;
import cn.lianluo.cases.cases.domain.CaseEffect.AssignUnit;
import cn.lianluo.cases.cases.domain.CaseEffect.ClearClosure;
import cn.lianluo.cases.cases.domain.CaseEffect.ClearDuplicateFlag;
import cn.lianluo.cases.cases.domain.CaseEffect.CloseCase;
import cn.lianluo.cases.cases.domain.CaseEffect.DropExtension;
import cn.lianluo.cases.cases.domain.CaseEffect.GrantExtension;
import cn.lianluo.cases.cases.domain.CaseEffect.MeetOpenDeadline;
import cn.lianluo.cases.cases.domain.CaseEffect.MergeInto;
import cn.lianluo.cases.cases.domain.CaseEffect.RecordSatisfaction;
import cn.lianluo.cases.cases.domain.CaseEffect.RestartClock;
import cn.lianluo.cases.cases.domain.CaseEffect.StartStage;
import cn.lianluo.cases.cases.domain.CaseEffect.StartStageAfresh;
import cn.lianluo.cases.cases.domain.CaseEffect.StopClock;
import cn.lianluo.cases.cases.domain.CaseEffect.UnassignUnit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The 五环五时 case loop as a pure state machine (DESIGN §6). {@link #decide} either gives the {@link Transition} of a
 * (state, command) pair — next state, effects, event — or rejects it: a state names the commands it allows, a policy
 * names the rule a command breaks.
 */
public final class CaseLoop {

    /** How many reopenings a case gets before a supervisor decides instead. */
    public static final int REOPENINGS_BEFORE_SUPERVISOR = 2;
    /** The event of a visit or reopening after which a supervisor decides ({@link #REOPENINGS_BEFORE_SUPERVISOR}). */
    public static final String ESCALATED_TO_SUPERVISOR_EVENT = "escalated-to-supervisor";
    /** The timeline's action of a visit after which a supervisor decides. */
    public static final String ESCALATED_TO_SUPERVISOR_ACTION = "ESCALATED_TO_SUPERVISOR";

    private CaseLoop() {
    }

    /**
     * What the loop needs to know of a case. {@code possibleDuplicate}: flagged at intake as a possible duplicate of
     * an open case (重复件), until it is merged or unlinked.
     */
    public record State(CaseStatus status, boolean paused, boolean hasUnit, int reopenCount,
                        boolean extensionPending, boolean extensionUsed, boolean possibleDuplicate) {

        public State(CaseStatus status, boolean paused, boolean hasUnit, int reopenCount, boolean extensionPending,
                     boolean extensionUsed) {
            this(status, paused, hasUnit, reopenCount, extensionPending, extensionUsed, false);
        }

        public static State received() {
            return new State(CaseStatus.RECEIVED, false, false, 0, false, false);
        }

        State with(CaseStatus next) {
            return new State(next, paused, hasUnit, reopenCount, extensionPending, extensionUsed, possibleDuplicate);
        }

        State flagged(boolean flag) {
            return new State(status, paused, hasUnit, reopenCount, extensionPending, extensionUsed, flag);
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

    /** The states a duplicate is merged in: before its own handling has an answer to give. */
    private static final Set<CaseStatus> MERGEABLE = EnumSet.of(CaseStatus.RECEIVED, CaseStatus.ASSIGNED,
            CaseStatus.IN_PROGRESS);

    public static Set<CaseCommand> allowed(State s) {
        if (s.status() == CaseStatus.MERGED) {
            // the end of a duplicate: its answer is the case it was merged into
            return EnumSet.noneOf(CaseCommand.class);
        }
        EnumSet<CaseCommand> allowed = s.paused() ? EnumSet.of(CaseCommand.RESUME, CaseCommand.SUPERVISE) : unpaused(s);
        if (s.possibleDuplicate()) {
            // 重复件: a flagged case is merged (before its own handling has an answer) or unlinked
            if (!s.paused() && MERGEABLE.contains(s.status())) {
                allowed.add(CaseCommand.MERGE);
            }
            allowed.add(CaseCommand.UNLINK);
        }
        return allowed;
    }

    private static EnumSet<CaseCommand> unpaused(State s) {
        EnumSet<CaseCommand> allowed = switch (s.status()) {
            case RECEIVED -> EnumSet.of(CaseCommand.ANSWER, CaseCommand.ASSIGN, CaseCommand.SUPERVISE);
            case ASSIGNED -> EnumSet.of(CaseCommand.ACCEPT, CaseCommand.ESCALATE, CaseCommand.TRANSFER, CaseCommand.RETURN,
                    CaseCommand.PAUSE, CaseCommand.SUPERVISE);
            case IN_PROGRESS -> EnumSet.of(CaseCommand.COMPLETE, CaseCommand.ESCALATE, CaseCommand.TRANSFER,
                    CaseCommand.RETURN, CaseCommand.PAUSE, CaseCommand.SUPERVISE);
            case HANDLED -> EnumSet.of(CaseCommand.REPLY, CaseCommand.SUPERVISE);
            case REPLIED -> EnumSet.of(CaseCommand.VISIT, CaseCommand.CLOSE, CaseCommand.SUPERVISE);
            case SUPERVISOR_REVIEW -> EnumSet.of(CaseCommand.ASSIGN, CaseCommand.CLOSE, CaseCommand.SUPERVISE);
            case CLOSED -> EnumSet.of(CaseCommand.REOPEN);
            case MERGED -> EnumSet.noneOf(CaseCommand.class);
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
     * What {@code command} does to a case in state {@code s}: every rule of the loop in one place. In order: the
     * command's required fields (400), the state's allowed commands ({@link Rejected}), the rules that read the case's
     * facts ({@link ResponsibilityPolicy}, {@link ClassificationPolicy}, {@link EscalationPolicy}, {@link TransferPolicy}, {@link ReturnPolicy},
     * {@link ExtensionPolicy}, {@link DuplicatePolicy}), then the next state,
     * its effects, its event and its timeline line.
     */
    public static Transition decide(State s, CaseCommand command, CaseContext context) {
        CommandInput input = context.input();
        command.requireFields(input);
        if (command == CaseCommand.MERGE || command == CaseCommand.UNLINK) {
            DuplicatePolicy.requireFlagged(s, command);
        }
        State next = next(s, command, input.satisfaction());
        return switch (command) {
            case ANSWER -> transition(command, next, input, null,
                    new AnsweredOnTheSpot(), new MeetOpenDeadline(), new StartStage(Stage.VISIT));
            case ASSIGN -> {
                HandlingUnit unit = ResponsibilityPolicy.requireAnswersFor(context.unit(input.unitId()), context.region());
                ClassificationPolicy.requireReasonBelowLevel(context.categoryLevel(), unit, input);
                yield transition(command, next, input, unit.id(),
                        new AssignUnit(unit.id()), new MeetOpenDeadline(), new StartStage(Stage.HANDLE));
            }
            case ESCALATE -> {
                HandlingUnit from = context.currentUnit();
                HandlingUnit to = ResponsibilityPolicy.requireAnswersFor(context.unit(input.unitId()), context.region());
                EscalationPolicy.onlyUpwards(from, to);
                // the handling clock goes on (StartStage takes over what is left) unless a supervisor resets it
                CaseEffect handling = input.resetClock() ? new StartStageAfresh(Stage.HANDLE) : new StartStage(Stage.HANDLE);
                yield transition(command, next, input, to.id(), new AssignUnit(to.id()), new MeetOpenDeadline(), handling);
            }
            case TRANSFER -> {
                HandlingUnit from = context.currentUnit();
                HandlingUnit to = ResponsibilityPolicy.requireAnswersFor(context.unit(input.unitId()), context.region());
                TransferPolicy.sameLevel(from, to);
                // the open handling deadline stays as it is: the clock goes on
                yield transition(command, next, input, to.id(), new AssignUnit(to.id()));
            }
            case RETURN -> {
                ReturnPolicy.requireWithinWindow(context.assignedAt(), context.now(), context.calendar());
                // the handling stage ends here; the dispatcher's clock starts again, the unit's at the next assignment
                yield transition(command, next, input, null,
                        new UnassignUnit(), new MeetOpenDeadline(), new StartStage(Stage.ASSIGN));
            }
            case COMPLETE -> transition(command, next, input, null, new MeetOpenDeadline(), new StartStage(Stage.REPLY));
            case REPLY -> transition(command, next, input, null, new MeetOpenDeadline(), new StartStage(Stage.VISIT));
            case VISIT, REOPEN, CLOSE -> transition(command, next, input, null, ending(command, next, input));
            case PAUSE -> transition(command, next, input, null, new StopClock());
            case RESUME -> transition(command, next, input, null, new RestartClock());
            case REQUEST_EXTENSION -> transition(command, next, input, null, new AskExtension(ExtensionPolicy.requireAllowed(
                    context.openDeadline(), context.now(), input.days(), context.originalHandlingSpan())));
            case APPROVE_EXTENSION -> transition(command, next, input, null, new GrantExtension());
            case DENY_EXTENSION -> transition(command, next, input, null, new DropExtension());
            case MERGE -> {
                CaseContext.OtherCase into = DuplicatePolicy.requireOpenTarget(context.region(), context.caseId(),
                        context.otherCase(input.intoCaseId()));
                // the duplicate's clock stops here: its answer is the other case's, on that case's clock
                yield transition(command, next, input, null, new MeetOpenDeadline(), new MergeInto(into.id()));
            }
            case UNLINK -> transition(command, next, input, null, new ClearDuplicateFlag());
            case ACCEPT, SUPERVISE -> transition(command, next, input, null);
        };
    }

    /**
     * The state after {@code command}, or {@link Rejected}. {@code satisfaction} is read by VISIT only: satisfied or
     * basically satisfied closes the case, unsatisfied reopens it (or, after two reopenings, sends it to a supervisor).
     */
    public static State next(State s, CaseCommand command, Satisfaction satisfaction) {
        if (!allowed(s).contains(command)) {
            throw new Rejected(command, s);
        }
        // the flag of a possible duplicate stays until the case is merged or unlinked
        boolean flagged = s.possibleDuplicate() && command != CaseCommand.MERGE && command != CaseCommand.UNLINK;
        return unflagged(s, command, satisfaction).flagged(flagged);
    }

    private static State unflagged(State s, CaseCommand command, Satisfaction satisfaction) {
        return switch (command) {
            case ANSWER, REPLY -> s.with(CaseStatus.REPLIED);
            case ASSIGN, ESCALATE -> new State(CaseStatus.ASSIGNED, false, true, s.reopenCount(), false, s.extensionUsed());
            // the clock goes on, with an extension asked or granted for it
            case TRANSFER -> new State(CaseStatus.ASSIGNED, false, true, s.reopenCount(), s.extensionPending(), s.extensionUsed());
            // back to the dispatcher: the next unit gets a fresh clock, with its own extension
            case RETURN -> new State(CaseStatus.RECEIVED, false, false, s.reopenCount(), false, false);
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
            case SUPERVISE, UNLINK -> s;
            case MERGE -> new State(CaseStatus.MERGED, false, s.hasUnit(), s.reopenCount(), false, s.extensionUsed());
        };
    }

    /** 回访, 重新办理 and 办结归档 meet the open deadline and either close the case or start it again. */
    private static CaseEffect[] ending(CaseCommand command, State next, CommandInput input) {
        List<CaseEffect> effects = new ArrayList<>();
        effects.add(new MeetOpenDeadline());
        if (command == CaseCommand.VISIT) {
            effects.add(new RecordSatisfaction(input.satisfaction()));
        }
        if (next.status() == CaseStatus.CLOSED) {
            effects.add(new CloseCase());
        } else {
            effects.add(new ClearClosure());
            if (next.status() == CaseStatus.ASSIGNED) {
                effects.add(new StartStage(Stage.HANDLE));
            } else if (next.status() == CaseStatus.RECEIVED) {
                effects.add(new StartStage(Stage.ASSIGN));
            }
        }
        return effects.toArray(CaseEffect[]::new);
    }

    private static Transition transition(CaseCommand command, State next, CommandInput input, UUID unitId,
                                         CaseEffect... effects) {
        boolean toSupervisor = next.status() == CaseStatus.SUPERVISOR_REVIEW
                && (command == CaseCommand.VISIT || command == CaseCommand.REOPEN);
        String event = toSupervisor ? ESCALATED_TO_SUPERVISOR_EVENT : command.event();
        // the timeline names a visit that sends the case to a supervisor by what it did; a reopening keeps its name
        String action = toSupervisor && command == CaseCommand.VISIT ? ESCALATED_TO_SUPERVISOR_ACTION : command.name();
        return new Transition(next, List.of(effects), event,
                new Transition.TimelineEntry(action, input.timelineNote(), command.told(input), unitId));
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
