package cn.lianluo.cases.suggestions.domain;

import java.util.List;

/**
 * What a command does to a suggestion: its next state, the effects to apply (in order), the event to publish
 * ({@code lianluo.case.suggestion-<event>.v1}) and the line of its timeline.
 */
public record SuggestionTransition(SuggestionLoop.State next, List<SuggestionEffect> effects, String event,
                                   TimelineEntry timeline) {

    public SuggestionTransition {
        effects = List.copyOf(effects);
    }

    /** A line of the timeline: the action's name and its note. */
    public record TimelineEntry(String action, String note) {
    }
}
