package cn.lianluo.deputy.persistence;

import cn.lianluo.common.data.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "deputy_group")
public class GroupEntity extends CreatedEntity {
    @Id
    public UUID id;
    public String kind;
    public String name;
    public String theme;
    @Column(name = "region_code")
    public String regionCode;
}
