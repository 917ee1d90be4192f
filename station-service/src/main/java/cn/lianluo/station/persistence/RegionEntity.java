package cn.lianluo.station.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "region")
public class RegionEntity {
    @Id
    public String code;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String level;
    @Column(name = "parent_code")
    public String parentCode;
}
