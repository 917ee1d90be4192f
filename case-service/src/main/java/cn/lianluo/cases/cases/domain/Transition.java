package cn.lianluo.cases.cases.domain;

import java.util.List;
import java.util.UUID;

/**
 * What a command does to a case: its next state, the effects to apply (in order), the event to publish
 * ({@code lianluo.case.<event>.v1}) and the line of the case's timeline.
 */
public record Transition(CaseLoop.State next, List<CaseEffect> effects, String event, TimelineEntry timeline) {

    public Transition {
        effects = List.copyOf(effects);
    }

    /**
     * A line of the timeline: the action's name, staff's note, what the citizen is told, the unit the case went to.
     */
    public record TimelineEntry(String action, String note, String told, UUID unitId) {
    }
}
