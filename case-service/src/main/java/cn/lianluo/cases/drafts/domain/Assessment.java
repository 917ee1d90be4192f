package cn.lianluo.cases.drafts.domain;

/** What became of a comment on a draft law when the station compiled the comments and forwarded them. */
public enum Assessment {
    ADOPTED("采纳"),
    PARTLY_ADOPTED("部分采纳"),
    NOT_ADOPTED("未采纳");

    private final String label;

    Assessment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
