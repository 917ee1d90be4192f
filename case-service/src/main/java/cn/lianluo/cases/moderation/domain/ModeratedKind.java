package cn.lianluo.cases.moderation.domain;

/**
 * What public content is moderated: a livelihood project proposed by a citizen (群众点题), an evaluation's comment
 * (群众评效果), a comment on a draft law (立法意见征集).
 */
public enum ModeratedKind {
    PROJECT("民生实事项目"),
    EVALUATION("项目评价"),
    DRAFT_COMMENT("立法意见");

    private final String label;

    ModeratedKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
