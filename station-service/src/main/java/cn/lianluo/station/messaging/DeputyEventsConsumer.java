package cn.lianluo.station.messaging;

import cn.lianluo.common.data.TransientFailures;
import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.outbox.ProcessedEvents;
import cn.lianluo.station.persistence.DeputyCopyEntity;
import cn.lianluo.station.persistence.DeputyCopyRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps station-service's copy of deputies (region, active, the stations they are assigned to) from
 * {@code deputy.events}, so a reception or an activity names only deputies who may be credited. Idempotent: the event
 * id is claimed in the transaction of the change. An unreadable event goes to the dead-letter topic; one the database
 * refused for a moment (a deadlock, a serialisation failure) is applied again in a new transaction, since a lost
 * {@code registered} would refuse a deputy for good and a lost {@code mandate-ended} keep a retired one creditable.
 */
@ApplicationScoped
public class DeputyEventsConsumer {

    static final String CONSUMER = "station-service/deputy-copy";

    private final ProcessedEvents processed;
    private final DeputyCopyRepository deputies;
    private final ObjectMapper mapper;

    public DeputyEventsConsumer(ProcessedEvents processed, DeputyCopyRepository deputies, ObjectMapper mapper) {
        this.processed = processed;
        this.deputies = deputies;
        this.mapper = mapper;
    }

    /** An event is applied up to this many times when the database refuses it for a moment (then it goes to the DLQ). */
    static final int ATTEMPTS = 3;

    @Incoming("deputy-events")
    @Blocking
    public void consume(String envelope) {
        TransientFailures.inNewTransaction(ATTEMPTS, () -> apply(envelope));
    }

    void apply(String envelope) {
        IncomingEvent event = IncomingEvent.parse(mapper, envelope);
        if (!processed.firstTime(CONSUMER, event.id())) {
            return;
        }
        JsonNode data = event.data();
        Instant time = event.time();
        switch (event.type()) {
            case "lianluo.deputy.registered.v1", "lianluo.deputy.updated.v1" -> {
                UUID deputyId = UUID.fromString(data.path("deputyId").asText());
                DeputyCopyEntity deputy = deputies.findById(deputyId);
                if (deputy != null && deputy.updatedAt.isAfter(time)) {
                    return; // an older event than the one already applied
                }
                boolean fresh = deputy == null;
                if (fresh) {
                    deputy = new DeputyCopyEntity();
                    deputy.deputyId = deputyId;
                }
                deputy.regionCode = regionCode(data);
                deputy.active = data.path("active").asBoolean();
                deputy.updatedAt = time;
                if (fresh) {
                    deputies.persist(deputy);
                }
            }
            case "lianluo.deputy.mandate-ended.v1", "lianluo.deputy.mandate-added.v1" -> {
                DeputyCopyEntity deputy = deputies.findById(UUID.fromString(data.path("deputyId").asText()));
                if (deputy != null && !deputy.updatedAt.isAfter(time)) {
                    deputy.active = data.path("deputyActive").asBoolean();
                    deputy.updatedAt = time;
                }
            }
            // one deputy's events share a partition (the key is the deputy id), so an assignment never comes before
            // the registration it belongs to; a set of stations needs no ordering by time beyond that
            case "lianluo.deputy.assigned.v1", "lianluo.deputy.unassigned.v1" -> {
                DeputyCopyEntity deputy = deputies.findById(UUID.fromString(data.path("deputyId").asText()));
                if (deputy == null) {
                    return;
                }
                String station = stationId(data);
                List<String> stations = new ArrayList<>(deputy.stationIds);
                stations.remove(station);
                if (event.type().endsWith(".assigned.v1")) {
                    stations.add(station);
                }
                deputy.stationIds = stations;
            }
            default -> {
                // group events do not change who may be on duty
            }
        }
    }

    /** The station of an assignment event; one without a readable id is a dead letter, never a copy that breaks receptions. */
    private static String stationId(JsonNode data) {
        try {
            return UUID.fromString(data.path("stationId").asText()).toString();
        } catch (IllegalArgumentException e) {
            throw new IncomingEvent.Unreadable("an assignment event without a readable stationId");
        }
    }

    /** A deputy's region; an event without a valid one is a dead letter, not a copy that fails every reception later. */
    private static String regionCode(JsonNode data) {
        String raw = data.path("regionCode").asText();
        if (!cn.lianluo.common.region.RegionCode.isValid(raw)) {
            throw new IncomingEvent.Unreadable("a deputy event without a valid regionCode: '" + raw + "'");
        }
        return raw;
    }
}
