package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.persistence.CaseActionEntity;
import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Writes the lines of a case's timeline (履职留痕): who did what, when, with the status it left the case in. */
@ApplicationScoped
public class CaseTimeline {

    private final CaseRepositories.Actions actions;

    public CaseTimeline(CaseRepositories.Actions actions) {
        this.actions = actions;
    }

    /**
     * @param note    staff's note
     * @param content what the citizen is told
     * @param unitId  the unit the case went to
     */
    public void record(CaseEntity c, String action, CaseActor actor, Instant at, String note, String content, UUID unitId) {
        CaseActionEntity a = new CaseActionEntity();
        a.id = UUID.randomUUID();
        a.caseId = c.id;
        a.action = action;
        a.actorRole = actor.role();
        a.actor = actor.username();
        a.actorSubject = actor.subject();
        a.actorName = actor.displayName();
        a.actorUnitId = actor.unitId();
        a.at = at;
        a.note = note;
        a.content = content;
        a.unitId = unitId;
        a.status = c.status;
        actions.persist(a);
    }
}
