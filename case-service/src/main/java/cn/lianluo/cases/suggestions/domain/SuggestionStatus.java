package cn.lianluo.cases.suggestions.domain;

public enum SuggestionStatus {
    SUBMITTED("已提出"),
    ASSIGNED("已交办"),
    ANSWERED("已答复"),
    CLOSED("已办结");

    private final String label;

    SuggestionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
