package cn.lianluo.deputy.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** deputy-service's copy of a station, built from station.events. */
@Entity
@Table(name = "station_copy")
public class StationCopyEntity {
    @Id
    @Column(name = "station_id")
    public UUID stationId;
    public String name;
    public String type;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
