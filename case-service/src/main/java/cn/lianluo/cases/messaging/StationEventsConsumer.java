package cn.lianluo.cases.messaging;

import cn.lianluo.cases.shared.KnownRegions;
import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.common.events.contract.StationEvents.RegionsAdded;
import cn.lianluo.common.inbox.EventHandlers;
import cn.lianluo.common.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the region codes station-service's imports added ({@code station.events}), so a case may name them; the
 * other station events do not concern case-service. An unreadable event goes to the dead-letter topic.
 */
@ApplicationScoped
public class StationEventsConsumer {

    static final String CONSUMER = "case-service/regions";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public StationEventsConsumer(Inbox inbox, KnownRegions regions) {
        this.inbox = inbox;
        this.handlers = EventHandlers.of(StationEvents.CONTRACT)
                .on(RegionsAdded.class, (IncomingEvent event, RegionsAdded data) -> regions.add(data.codes()),
                        StationEvents.REGIONS_ADDED);
    }

    @Incoming("station-events")
    @Blocking
    public void consume(String envelope) {
        inbox.deliverInNewTransaction(CONSUMER, envelope, handlers);
    }
}
