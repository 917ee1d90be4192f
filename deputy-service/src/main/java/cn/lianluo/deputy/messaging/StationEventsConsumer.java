package cn.lianluo.deputy.messaging;

import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.common.events.contract.StationEvents.StationData;
import cn.lianluo.common.inbox.EventHandlers;
import cn.lianluo.common.inbox.Inbox;
import cn.lianluo.deputy.persistence.Repositories;
import cn.lianluo.deputy.persistence.StationCopyEntity;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Keeps deputy-service's copy of the stations it needs from {@code station.events}. Idempotent: the event id is
 * claimed in the same transaction as the upsert, so a redelivered event changes nothing. An event that cannot
 * be read goes to the dead-letter topic (see application.properties) and does not stop the partition.
 */
@ApplicationScoped
public class StationEventsConsumer {

    static final String CONSUMER = "deputy-service/station-copy";

    private final Inbox inbox;
    private final Repositories.Stations stations;
    private final EventHandlers handlers;

    public StationEventsConsumer(Inbox inbox, Repositories.Stations stations) {
        this.inbox = inbox;
        this.stations = stations;
        this.handlers = EventHandlers.of(StationEvents.CONTRACT)
                .on(StationData.class, this::copy, StationEvents.REGISTERED, StationEvents.UPDATED);
    }

    @Incoming("station-events")
    @Blocking
    public void consume(String envelope) {
        inbox.deliverInNewTransaction(CONSUMER, envelope, handlers);
    }

    private void copy(IncomingEvent event, StationData data) {
        UUID stationId = data.stationId();
        OffsetDateTime time = event.time().atOffset(java.time.ZoneOffset.UTC);
        StationCopyEntity station = stations.findById(stationId);
        if (station == null) {
            station = new StationCopyEntity();
            station.stationId = stationId;
        } else if (station.updatedAt != null && station.updatedAt.isAfter(time)) {
            return; // an older event than the one already applied
        }
        station.name = data.name();
        station.type = data.type();
        station.regionCode = data.regionCode();
        station.updatedAt = time;
        stations.persist(station);
    }
}
