package cn.lianluo.cases.messaging;

import cn.lianluo.cases.units.persistence.DeputyCopyEntity;
import cn.lianluo.cases.units.persistence.UnitRepositories;
import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.events.contract.DeputyEvents;
import cn.lianluo.common.events.contract.DeputyEvents.DeputyData;
import cn.lianluo.common.events.contract.DeputyEvents.MandateChanged;
import cn.lianluo.common.events.contract.DeputyEvents.MandateData;
import cn.lianluo.common.inbox.Copies;
import cn.lianluo.common.inbox.EventHandlers;
import cn.lianluo.common.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps case-service's copy of deputies (id, name, region, active) from {@code deputy.events}, idempotently; an
 * unreadable event goes to the dead-letter topic.
 */
@ApplicationScoped
public class DeputyEventsConsumer {

    static final String CONSUMER = "case-service/deputy-copy";

    private final Inbox inbox;
    private final UnitRepositories.Deputies deputies;
    private final EventHandlers handlers;

    public DeputyEventsConsumer(Inbox inbox, UnitRepositories.Deputies deputies) {
        this.inbox = inbox;
        this.deputies = deputies;
        // other deputy events do not change what case-service keeps
        this.handlers = EventHandlers.of(DeputyEvents.CONTRACT)
                .on(DeputyData.class, this::copy, DeputyEvents.REGISTERED, DeputyEvents.UPDATED)
                .on(MandateChanged.class, this::mandate, DeputyEvents.MANDATE_ENDED, DeputyEvents.MANDATE_ADDED);
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
            deputy.name = data.name();
            deputy.regionCode = data.regionCode();
            deputy.active = data.active();
            deputy.levels = new ArrayList<>();
            for (MandateData m : data.mandates() == null ? List.<MandateData>of() : data.mandates()) {
                if ("ACTIVE".equals(m.status()) && !deputy.levels.contains(m.level())) {
                    deputy.levels.add(m.level());
                }
            }
            deputy.updatedAt = event.time();
            deputies.persist(deputy); // stores a new copy; a kept one is managed, and persisting it again changes nothing
        });
    }

    /** A mandate changes the deputy's levels and whether they are active; a deputy not kept yet has no copy to change. */
    private void mandate(IncomingEvent event, MandateChanged data) {
        MandateData mandate = data.mandate();
        Copies.kept(deputies.findById(data.deputyId()), d -> d.updatedAt, event.time())
                .ifPresent(deputy -> {
                    List<String> levels = new ArrayList<>(deputy.levels);
                    levels.remove(mandate.level());
                    if ("ACTIVE".equals(mandate.status())) {
                        levels.add(mandate.level());
                    }
                    deputy.levels = levels;
                    deputy.active = data.deputyActive();
                    deputy.updatedAt = event.time();
                });
    }
}
