package cn.lianluo.cases.units.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** case-service's copy of a deputy, from deputy.events. */
@Entity
@Table(name = "deputy_copy")
public class DeputyCopyEntity {
    @Id
    @Column(name = "deputy_id")
    public UUID deputyId;
    public String name;
    @Column(name = "region_code")
    public String regionCode;
    public boolean active;
    /** The levels of congress the deputy sits in now (active mandates). */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    public java.util.List<String> levels = new java.util.ArrayList<>();
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** For Hibernate. */
    protected DeputyCopyEntity() {
    }

    /** The copy of a deputy not kept before, for the event that first names them to fill in. */
    public DeputyCopyEntity(UUID deputyId) {
        this.deputyId = deputyId;
    }
}
