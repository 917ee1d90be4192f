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
@Table(name = "activity")
public class ActivityEntity {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String kind;
    @Column(name = "five_into_target")
    public String fiveIntoTarget;
    @Column(nullable = false)
    public String title;
    @Column(name = "region_code", nullable = false)
    public String regionCode;
    @Column(name = "station_id")
    public UUID stationId;
    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;
    public String place;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "participant_deputy_ids", nullable = false)
    public List<String> participantDeputyIds;
    public String note;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
    /** REPORT (述职评议) only, as the next two. */
    @Column(name = "reporting_deputy_id")
    public UUID reportingDeputyId;
    @Column(name = "voters_present")
    public Integer votersPresent;
    @Column(name = "assessment_code")
    public String assessmentCode;
}
