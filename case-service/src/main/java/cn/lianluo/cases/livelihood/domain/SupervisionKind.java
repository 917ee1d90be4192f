package cn.lianluo.cases.livelihood.domain;

/** 三督: what a deputy's supervision of a livelihood project looks at. */
public enum SupervisionKind {
    PROGRESS("督进度"),
    QUALITY("督质量"),
    FUNDS("督资金");

    private final String label;

    SupervisionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
