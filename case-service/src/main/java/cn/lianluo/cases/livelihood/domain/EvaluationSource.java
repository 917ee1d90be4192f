package cn.lianluo.cases.livelihood.domain;

/** 三评: whose evaluation of a completed livelihood project it is. */
public enum EvaluationSource {
    CITIZEN("群众评"),
    DEPUTY("代表评"),
    UNIT("部门自评");

    private final String label;

    EvaluationSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
