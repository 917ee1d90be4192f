package cn.lianluo.deputy.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "group_member")
public class GroupMemberEntity {
    @Id
    public UUID id;
    @Column(name = "group_id")
    public UUID groupId;
    @Column(name = "deputy_id")
    public UUID deputyId;
    @Column(name = "expert_name")
    public String expertName;
    @Column(name = "expert_field")
    public String expertField;
    @Column(name = "expert_organisation")
    public String expertOrganisation;
    @Column(name = "joined_on")
    public LocalDate joinedOn;
    @Column(name = "left_on")
    public LocalDate leftOn;
}
