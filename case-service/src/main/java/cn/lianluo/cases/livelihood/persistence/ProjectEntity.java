package cn.lianluo.cases.livelihood.persistence;

import cn.lianluo.cases.shared.Consent;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "livelihood_project")
public class ProjectEntity {
    @Id
    public UUID id;
    @Column(name = "region_code")
    public String regionCode;
    public int year;
    public String title;
    public String description;
    public String source;
    @Column(name = "proposer_name")
    public String proposerName;
    @Column(name = "proposer_phone")
    public String proposerPhone;
    /** The notice on personal data the proposer agreed to; null when none was given. */
    @Embedded
    public Consent consent;
    public String status;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "votes_for")
    public Integer votesFor;
    @Column(name = "votes_against")
    public Integer votesAgainst;
    @Column(name = "votes_abstain")
    public Integer votesAbstain;
    public int progress;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    /** The responsible unit (承办单位); null until staff set it. */
    @Column(name = "unit_id")
    public UUID unitId;
    /** 预算 in fen (分); null until staff set it. */
    @Column(name = "budget_fen")
    public Long budgetFen;
    /** PENDING, APPROVED or HIDDEN (ModerationState): what the public may see. */
    public String moderation;
    @Version
    public int version;
}
