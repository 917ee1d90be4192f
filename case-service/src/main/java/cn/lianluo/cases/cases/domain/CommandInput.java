package cn.lianluo.cases.cases.domain;

import java.util.UUID;

/**
 * What a command carries besides its name; the fields a command does not read are null. {@code resetClock} is read by
 * ESCALATE only: the new unit gets the full handling time limit instead of what was left. {@code intoCaseId} is read
 * by MERGE only: the open case the duplicate is merged into.
 */
public record CommandInput(String content, UUID unitId, String note, String result, Satisfaction satisfaction,
                           String reason, Integer days, boolean resetClock, UUID intoCaseId) {

    public CommandInput(String content, UUID unitId, String note, String result, Satisfaction satisfaction,
                        String reason, Integer days, boolean resetClock) {
        this(content, unitId, note, result, satisfaction, reason, days, resetClock, null);
    }

    public CommandInput(String content, UUID unitId, String note, String result, Satisfaction satisfaction,
                        String reason, Integer days) {
        this(content, unitId, note, result, satisfaction, reason, days, false);
    }

    public static CommandInput empty() {
        return new CommandInput(null, null, null, null, null, null, null);
    }

    /** The timeline's note: the first of note, content, result and reason that says something. */
    public String timelineNote() {
        for (String v : new String[] {note, content, result, reason}) {
            if (!CommandField.blank(v)) {
                return v.strip();
            }
        }
        return null;
    }
}
