package cn.lianluo.common.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of the {@code outbox} table, read-only here: {@link Outbox} writes it, {@link OutboxRelay} sends it. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {
    @Id
    public long seq;
    public UUID id;
    public String topic;
    @Column(name = "aggregate_id")
    public String aggregateId;
    public String type;
    public String envelope;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
