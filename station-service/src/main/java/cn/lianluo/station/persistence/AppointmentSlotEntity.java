package cn.lianluo.station.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A time a deputy is at a station to meet citizens by appointment (代表有约). */
@Entity
@Table(name = "appointment_slot")
public class AppointmentSlotEntity {
    @Id
    public UUID id;
    @Column(name = "station_id", nullable = false)
    public UUID stationId;
    @Column(name = "region_code", nullable = false)
    public String regionCode;
    @Column(name = "deputy_id", nullable = false)
    public UUID deputyId;
    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;
    public int minutes;
    public int capacity;
    @Column(name = "opened_by", nullable = false)
    public String openedBy;
    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;
    /** Set when the deputy, or staff for them, withdrew the slot: it takes no booking after. */
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;
    @Column(name = "withdraw_reason")
    public String withdrawReason;
}
