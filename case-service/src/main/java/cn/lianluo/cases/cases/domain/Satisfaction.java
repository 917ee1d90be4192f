package cn.lianluo.cases.cases.domain;

/** 满意度 of a return visit or a citizen's rating. */
public enum Satisfaction {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    UNSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean closes() {
        return this != UNSATISFIED;
    }

    /**
     * Whether a case stands closed satisfied (满意 or 基本满意 closed it): what a {@code visited} event tells its
     * consumers in {@code satisfied}, so none of them reads it again from the satisfaction and the status.
     */
    public static boolean closedSatisfied(CaseStatus status, Satisfaction satisfaction) {
        return status == CaseStatus.CLOSED && satisfaction != null && satisfaction.closes();
    }
}
