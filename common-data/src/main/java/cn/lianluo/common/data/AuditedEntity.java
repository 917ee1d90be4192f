package cn.lianluo.common.data;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/**
 * A row that is edited after it is created: besides its creation, who changed it last and when
 * ({@code updated_at}, {@code updated_by}), and the {@code version} that makes a concurrent edit fail instead of being
 * lost. The service that changes the row sets the two columns; Hibernate keeps the version.
 */
@MappedSuperclass
public abstract class AuditedEntity extends CreatedEntity {
    @Version
    public int version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
