package cn.lianluo.common.data;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.OffsetDateTime;

/**
 * The columns of a row that records who created it and when ({@code created_at}, {@code created_by}). The service
 * that creates the row sets them, from its own clock and the caller.
 */
@MappedSuperclass
public abstract class CreatedEntity {
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
