package cn.lianluo.common.outbox;

import cn.lianluo.common.events.CloudEvent;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.time.Zones;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes an event to the {@code outbox} table in the caller's transaction, so the change and its event
 * commit or roll back together; {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final EventsConfig config;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final EventTraces traces;

    public Outbox(EntityManager em, ObjectMapper mapper, EventsConfig config, OutboxRelay relay,
                  TransactionSynchronizationRegistry transactions, EventTraces traces) {
        this.em = em;
        this.mapper = mapper;
        this.config = config;
        this.relay = relay;
        this.transactions = transactions;
        this.traces = traces;
    }

    /**
     * @param type      the versioned event type, e.g. {@code lianluo.station.registered.v1}
     * @param subject   the aggregate id; also the Kafka key, so one aggregate's events stay in order
     * @param region    the region the aggregate belongs to (the {@code regioncode} extension)
     * @param data      the event's data, serialised with the application's ObjectMapper
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent add(String type, String subject, RegionCode region, Object data) {
        return write(UUID.randomUUID(), type, subject, region, data, "").orElseThrow();
    }

    /**
     * An event with an id of the caller's choosing, written only if no event with that id is in the outbox: a
     * notice that must go out once whoever (or however often) sends it, its id made of what makes it one.
     *
     * @return the event, or empty when one with this id was already written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CloudEvent> addOnce(UUID id, String type, String subject, RegionCode region, Object data) {
        return write(id, type, subject, region, data, " ON CONFLICT (id) DO NOTHING");
    }

    private Optional<CloudEvent> write(UUID id, String type, String subject, RegionCode region, Object data,
                                       String onConflict) {
        JsonNode json = mapper.valueToTree(data);
        // the trace of the request that writes the event goes with it, for the relay and the consumers to continue
        CloudEvent event = traces.traced(CloudEvent.of(id, config.source(), type, subject,
                OffsetDateTime.now(Zones.CHINA), region == null ? null : region.value(), json));
        String envelope;
        try {
            envelope = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " cannot be serialised", e);
        }
        // straight on the transaction's connection: as a native query through Hibernate it flushed the session first
        // (the commit's work, done early) and its query machinery alone was 8 % of case-service's CPU under intake
        int written = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outbox (id, topic, aggregate_id, type, envelope) VALUES (?, ?, ?, ?, ?)" + onConflict)) {
                insert.setObject(1, id);
                insert.setString(2, config.topic());
                insert.setString(3, subject);
                insert.setString(4, type);
                insert.setString(5, envelope);
                return insert.executeUpdate();
            }
        });
        if (written == 0) {
            return Optional.empty();
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.nudge();
                }
            }
        });
        return Optional.of(event);
    }
}
