package cn.lianluo.cases.moderation.domain;

/** Where a piece of public content stands: only APPROVED content is shown to the public. */
public enum ModerationState {
    PENDING("待审核"),
    APPROVED("已通过"),
    HIDDEN("已隐藏");

    private final String label;

    ModerationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
