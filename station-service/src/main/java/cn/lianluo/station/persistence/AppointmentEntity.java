package cn.lianluo.station.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A citizen's appointment in a slot: who (sealed), about what, and how it ended. */
@Entity
@Table(name = "appointment")
public class AppointmentEntity {
    @Id
    public UUID id;
    @Column(name = "slot_id", nullable = false)
    public UUID slotId;
    @Column(name = "station_id", nullable = false)
    public UUID stationId;
    @Column(name = "region_code", nullable = false)
    public String regionCode;
    @Column(name = "deputy_id", nullable = false)
    public UUID deputyId;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String topic;
    @Column(name = "citizen_name_sealed", nullable = false)
    public String citizenNameSealed;
    @Column(name = "citizen_phone_sealed", nullable = false)
    public String citizenPhoneSealed;
    @Column(name = "citizen_phone_hash", nullable = false)
    public String citizenPhoneHash;
    @Column(name = "code_hash", nullable = false)
    public String codeHash;
    @Column(name = "booked_at", nullable = false)
    public OffsetDateTime bookedAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "reception_id")
    public UUID receptionId;
    public String request;
    public String note;
    /** The version of the notice on personal data the citizen agreed to when booking, and when; null before V9. */
    @Column(name = "consented_notice")
    public String consentedNotice;
    @Column(name = "consented_at")
    public OffsetDateTime consentedAt;
    /** CITIZEN or SLOT_WITHDRAWN, on a cancelled appointment. */
    @Column(name = "cancel_reason")
    public String cancelReason;
}
