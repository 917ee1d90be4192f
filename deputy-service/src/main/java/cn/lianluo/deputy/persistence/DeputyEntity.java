package cn.lianluo.deputy.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "deputy")
public class DeputyEntity {
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
    @Version
    public int version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
