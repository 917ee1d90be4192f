package cn.lianluo.common.data;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** A row that is edited after it is created: besides its creation, its version and its last change. */
@MappedSuperclass
public abstract class AuditedEntity extends CreatedEntity {
    /** Counted up by Hibernate at every change, so that an edit made on a stale copy fails instead of being lost. */
    @Version
    public int version;
    /** Who changed the row last and when; the service that changes it sets both. */
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
