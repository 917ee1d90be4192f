package cn.lianluo.cases.cases.domain;

/** The timed stages of 五环五时: 交办及时, 办理限时, 答复定时, 回访适时. */
public enum Stage {
    ASSIGN("交办"),
    HANDLE("办理"),
    REPLY("答复"),
    VISIT("回访");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
