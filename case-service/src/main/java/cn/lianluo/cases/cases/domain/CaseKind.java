package cn.lianluo.cases.cases.domain;

/** What a citizen asks; it sets the handling time limit (after the 12345-hotline practice). */
public enum CaseKind {
    COMPLAINT("投诉"),
    SUGGESTION("建议"),
    ENQUIRY("咨询"),
    HELP("求助");

    private final String label;

    CaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
