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

    /**
     * The line on the case a duplicate was merged into (合并办理), naming the duplicate and who merged it: for staff,
     * never on the tracking page (a citizen is not told of another citizen's case).
     */
    public static final String DUPLICATE_MERGED_IN = "DUPLICATE_MERGED_IN";

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
