package cn.lianluo.cases.suggestions.domain;

import java.util.function.Function;

/** A field of a suggestion command's input, named as the API spells it, with what a caller is told who leaves it out. */
public enum SuggestionField {
    LEAD_UNIT_ID("leadUnitId", "required", SuggestionInput::leadUnitId),
    CONTENT("content", "required", SuggestionInput::content),
    GRADE("grade", "an answer is graded A, B, C or D", SuggestionInput::grade),
    SATISFACTION("satisfaction", "a rating names the deputy's satisfaction", SuggestionInput::satisfaction),
    MONTHS("months", "1 to 3 months", SuggestionInput::months),
    NOTE("note", "required", SuggestionInput::note);

    private final String json;
    private final String whenMissing;
    private final Function<SuggestionInput, Object> value;

    SuggestionField(String json, String whenMissing, Function<SuggestionInput, Object> value) {
        this.json = json;
        this.whenMissing = whenMissing;
        this.value = value;
    }

    public String json() {
        return json;
    }

    public String whenMissing() {
        return whenMissing;
    }

    /** Absent, or text that is only blanks. */
    public boolean missingIn(SuggestionInput input) {
        Object v = value.apply(input);
        return v == null || v instanceof String s && s.isBlank();
    }
}
