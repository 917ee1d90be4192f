package cn.lianluo.cases.livelihood.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One vote (票决) of a region, year and level: the rule, the window and the electorate fixed at opening. */
@Entity
@Table(name = "vote_session")
public class VoteSessionEntity {
    @Id
    public UUID id;
    @Column(name = "region_code")
    public String regionCode;
    public int year;
    public String level;
    public int places;
    @Column(name = "quorum_num")
    public int quorumNumerator;
    @Column(name = "quorum_den")
    public int quorumDenominator;
    @Column(name = "opens_at")
    public Instant opensAt;
    @Column(name = "closes_at")
    public Instant closesAt;
    public int electorate;
    @Column(name = "tallied_at")
    public Instant talliedAt;
}
