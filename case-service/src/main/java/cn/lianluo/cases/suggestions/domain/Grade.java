package cn.lianluo.cases.suggestions.domain;

/** How a unit's answer to a deputy's suggestion is graded. */
public enum Grade {
    A("已解决或采纳"),
    B("正在解决或列入计划解决"),
    C("因条件限制待以后解决"),
    D("留作参考并作说明");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
