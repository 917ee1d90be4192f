package cn.lianluo.station.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file that proves a 六有 item of a station. Its bytes are in the same row ({@code station_evidence.content}) but not
 * mapped here, so a list of an item's evidence never reads them ({@link EvidenceRepository#content}).
 */
@Entity
@Table(name = "station_evidence")
public class EvidenceEntity {
    @Id
    public UUID id;
    @Column(name = "station_id")
    public UUID stationId;
    /** The {@code StandardItem} it proves. */
    public String item;
    /** The type the first bytes showed ({@code FileType}). */
    @Column(name = "content_type")
    public String contentType;
    public long size;
    /** SHA-256 of the bytes, lower-case hex. */
    public String sha256;
    /** The sender's name for it, sanitized ({@code FileNames}). */
    public String name;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
    /** The token's subject. */
    @Column(name = "uploaded_by")
    public String uploadedBy;
    /** The name the token carried, or its subject. */
    @Column(name = "uploaded_by_name")
    public String uploadedByName;
}
