package cn.lianluo.station.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "reception")
public class ReceptionEntity {
    @Id
    public UUID id;
    @Column(name = "station_id", nullable = false)
    public UUID stationId;
    @Column(name = "region_code", nullable = false)
    public String regionCode;
    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "deputy_ids", nullable = false)
    public List<String> deputyIds;
    public int visitors;
    @Column(name = "cases_received")
    public int casesReceived;
    public String note;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
