package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;

import java.util.List;
import java.util.Optional;

import static cn.lianluo.cases.cases.domain.CommandField.CONTENT;
import static cn.lianluo.cases.cases.domain.CommandField.DAYS;
import static cn.lianluo.cases.cases.domain.CommandField.INTO_CASE_ID;
import static cn.lianluo.cases.cases.domain.CommandField.NOTE;
import static cn.lianluo.cases.cases.domain.CommandField.REASON;
import static cn.lianluo.cases.cases.domain.CommandField.RESULT;
import static cn.lianluo.cases.cases.domain.CommandField.SATISFACTION;
import static cn.lianluo.cases.cases.domain.CommandField.UNIT_ID;

/**
 * Every command of the case loop; each is recorded in the case's timeline with actor, time and note. A command names
 * its event ({@code lianluo.case.<event>.v1}), the field whose text the citizen is told (null: none) and the fields it
 * requires, checked in this order.
 */
public enum CaseCommand {
    ANSWER("当场答复", "answered", CONTENT, CONTENT),
    ASSIGN("交办", "assigned", null, UNIT_ID),
    ACCEPT("签收", "accepted", null),
    ESCALATE("按职责层级上交", "escalated", null, UNIT_ID, NOTE),
    TRANSFER("转办", "transferred", null, UNIT_ID, REASON),
    RETURN("退回", "returned", null, REASON),
    COMPLETE("办理完成", "handled", RESULT, RESULT),
    REPLY("答复", "replied", CONTENT, CONTENT),
    VISIT("回访", "visited", null, SATISFACTION),
    REOPEN("重新办理", "reopened", null, REASON),
    PAUSE("挂起", "paused", null, REASON),
    RESUME("恢复办理", "resumed", null),
    REQUEST_EXTENSION("申请延期", "extension-requested", null, DAYS, REASON),
    APPROVE_EXTENSION("批准延期", "extension-approved", null),
    DENY_EXTENSION("驳回延期", "extension-denied", null),
    SUPERVISE("督办", "supervised", null, NOTE),
    CLOSE("办结归档", "closed", null, NOTE),
    /** 重复件: the case ends merged into an open case of the same matter, whose answer its citizen is shown. */
    MERGE("合并办理", "merged", null, INTO_CASE_ID),
    /** Not a duplicate after all: the flag set at intake ({@code possibleDuplicateOf}) is cleared. */
    UNLINK("取消重复标记", "unlinked", null);

    private final String label;
    private final String event;
    private final CommandField told;
    private final List<CommandField> required;

    CaseCommand(String label, String event, CommandField told, CommandField... required) {
        this.label = label;
        this.event = event;
        this.told = told;
        this.required = List.of(required);
    }

    public String label() {
        return label;
    }

    /** The event's action: {@code extension-requested} for {@code lianluo.case.extension-requested.v1}. */
    public String event() {
        return event;
    }

    public List<CommandField> required() {
        return required;
    }

    /** The path segment of {@code POST /cases/{id}/{command}}: {@code request-extension}. */
    public String path() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The first required field the input lacks. */
    public Optional<CommandField> missingIn(CommandInput input) {
        return required.stream().filter(f -> f.missingIn(input)).findFirst();
    }

    /** A command without a field it requires is invalid input (400), whatever the case's state. */
    public void requireFields(CommandInput input) {
        missingIn(input).ifPresent(f -> {
            throw ProblemException.invalid(f.json(), "required for " + path());
        });
    }

    /** What the citizen is told by this command (the answer, the reply, the result), kept apart from staff's note. */
    public String told(CommandInput input) {
        return told == null ? null : told.text(input);
    }
}
