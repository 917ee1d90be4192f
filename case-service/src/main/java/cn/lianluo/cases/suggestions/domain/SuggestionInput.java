package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.cases.cases.domain.Satisfaction;

import java.util.List;
import java.util.UUID;

/** What a suggestion command carries besides its name; the fields a command does not read are null. */
public record SuggestionInput(UUID leadUnitId, List<UUID> coUnitIds, String content, Grade grade,
                              Satisfaction satisfaction, Integer months, String note) {

    public static SuggestionInput empty() {
        return new SuggestionInput(null, null, null, null, null, null, null);
    }

    /** The co-handling units named, each once, without the lead unit. */
    public List<UUID> otherCoUnitIds() {
        return coUnitIds == null ? List.of() : coUnitIds.stream().distinct().filter(u -> !u.equals(leadUnitId)).toList();
    }

    /** The text's stripped content (a command that requires it has it). */
    public String answer() {
        return content.strip();
    }

    /** The timeline's note: the note, else the content, if either says something. */
    public String timelineNote() {
        for (String v : new String[] {note, content}) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
