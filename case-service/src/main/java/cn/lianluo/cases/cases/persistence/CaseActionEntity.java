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
    /** The account's user name (the token's preferred_username, else its subject); citizen for a citizen. */
    public String actor;
    /** The account's id at the identity provider ({@code sub}); null for the citizen and for entries before V15. */
    @Column(name = "actor_subject")
    public String actorSubject;
    /** The person's name from the token ({@code name}), when it carried one. */
    @Column(name = "actor_name")
    public String actorName;
    /** The handling unit the account belongs to (its token's unitId), for a unit's staff. */
    @Column(name = "actor_unit_id")
    public UUID actorUnitId;
    public Instant at;
    public String note;
    /** What the citizen was told (answer or reply content, the handling result): the tracking page shows it. */
    public String content;
    @Column(name = "unit_id")
    public UUID unitId;
    public String status;
}
