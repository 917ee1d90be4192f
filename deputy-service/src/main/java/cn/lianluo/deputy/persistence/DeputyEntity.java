package cn.lianluo.deputy.persistence;

import cn.lianluo.common.data.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "deputy")
public class DeputyEntity extends AuditedEntity {
    @Id
    public UUID id;
    @Column(name = "seed_key")
    public String seedKey;
    public String name;
    public String gender;
    public String ethnicity;
    @Column(name = "birth_year")
    public int birthYear;
    public String party;
    @Column(name = "occupation_sector")
    public String occupationSector;
    @Column(name = "electoral_unit")
    public String electoralUnit;
    @Column(name = "region_code")
    public String regionCode;
    public String phone;
}
