package cn.lianluo.cases.cases.domain;

import java.util.function.Function;

/** A field of a command's input, named as the API spells it. */
public enum CommandField {
    CONTENT("content", CommandInput::content),
    UNIT_ID("unitId", CommandInput::unitId),
    NOTE("note", CommandInput::note),
    RESULT("result", CommandInput::result),
    SATISFACTION("satisfaction", CommandInput::satisfaction),
    REASON("reason", CommandInput::reason),
    DAYS("days", CommandInput::days),
    INTO_CASE_ID("intoCaseId", CommandInput::intoCaseId);

    private final String json;
    private final Function<CommandInput, Object> value;

    CommandField(String json, Function<CommandInput, Object> value) {
        this.json = json;
        this.value = value;
    }

    public String json() {
        return json;
    }

    /** Absent, or text that is only blanks. */
    public boolean missingIn(CommandInput input) {
        Object v = value.apply(input);
        return v == null || v instanceof String s && blank(s);
    }

    /** The field's text, stripped. */
    public String text(CommandInput input) {
        return ((String) value.apply(input)).strip();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
