package cn.lianluo.cases.files.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored file's description. Its bytes are in the same row ({@code case_file.content}) but not mapped here: a list
 * of a case's files, or the check before a download, never reads megabytes it does not need
 * ({@link FileRepository#content}, {@link FileRepository#insert}). With an object store configured they are there
 * instead, under the file's id, and {@code content} is null ({@link FileStore}).
 */
@Entity
@Table(name = "case_file")
public class FileEntity {
    @Id
    public UUID id;
    /** The type the first bytes showed ({@code FileType}), never the one the sender declared. */
    @Column(name = "content_type")
    public String contentType;
    public long size;
    /** SHA-256 of the bytes, lower-case hex. */
    public String sha256;
    /** The sender's name for it, sanitized ({@code FileNames}). */
    public String name;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The token's subject, or {@code citizen} for an upload without a token. */
    @Column(name = "uploaded_by")
    public String uploadedBy;
    /** The case the file belongs to; null until a submission attaches it. */
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "attached_at")
    public Instant attachedAt;
    /** The project milestone (节点) whose photo it is; null unless one took it (never with a case). */
    @Column(name = "milestone_id")
    public UUID milestoneId;
}
