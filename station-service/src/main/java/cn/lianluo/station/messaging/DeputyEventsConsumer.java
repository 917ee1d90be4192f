package cn.lianluo.station.messaging;

import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.events.contract.DeputyEvents;
import cn.lianluo.common.events.contract.DeputyEvents.Assigned;
import cn.lianluo.common.events.contract.DeputyEvents.DeputyData;
import cn.lianluo.common.events.contract.DeputyEvents.MandateChanged;
import cn.lianluo.common.events.contract.DeputyEvents.Unassigned;
import cn.lianluo.common.inbox.Copies;
import cn.lianluo.common.inbox.EventHandlers;
import cn.lianluo.common.inbox.Inbox;
import cn.lianluo.station.persistence.DeputyCopyEntity;
import cn.lianluo.station.persistence.DeputyCopyRepository;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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

    private final Inbox inbox;
    private final DeputyCopyRepository deputies;
    private final EventHandlers handlers;

    public DeputyEventsConsumer(Inbox inbox, DeputyCopyRepository deputies) {
        this.inbox = inbox;
        this.deputies = deputies;
        // group events do not change who may be on duty
        this.handlers = EventHandlers.of(DeputyEvents.CONTRACT)
                .on(DeputyData.class, this::copy, DeputyEvents.REGISTERED, DeputyEvents.UPDATED)
                .on(MandateChanged.class, this::mandate, DeputyEvents.MANDATE_ENDED, DeputyEvents.MANDATE_ADDED)
                .on(Assigned.class, (event, data) -> assignment(data.deputyId(), data.stationId(), true),
                        DeputyEvents.ASSIGNED)
                .on(Unassigned.class, (event, data) -> assignment(data.deputyId(), data.stationId(), false),
                        DeputyEvents.UNASSIGNED);
    }

    @Incoming("deputy-events")
    @Blocking
    public void consume(String envelope) {
        inbox.deliverInNewTransaction(CONSUMER, envelope, handlers);
    }

    private void copy(IncomingEvent event, DeputyData data) {
        UUID deputyId = data.deputyId();
        DeputyCopyEntity kept = deputies.findById(deputyId);
        Copies.toWrite(kept, d -> d.updatedAt, event.time(), () -> new DeputyCopyEntity(deputyId)).ifPresent(deputy -> {
            deputy.regionCode = regionCode(data.regionCode());
            deputy.active = data.active();
            deputy.updatedAt = event.time();
            deputies.persist(deputy); // stores a new copy; a kept one is managed, and persisting it again changes nothing
        });
    }

    /** A mandate changes whether the deputy is active; a deputy not kept yet has no copy to change. */
    private void mandate(IncomingEvent event, MandateChanged data) {
        Copies.kept(deputies.findById(data.deputyId()), d -> d.updatedAt, event.time()).ifPresent(deputy -> {
            deputy.active = data.deputyActive();
            deputy.updatedAt = event.time();
        });
    }

    /**
     * One deputy's events share a partition (the key is the deputy id), so an assignment never comes before the
     * registration it belongs to; a set of stations needs no ordering by time beyond that.
     */
    private void assignment(UUID deputyId, UUID stationId, boolean assigned) {
        DeputyCopyEntity deputy = deputies.findById(deputyId);
        if (deputy == null) {
            return;
        }
        String station = stationId(stationId);
        List<String> stations = new ArrayList<>(deputy.stationIds);
        stations.remove(station);
        if (assigned) {
            stations.add(station);
        }
        deputy.stationIds = stations;
    }

    /** The station of an assignment event; one without a readable id is a dead letter, never a copy that breaks receptions. */
    private static String stationId(UUID stationId) {
        if (stationId == null) {
            throw new IncomingEvent.Unreadable("an assignment event without a readable stationId");
        }
        return stationId.toString();
    }

    /** A deputy's region; an event without a valid one is a dead letter, not a copy that fails every reception later. */
    private static String regionCode(String raw) {
        if (!cn.lianluo.common.region.RegionCode.isValid(raw)) {
            throw new IncomingEvent.Unreadable("a deputy event without a valid regionCode: '" + raw + "'");
        }
        return raw;
    }
}
