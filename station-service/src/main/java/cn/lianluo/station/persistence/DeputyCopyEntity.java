package cn.lianluo.station.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** station-service's copy of a deputy, from deputy.events: region, active, the stations they are assigned to. */
@Entity
@Table(name = "deputy_copy")
public class DeputyCopyEntity {
    @Id
    @Column(name = "deputy_id")
    public UUID deputyId;
    @Column(name = "region_code", nullable = false)
    public String regionCode;
    public boolean active;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "station_ids", nullable = false)
    public List<String> stationIds = new ArrayList<>();
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** For Hibernate. */
    protected DeputyCopyEntity() {
    }

    /** The copy of a deputy not kept before, for the event that first names them to fill in. */
    public DeputyCopyEntity(UUID deputyId) {
        this.deputyId = deputyId;
    }
}
