package cn.lianluo.cases.units.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "unit")
public class UnitEntity {
    @Id
    public UUID id;
    @Column(name = "seed_key")
    public String seedKey;
    public String name;
    @Column(name = "region_code")
    public String regionCode;
    public String level;
    public String kind;
}
