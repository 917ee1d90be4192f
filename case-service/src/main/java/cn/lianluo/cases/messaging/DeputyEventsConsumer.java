package cn.lianluo.cases.messaging;

import cn.lianluo.cases.units.persistence.DeputyCopyEntity;
import cn.lianluo.cases.units.persistence.UnitRepositories;
import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.inbox.Copies;
import cn.lianluo.common.inbox.EventHandlers;
import cn.lianluo.common.inbox.Inbox;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
        this.handlers = EventHandlers.none()
                .on(this::copy, "lianluo.deputy.registered.v1", "lianluo.deputy.updated.v1")
                .on(this::mandate, "lianluo.deputy.mandate-ended.v1", "lianluo.deputy.mandate-added.v1");
    }

    @Incoming("deputy-events")
    @Blocking
    @Transactional
    public void consume(String envelope) {
        inbox.deliver(CONSUMER, envelope, handlers);
    }

    private void copy(IncomingEvent event) {
        JsonNode data = event.data();
        UUID deputyId = UUID.fromString(data.path("deputyId").asText());
        DeputyCopyEntity kept = deputies.findById(deputyId);
        Copies.toWrite(kept, d -> d.updatedAt, event.time(), () -> new DeputyCopyEntity(deputyId)).ifPresent(deputy -> {
            deputy.name = data.path("name").asText();
            deputy.regionCode = data.path("regionCode").asText();
            deputy.active = data.path("active").asBoolean();
            deputy.levels = new ArrayList<>();
            for (JsonNode m : data.path("mandates")) {
                if ("ACTIVE".equals(m.path("status").asText()) && !deputy.levels.contains(m.path("level").asText())) {
                    deputy.levels.add(m.path("level").asText());
                }
            }
            deputy.updatedAt = event.time();
            deputies.persist(deputy); // stores a new copy; a kept one is managed, and persisting it again changes nothing
        });
    }

    /** A mandate changes the deputy's levels and whether they are active; a deputy not kept yet has no copy to change. */
    private void mandate(IncomingEvent event) {
        JsonNode data = event.data();
        JsonNode mandate = data.path("mandate");
        Copies.kept(deputies.findById(UUID.fromString(data.path("deputyId").asText())), d -> d.updatedAt, event.time())
                .ifPresent(deputy -> {
                    List<String> levels = new ArrayList<>(deputy.levels);
                    levels.remove(mandate.path("level").asText());
                    if ("ACTIVE".equals(mandate.path("status").asText())) {
                        levels.add(mandate.path("level").asText());
                    }
                    deputy.levels = levels;
                    deputy.active = data.path("deputyActive").asBoolean();
                    deputy.updatedAt = event.time();
                });
    }
}
