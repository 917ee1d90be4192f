package cn.lianluo.cases.livelihood.domain;

/** A deputy's vote on a shortlisted project (代表选题). */
public enum VoteChoice {
    FOR("赞成"),
    AGAINST("反对"),
    ABSTAIN("弃权");

    private final String label;

    VoteChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
