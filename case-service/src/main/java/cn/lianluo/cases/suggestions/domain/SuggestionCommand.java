package cn.lianluo.cases.suggestions.domain;

/** Every command of a suggestion's loop, with the event it publishes ({@code lianluo.case.suggestion-<event>.v1}). */
public enum SuggestionCommand {
    ASSIGN("交办", "assigned"),
    CO_ANSWER("协办单位答复", "co-answered"),
    ANSWER("主办单位答复", "answered"),
    RATE("代表评价", "rated"),
    REQUEST_EXTENSION("申请延期", "extension-requested"),
    APPROVE_EXTENSION("批准延期", "extension-approved"),
    SUPERVISE("督办", "supervised"),
    MARK_KEY("列为重点建议", "marked-key");

    private final String label;
    private final String event;

    SuggestionCommand(String label, String event) {
        this.label = label;
        this.event = event;
    }

    public String label() {
        return label;
    }

    /** The event's action; a rating that sends the suggestion back publishes {@link SuggestionLoop#event} instead. */
    public String event() {
        return event;
    }

    public String path() {
        return name().toLowerCase().replace('_', '-');
    }
}
