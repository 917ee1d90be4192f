package cn.lianluo.cases.cases.domain;

/** Every command of the case loop; each is recorded in the case's timeline with actor, time and note. */
public enum CaseCommand {
    ANSWER("当场答复"),
    ASSIGN("交办"),
    ACCEPT("签收"),
    ESCALATE("按职责层级上交"),
    COMPLETE("办理完成"),
    REPLY("答复"),
    VISIT("回访"),
    REOPEN("重新办理"),
    PAUSE("挂起"),
    RESUME("恢复办理"),
    REQUEST_EXTENSION("申请延期"),
    APPROVE_EXTENSION("批准延期"),
    DENY_EXTENSION("驳回延期"),
    SUPERVISE("督办"),
    CLOSE("办结归档");

    private final String label;

    CaseCommand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The path segment of {@code POST /cases/{id}/{command}}: {@code request-extension}. */
    public String path() {
        return name().toLowerCase().replace('_', '-');
    }
}
