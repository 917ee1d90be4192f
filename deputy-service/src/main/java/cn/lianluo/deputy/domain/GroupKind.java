package cn.lianluo.deputy.domain;

/** Kinds of deputy group. */
public enum GroupKind {
    /** 代表小组 of a region. */
    REGION_GROUP("代表小组"),
    /** 特色小组 with a theme (e.g. 法治护企, 护绿, 护安). */
    THEME_GROUP("特色小组"),
    /** 代表+专家 team: deputies and experts who are not deputies. */
    EXPERT_TEAM("代表+专家团队");

    private final String label;

    GroupKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
