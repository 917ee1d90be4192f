package cn.lianluo.cases.suggestions.service;

import cn.lianluo.cases.suggestions.persistence.SuggestionEntity;
import cn.lianluo.cases.suggestions.persistence.SuggestionLinks;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.region.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes suggestion events ({@code lianluo.case.suggestion-<action>.v1}) to the outbox, in the transaction of the change. */
@ApplicationScoped
public class SuggestionPublisher {

    private final EntityManager em;
    private final SuggestionLinks links;
    private final Outbox outbox;

    public SuggestionPublisher(EntityManager em, SuggestionLinks links, Outbox outbox) {
        this.em = em;
        this.links = links;
        this.outbox = outbox;
    }

    public void publish(SuggestionEntity s, String action, String role, Instant at) {
        publish(s, action, role, at, null);
    }

    /** @param coSigner the deputy who confirmed co-signing, on {@code co-signed} */
    public void publish(SuggestionEntity s, String action, String role, Instant at, UUID coSigner) {
        String type = "suggestion-" + action;
        em.flush();
        List<UUID> coUnits = links.unitIds(s.id).stream().filter(u -> !u.equals(s.leadUnitId)).toList();
        outbox.add(CaseEvents.type(type), s.id.toString(), RegionCode.of(s.regionCode),
                new CaseEvents.SuggestionData(s.id, type, role, at, s.status, s.regionCode, s.leadDeputyId,
                        s.coDeputyIds, links.caseIds(s.id), s.leadUnitId, coUnits, s.keySuggestion, s.grade, s.rating, s.replyDue,
                        s.coAnswerDue, s.answeredOnTime, s.reopenCount, coSigner));
    }
}
