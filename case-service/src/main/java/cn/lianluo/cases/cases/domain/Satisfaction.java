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
}
