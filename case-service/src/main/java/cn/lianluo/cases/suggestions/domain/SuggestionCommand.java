package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.common.problem.ProblemException;

import java.util.List;
import java.util.Optional;

import static cn.lianluo.cases.suggestions.domain.SuggestionField.CONTENT;
import static cn.lianluo.cases.suggestions.domain.SuggestionField.GRADE;
import static cn.lianluo.cases.suggestions.domain.SuggestionField.LEAD_UNIT_ID;
import static cn.lianluo.cases.suggestions.domain.SuggestionField.MONTHS;
import static cn.lianluo.cases.suggestions.domain.SuggestionField.NOTE;
import static cn.lianluo.cases.suggestions.domain.SuggestionField.SATISFACTION;

/**
 * Every command of a suggestion's loop, with the event it publishes ({@code lianluo.case.suggestion-<event>.v1}) and
 * the fields it requires, checked in this order.
 */
public enum SuggestionCommand {
    ASSIGN("交办", "assigned", LEAD_UNIT_ID),
    CO_ANSWER("协办单位答复", "co-answered", CONTENT),
    ANSWER("主办单位答复", "answered", GRADE, CONTENT),
    RATE("代表评价", "rated", SATISFACTION),
    REQUEST_EXTENSION("申请延期", "extension-requested", MONTHS),
    APPROVE_EXTENSION("批准延期", "extension-approved"),
    SUPERVISE("督办", "supervised", NOTE),
    MARK_KEY("列为重点建议", "marked-key");

    private final String label;
    private final String event;
    private final List<SuggestionField> required;

    SuggestionCommand(String label, String event, SuggestionField... required) {
        this.label = label;
        this.event = event;
        this.required = List.of(required);
    }

    public String label() {
        return label;
    }

    /** The event's action; a rating that sends the suggestion back publishes {@link SuggestionLoop#event} instead. */
    public String event() {
        return event;
    }

    public List<SuggestionField> required() {
        return required;
    }

    public String path() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The first required field the input lacks. */
    public Optional<SuggestionField> missingIn(SuggestionInput input) {
        return required.stream().filter(f -> f.missingIn(input)).findFirst();
    }

    /** A command without a field it requires is invalid input (400). */
    public void requireFields(SuggestionInput input) {
        missingIn(input).ifPresent(f -> {
            throw ProblemException.invalid(f.json(), f.whenMissing());
        });
    }
}
