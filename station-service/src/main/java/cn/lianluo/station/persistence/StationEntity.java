package cn.lianluo.station.persistence;

import cn.lianluo.common.data.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "station")
public class StationEntity extends AuditedEntity {
    @Id
    public UUID id;
    @Column(name = "seed_key")
    public String seedKey;
    @Column(nullable = false)
    public String type;
    @Column(nullable = false)
    public String name;
    @Column(name = "region_code", nullable = false)
    public String regionCode;
    public String address;
    public BigDecimal latitude;
    public BigDecimal longitude;
    @Column(name = "contact_person")
    public String contactPerson;
    @Column(name = "contact_phone")
    public String contactPhone;
    public String notice;
    @Column(name = "parent_station_id")
    public UUID parentStationId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> features = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ScheduleJson> schedules = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<RuleDocumentJson> rules = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<StandardItemJson> standard = new ArrayList<>();
    @Column(name = "standard_met")
    public boolean standardMet;
    @Column(name = "standard_assessed_at")
    public OffsetDateTime standardAssessedAt;

    /** A reception schedule as stored. */
    public record ScheduleJson(String label, String kind, List<Integer> daysOfMonth, List<String> weekdays,
                               String startDate, Integer everyDays, List<String> dates, String holidayPolicy,
                               String hours) {
    }

    /** A rules document (规章制度) of the station. */
    public record RuleDocumentJson(String title, String content) {
    }

    /** One item of the 六有 checklist. */
    public record StandardItemJson(String item, boolean met, String evidence) {
    }
}
