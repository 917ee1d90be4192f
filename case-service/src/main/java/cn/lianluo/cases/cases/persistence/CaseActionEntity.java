package cn.lianluo.cases.cases.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One entry of a case's timeline. */
@Entity
@Table(name = "case_action")
public class CaseActionEntity {
    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    public String action;
    @Column(name = "actor_role")
    public String actorRole;
    public String actor;
    public Instant at;
    public String note;
    /** What the citizen was told (answer or reply content, the handling result): the tracking page shows it. */
    public String content;
    @Column(name = "unit_id")
    public UUID unitId;
    public String status;
}
