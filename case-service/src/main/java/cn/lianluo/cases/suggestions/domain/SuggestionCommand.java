package cn.lianluo.cases.suggestions.domain;

public enum SuggestionCommand {
    ASSIGN("交办"),
    CO_ANSWER("协办单位答复"),
    ANSWER("主办单位答复"),
    RATE("代表评价"),
    REQUEST_EXTENSION("申请延期"),
    APPROVE_EXTENSION("批准延期"),
    SUPERVISE("督办"),
    MARK_KEY("列为重点建议");

    private final String label;

    SuggestionCommand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String path() {
        return name().toLowerCase().replace('_', '-');
    }
}
