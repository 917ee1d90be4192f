package cn.lianluo.cases.suggestions.service;

import cn.lianluo.cases.suggestions.domain.SuggestionEffect;
import cn.lianluo.cases.suggestions.domain.SuggestionLoop;
import cn.lianluo.cases.suggestions.domain.SuggestionTransition;
import cn.lianluo.cases.suggestions.persistence.SuggestionEntity;
import cn.lianluo.cases.suggestions.persistence.SuggestionLinks;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Applies a transition to the stored suggestion: its effects on the suggestion and its units' rows, then its next state. */
@ApplicationScoped
public class SuggestionEffects {

    private final SuggestionLinks links;

    public SuggestionEffects(SuggestionLinks links) {
        this.links = links;
    }

    public void apply(SuggestionEntity s, SuggestionTransition transition, Instant now) {
        for (SuggestionEffect effect : transition.effects()) {
            apply(s, effect, now);
        }
        SuggestionLoop.State next = transition.next();
        s.status = next.status().name();
        s.extensionPending = next.extensionPending();
        s.extensionUsed = next.extensionUsed();
    }

    // Java 17 has no pattern switch: one branch per effect record, and an effect without one fails loudly
    private void apply(SuggestionEntity s, SuggestionEffect effect, Instant now) {
        if (effect instanceof SuggestionEffect.AssignUnits e) {
            s.leadUnitId = e.leadUnitId();
            links.addUnit(s.id, e.leadUnitId());
            for (UUID co : e.coUnitIds()) {
                links.addUnit(s.id, co);
            }
            s.assignedOn = e.assignedOn();
            s.replyDue = e.replyDue();
            s.coAnswerDue = e.coAnswerDue();
        } else if (effect instanceof SuggestionEffect.RecordCoAnswer e) {
            links.answer(s.id, e.unitId(), e.answer(), e.on());
        } else if (effect instanceof SuggestionEffect.RecordAnswer e) {
            s.answer = e.answer();
            s.grade = e.grade().name();
            s.answeredOn = e.on();
            s.answeredOnTime = e.onTime();
            links.answer(s.id, s.leadUnitId, e.answer(), e.on());
        } else if (effect instanceof SuggestionEffect.RecordRating e) {
            s.rating = e.satisfaction().name();
        } else if (effect instanceof SuggestionEffect.CloseSuggestion) {
            s.closedAt = now;
        } else if (effect instanceof SuggestionEffect.SendBack e) {
            s.reopenCount++;
            s.answer = null;
            s.grade = null;
            s.answeredOn = null;
            s.replyDue = e.replyDue();
        } else if (effect instanceof SuggestionEffect.AskExtension e) {
            s.extensionMonths = e.months();
        } else if (effect instanceof SuggestionEffect.ExtendReply e) {
            s.replyDue = e.replyDue();
        } else if (effect instanceof SuggestionEffect.MarkKey) {
            s.keySuggestion = true;
        } else {
            throw new IllegalStateException("no application of " + effect);
        }
    }
}
