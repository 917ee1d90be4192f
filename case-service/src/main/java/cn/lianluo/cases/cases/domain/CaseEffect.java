package cn.lianluo.cases.cases.domain;

import java.util.UUID;

/**
 * What a transition does to the case besides its new state, in the order it is to be done. The service applies them
 * to the stored case and its stage deadlines; "the open deadline" is the one open before the command.
 */
public sealed interface CaseEffect {

    /** The deputy answered on the spot (当场答复): no unit handles the case. */
    record AnsweredOnTheSpot() implements CaseEffect {
    }

    /** The case goes to this unit (交办, 上交 to a higher level, or 转办 to one of the same level), from now. */
    record AssignUnit(UUID unitId) implements CaseEffect {
    }

    /** 退回: no unit handles the case; it waits to be assigned again. */
    record UnassignUnit() implements CaseEffect {
    }

    /** The open stage deadline is met now (and no longer paused). */
    record MeetOpenDeadline() implements CaseEffect {
    }

    /**
     * A new stage starts now, its time limit by the region's deadline policy; except a handling stage that takes over
     * an open handling stage (上交 while the handling clock runs): it keeps that stage's due date, so the new unit has
     * the working time that was left ({@link Deadline#takeOver}), not a fresh limit.
     */
    record StartStage(Stage stage) implements CaseEffect {
    }

    /** A new stage starts now with the full time limit of the region's policy, whatever was open (a supervisor's reset). */
    record StartStageAfresh(Stage stage) implements CaseEffect {
    }

    /** The 回访's satisfaction, kept on the case. */
    record RecordSatisfaction(Satisfaction satisfaction) implements CaseEffect {
    }

    /** The case is closed now: on time if every stage was met by its deadline; working days from receipt. */
    record CloseCase() implements CaseEffect {
    }

    /** The case is not closed (any more): no closing time, no on-time verdict. */
    record ClearClosure() implements CaseEffect {
    }

    /** 挂起: the clock of the open deadline stops. */
    record StopClock() implements CaseEffect {
    }

    /** 恢复: the open deadline moves by the working days the clock stood still. */
    record RestartClock() implements CaseEffect {
    }

    /** 申请延期 of so many working days, waiting for a decision. */
    record AskExtension(int days) implements CaseEffect {
    }

    /** 批准延期: the open deadline moves by the working days asked. */
    record GrantExtension() implements CaseEffect {
    }

    /** 驳回延期: the days asked are dropped. */
    record DropExtension() implements CaseEffect {
    }

    /** 合并办理: the case is a duplicate of this one, whose answer is its answer; the duplicate flag has done its work. */
    record MergeInto(UUID caseId) implements CaseEffect {
    }

    /** 取消重复标记: the case is no duplicate of the one flagged at intake. */
    record ClearDuplicateFlag() implements CaseEffect {
    }
}
