package cn.lianluo.deputy.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "deputy_group")
public class GroupEntity {
    @Id
    public UUID id;
    public String kind;
    public String name;
    public String theme;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
