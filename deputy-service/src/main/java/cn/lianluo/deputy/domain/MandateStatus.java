package cn.lianluo.deputy.domain;

/** Where a mandate stands. Only an ACTIVE mandate makes an active deputy. */
public enum MandateStatus {
    ACTIVE("在任"),
    TERM_ENDED("任期届满"),
    RESIGNED("辞去代表职务"),
    REMOVED("被罢免");

    private final String label;

    MandateStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
