package cn.lianluo.cases.cases.persistence;

import cn.lianluo.cases.shared.Consent;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "citizen_case")
public class CaseEntity {
    @Id
    public UUID id;
    @Column(name = "tracking_code")
    public String trackingCode;
    public String title;
    public String content;
    public String category;
    public String kind;
    public boolean urgent;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "station_id")
    public UUID stationId;
    public String channel;
    /** The grid (网格) a case with channel GRID came from; null for every other channel. */
    @Column(name = "grid_id")
    public String gridId;
    @Column(name = "appointment_id")
    public UUID appointmentId;
    @Column(name = "citizen_name")
    public String citizenName;
    @Column(name = "citizen_phone")
    public String citizenPhone;
    /** The citizen sealed at rest (CitizenCipher); the two plain columns above stay null once sealed. */
    @Column(name = "citizen_name_sealed")
    public String citizenNameSealed;
    @Column(name = "citizen_phone_sealed")
    public String citizenPhoneSealed;
    @Column(name = "citizen_phone_hash")
    public String citizenPhoneHash;
    @Column(name = "receiving_deputy_id")
    public UUID receivingDeputyId;
    @Column(name = "unit_id")
    public UUID unitId;
    /** When the case came to that unit (交办, 上交 or 转办); null while no unit has it. */
    @Column(name = "assigned_at")
    public Instant assignedAt;
    public String status;
    public boolean paused;
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Column(name = "on_the_spot")
    public boolean onTheSpot;
    @Column(name = "reopen_count")
    public int reopenCount;
    @Column(name = "extension_pending")
    public boolean extensionPending;
    @Column(name = "extension_used")
    public boolean extensionUsed;
    @Column(name = "extension_days")
    public int extensionDays;
    public String satisfaction;
    @Column(name = "rated_by_citizen")
    public boolean ratedByCitizen;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Attachment> attachments = new ArrayList<>();
    @Column(name = "received_at")
    public Instant receivedAt;
    /** The notice on personal data the citizen agreed to; null when none was given. */
    @Embedded
    public Consent consent;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_on_time")
    public Boolean closedOnTime;
    @Column(name = "working_days_to_close")
    public Integer workingDaysToClose;
    @Column(name = "created_by")
    public String createdBy;
    /** Where the matter is, as the citizen says it, and in GCJ-02 (the coordinates Chinese maps use): both or neither. */
    public String address;
    public Double lat;
    public Double lng;
    /** 重复件: the open case this one looked like at intake, until it is merged or unlinked. */
    @Column(name = "possible_duplicate_of")
    public UUID possibleDuplicateOf;
    /** The case this one was merged into (status MERGED): its answer is this case's answer. */
    @Column(name = "merged_into")
    public UUID mergedInto;
    @Version
    public int version;

    /**
     * A file of the case: one stored by case-service ({@code fileId}, its bytes in {@code case_file}), or a link to
     * one elsewhere ({@code url}, the form of before stored uploads). {@code step} is the command that added it
     * ({@code complete}, {@code reply}); null for the files of the submission.
     */
    public record Attachment(String name, String contentType, long size, String url, UUID fileId, String step) {
    }
}
