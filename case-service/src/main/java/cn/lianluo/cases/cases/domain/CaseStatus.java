package cn.lianluo.cases.cases.domain;

/** Where a case stands in the 五环五时 loop. */
public enum CaseStatus {
    RECEIVED("已受理"),
    ASSIGNED("已交办"),
    IN_PROGRESS("办理中"),
    HANDLED("已办结"),
    REPLIED("已答复"),
    /** Reopened twice and unsatisfied again: a supervisor decides instead of another loop. */
    SUPERVISOR_REVIEW("转人大督办"),
    CLOSED("已办结归档"),
    /** A duplicate (重复件) merged into another case: that case's answer is its answer; nothing more is done to it. */
    MERGED("已合并办理");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
